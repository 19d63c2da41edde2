import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sealControlRaw } from './control-frames.testkit.js';
import { FAKE_KEYS, FakeControlNet } from './control-link.fake.js';
import { encodeFragment } from './frames.js';
import { encodeMessage } from './messages.js';
const SUMS = { global: 'g', root: 'r', all: 'a', sections: { 'system.ha': '00ff' } };
/** Config-like text that deflate cannot shrink much (hex of a PRNG), so `bytes` is about what crosses the wire. */
function text(bytes, seed) {
    const lines = [];
    let x = seed || 1;
    let length = 0;
    for (let i = 0; length < bytes; i++) {
        let hex = '';
        for (let j = 0; j < 8; j++) {
            x = (x * 48271) % 0x7fffffff;
            hex += x.toString(16).padStart(8, '0');
        }
        const line = `    edit ${i}\n        set comments "${hex}"\n    next`;
        lines.push(line);
        length += line.length + 1;
    }
    return lines.join('\n');
}
/** A push of about `bytes` of config text, numbered so order and completeness can be checked. */
function push(v, bytes = 100) {
    const sections = [['firewall.policy', `config firewall policy\n${text(bytes, v)}\nend\n`]];
    return { k: 'push', v, base: 'b', full: false, reason: `commit ${v}`, sections, sums: SUMS };
}
/** Collects the pushes each unit receives, by sender. */
function collect(net, serial) {
    const got = new Map();
    net.link(serial).on('push', (from, m) => got.set(from, [...(got.get(from) ?? []), m]));
    return got;
}
test('a message crosses whole, and status counts it', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'] });
    const got = collect(net, 'B');
    const m = push(1);
    assert.equal(net.link('A').send('B', m), true);
    net.advance(50);
    assert.deepEqual(got.get('A'), [m]);
    const a = net.link('A').status();
    assert.deepEqual(a.peers.map((p) => [p.serial, p.sent, p.pending, p.resets]), [['B', 1, 0, 0]]);
    assert.equal(net.link('B').status().peers[0]?.received, 1);
    assert.equal(net.link('A').send('Z', m), false, 'no stream to a unit that is no peer');
});
for (const loss of [0.1, 0.3]) {
    test(`large messages to two peers arrive whole, in order, once, at ${loss * 100} % loss with reordering`, () => {
        const faults = { loss, duplicate: 0.05, delayMs: 0.3, jitterMs: 4 };
        const net = new FakeControlNet({ serials: ['A', 'B', 'C'], faults, seed: loss * 1000 });
        const atB = collect(net, 'B');
        const atC = collect(net, 'C');
        const resets = [];
        net.link('A').onPeerReset((s, why) => resets.push(`${s}: ${why}`));
        const sent = [];
        for (let v = 1; v <= 6; v++) {
            const m = push(v, v % 2 === 0 ? 200_000 : 3000);
            sent.push(m);
            assert.equal(net.link('A').send('B', m), true);
            assert.equal(net.link('A').send('C', m), true);
        }
        const done = () => atB.get('A')?.length === 6 && atC.get('A')?.length === 6;
        assert.ok(net.runUntil(done, 60_000), `B has ${atB.get('A')?.length ?? 0}, C ${atC.get('A')?.length ?? 0} of 6`);
        assert.deepEqual(atB.get('A'), sent);
        assert.deepEqual(atC.get('A'), sent);
        assert.deepEqual(resets, []);
        const a = net.link('A').status();
        assert.ok(a.peers.every((p) => p.retransmits > 0), 'loss was repaired by retransmission');
        net.advance(200);
        assert.ok(net
            .link('A')
            .status()
            .peers.every((p) => p.pending === 0), 'every message acknowledged');
        // C hears the frames of the stream to B, and B those to C: dropped as not for them.
        assert.ok((net.link('C').status().rejected.notForUs ?? 0) > 0);
        assert.ok((net.link('B').status().rejected.notForUs ?? 0) > 0);
    });
}
test('a peer restarting mid-message: its half message is dropped, both sides reset, new messages flow', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'], faults: { loss: 0, duplicate: 0, delayMs: 0.5, jitterMs: 0 } });
    const atB = collect(net, 'B');
    const resetsAtB = [];
    net.link('B').onPeerReset((s, why) => resetsAtB.push(`${s}: ${why}`));
    net.link('A').send('B', push(1, 2_000_000));
    net.advance(2);
    assert.ok((net.link('B').status().peers[0]?.received ?? 0) === 0, 'still half built');
    const a2 = net.restart('A');
    const m = push(2, 5000);
    a2.send('B', m);
    const toA = [];
    a2.on('sync-req', () => toA.push(1));
    assert.ok(net.runUntil(() => (atB.get('A')?.length ?? 0) >= 1, 2000));
    assert.deepEqual(atB.get('A'), [m], 'only the new life message arrived, the half one was dropped');
    assert.deepEqual(resetsAtB, ['A: it restarted']);
    assert.equal(net.link('B').status().rejected.malformedMessage, 0);
    // B's stream to A restarted too: the rebooted A takes B's messages from the first.
    net.link('B').send('A', { k: 'sync-req', reason: 'after restart' });
    assert.ok(net.runUntil(() => toA.length === 1, 1000));
});
test('a new epoch mid-message (the sender gave up): the half message is dropped, the next arrives whole', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'] });
    const atB = collect(net, 'B');
    const acks = net.wire('B', 'A');
    acks.dropIf = () => true;
    net.link('A').send('B', push(1, 2_000_000));
    net.advance(100);
    const b = net.link('B').status().peers[0];
    assert.equal(b?.received, 0, 'B holds the first window of fragments, no whole message');
    net.advance(5000);
    assert.equal(net.link('A').status().peers[0]?.resets, 1, 'A gave up and started a new epoch');
    acks.dropIf = () => false;
    const m = push(2, 3000);
    net.link('A').send('B', m);
    net.advance(50);
    assert.deepEqual(atB.get('A'), [m]);
    assert.equal(net.link('B').status().rejected.malformedMessage, 0);
});
test('a stream that gets no acks gives up after 5 s, fires onPeerReset, and starts over when the way is back', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'] });
    const atB = collect(net, 'B');
    const resets = [];
    net.link('A').onPeerReset((_, why) => resets.push(why));
    const cut = net.wire('A', 'B');
    cut.dropIf = () => true;
    net.link('A').send('B', push(1));
    net.advance(4990);
    assert.deepEqual(resets, []);
    net.advance(20);
    assert.equal(resets.length, 1);
    assert.match(resets[0] ?? '', /unacknowledged after 5\d\d\d ms/);
    assert.equal(net.link('A').status().peers[0]?.pending, 0, 'the message in flight was dropped with the stream');
    cut.dropIf = () => false;
    const m = push(2);
    net.link('A').send('B', m);
    net.advance(50);
    assert.deepEqual(atB.get('A'), [m]);
});
test('a peer leaving the snapshot ends its stream with a reset; frames from a non-member are counted', () => {
    const net = new FakeControlNet({ serials: ['A', 'B', 'C'] });
    const resets = [];
    net.link('A').onPeerReset((s, why) => resets.push(`${s}: ${why}`));
    net.setMembers('A', ['C']);
    assert.deepEqual(resets, ['B: left the cluster']);
    assert.deepEqual(net.link('A').peers(), ['C']);
    assert.equal(net.link('A').send('B', push(1)), false);
    net.link('B').send('A', push(2));
    net.advance(20);
    assert.ok((net.link('A').status().rejected.notMember ?? 0) > 0);
});
test('frames are AES-GCM encrypted whatever encryption says, and carry nothing in clear', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'], ring: { slots: [{ ...FAKE_KEYS, encryption: false }], send: 0 } });
    const frames = [];
    net.tap = (_, f) => frames.push(f);
    const secret = 'hunter2-in-clear';
    const m = push(1, 9000);
    m.reason = secret;
    m.sections.push(['system.admin', `config system admin\n    edit "admin"\n        set password ${secret}\n    next\nend\n`]);
    const got = collect(net, 'B');
    net.link('A').send('B', m);
    net.advance(50);
    assert.equal(got.get('A')?.[0]?.reason, secret);
    assert.ok(frames.length > 2);
    for (const f of frames) {
        assert.equal(f[4], 5, 'frame type 5');
        assert.equal((f[5] ?? 0) & 1, 1, 'FLAG_ENCRYPTED');
        assert.equal(Buffer.from(f).includes(secret), false);
        assert.equal(Buffer.from(f).includes('firewall'), false);
    }
});
test('a frame sealed by the format itself opens; one for another unit is notForUs; another type is malformedBody', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'] });
    const got = collect(net, 'B');
    const b = net.link('B');
    const m = push(7);
    const body = (to) => encodeFragment(to, 5 * 2 ** 20 + 1, 0, true, encodeMessage(m));
    const forUs = sealControlRaw({ serial: 'A', body: body('B'), bootId: 9 });
    b.receive(forUs, 0, forUs.length);
    assert.deepEqual(got.get('A'), [m]);
    const other = sealControlRaw({ serial: 'A', body: body('C'), bootId: 9, seq: 2 });
    b.receive(other, 0, other.length);
    const type4 = sealControlRaw({ serial: 'A', body: body('B'), bootId: 9, seq: 3, type: 4 });
    b.receive(type4, 0, type4.length);
    const wrongKey = sealControlRaw({ serial: 'A', body: body('B'), bootId: 9, seq: 4, password: 'other' });
    b.receive(wrongKey, 0, wrongKey.length);
    b.receive(forUs, 0, forUs.length);
    const r = b.status().rejected;
    assert.deepEqual([r.notForUs, r.malformedBody, r.badAuth, r.replayed], [1, 1, 1, 1]);
    assert.equal(got.get('A')?.length, 1);
});
test('re-keying with two slots: accepted during the change, no stream resets, the old key refused after', () => {
    const net = new FakeControlNet({ serials: ['A', 'B', 'C'], faults: { loss: 0.05, duplicate: 0, delayMs: 0.3, jitterMs: 1 } });
    const atB = collect(net, 'B');
    const resets = [];
    for (const s of ['A', 'B'])
        net.link(s).onPeerReset((p, why) => resets.push(`${s}->${p}: ${why}`));
    const next = { ...FAKE_KEYS, password: 'new-secret', groupId: 8 };
    const both = { slots: [FAKE_KEYS, next], send: 0 };
    net.link('B').setKeys(both);
    net.link('A').setKeys(both);
    net.link('A').send('B', push(1, 20_000));
    net.advance(30);
    // A seals with the new key; B still opens the old one too.
    net.link('A').setKeys({ slots: [FAKE_KEYS, next], send: 1 });
    net.link('A').send('B', push(2, 20_000));
    net.advance(30);
    net.link('B').setKeys({ slots: [next], send: 0 });
    net.link('A').setKeys({ slots: [next], send: 0 });
    net.link('A').send('B', push(3, 20_000));
    assert.ok(net.runUntil(() => atB.get('A')?.length === 3, 5000));
    assert.deepEqual(atB.get('A')?.map((m) => m.v), [1, 2, 3]);
    assert.deepEqual(resets, []);
    // C kept only the old key: A's frames now come in another group for it.
    const before = net.link('C').status().rejected.wrongGroup ?? 0;
    net.link('A').send('B', push(4));
    net.advance(30);
    assert.ok((net.link('C').status().rejected.wrongGroup ?? 0) > before);
    assert.throws(() => net.link('A').setKeys({ slots: [next], send: 1 }), /key ring send slot 1: expected 0/);
});
test('ping: the bytes arrive whole, and the answer says how long it took; no stream, no ping', async () => {
    const net = new FakeControlNet({ serials: ['A', 'B'], faults: { loss: 0.1, duplicate: 0, delayMs: 0.3, jitterMs: 2 } });
    const answer = net.link('A').ping('B', 200_000, 10_000);
    assert.ok(net.runUntil(() => net.link('A').status().peers[0]?.pending === 0 && net.link('B').status().peers[0]?.pending === 0, 5000));
    const r = await answer;
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(await net.link('A').ping('Z', 10, 1000), { ok: false, reason: 'no stream to Z' });
    net.wire('A', 'B').dropIf = () => true;
    const lost = net.link('A').ping('B', 10, 1000);
    net.advance(1000);
    assert.deepEqual(await lost, { ok: false, reason: 'no answer in 1000 ms' });
});
test('a handler that throws does not stop the others', () => {
    const net = new FakeControlNet({ serials: ['A', 'B'] });
    const seen = [];
    net.link('B').on('push', () => {
        throw new Error('boom');
    });
    net.link('B').on('push', (_, m) => seen.push(m.v));
    net.link('A').send('B', push(1));
    net.link('A').send('B', push(2));
    net.advance(50);
    assert.deepEqual(seen, [1, 2]);
});
//# sourceMappingURL=control-link.test.js.map