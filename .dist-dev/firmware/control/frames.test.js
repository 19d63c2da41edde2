import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_BODY_LEN } from '../ha/wire/header.js';
import { prng } from '../sessions/stream/channel.fake.js';
import { sealControlRaw } from './control-frames.testkit.js';
import { FAKE_RING, FakeControlNet } from './control-link.fake.js';
import { ControlSeal } from './control-seal.js';
import { decodeControlBody, encodeAck, encodeFragment, MAX_FRAGMENT_BYTES } from './frames.js';
import { encodeMessage } from './messages.js';
const hex = (b) => Buffer.from(b).toString('hex');
const bytes = (h) => new Uint8Array(Buffer.from(h.replace(/ /g, ''), 'hex'));
const decode = (b) => decodeControlBody(b, b.length);
test('a fragment is [1, to, epoch, seq, last, bytes] in CBOR', () => {
    const body = encodeFragment('B', 5, 7, true, Uint8Array.of(1, 2, 3));
    assert.equal(hex(body), '86' + '01' + '6142' + '05' + '07' + 'f5' + '43010203');
    assert.deepEqual(decode(body), { kind: 1, to: 'B', epoch: 5, seq: 7, last: true, bytes: Uint8Array.of(1, 2, 3) });
});
test('an ack is [2, to, epoch, cumulative, sack, dup, resync] in CBOR', () => {
    const body = encodeAck('A', { epoch: 5, cumulative: 3, sack: [5, 7], dup: -1, resync: false });
    assert.equal(hex(body), '87' + '02' + '6141' + '05' + '03' + '820507' + '20' + 'f4');
    assert.deepEqual(decode(body), { kind: 2, to: 'A', epoch: 5, cumulative: 3, sack: [5, 7], dup: -1, resync: false });
});
test('epochs above 2^32 read back whether written as uint64 or as a double', () => {
    const epoch = 4_000_000_000 * 2 ** 20 + 3;
    const asU64 = bytes(`86 01 6142 1b 000ee6b2 80000003 00 f4 40`);
    assert.deepEqual(decode(asU64), { kind: 1, to: 'B', epoch, seq: 0, last: false, bytes: new Uint8Array(0) });
    const ours = encodeFragment('B', epoch, 0, false, new Uint8Array(0));
    assert.equal(decode(ours)?.epoch, epoch);
});
test('the largest fragment fits a frame, with the longest serial and the largest numbers', () => {
    const body = encodeFragment('TDSIM00000000002', 2 ** 53 - 1, 2 ** 53 - 1, true, new Uint8Array(MAX_FRAGMENT_BYTES));
    assert.ok(body.length <= MAX_BODY_LEN, `${body.length} bytes`);
});
test('anything else is null', () => {
    const bad = [
        '',
        'ff',
        '80',
        'a0',
        '83 03 6142 00',
        '85 01 6142 05 07 f5', // one field short
        '86 01 60 05 07 f5 40', // empty to
        `86 01 71 ${'41'.repeat(17)} 05 07 f5 40`, // 17-character to
        '86 01 6142 20 07 f5 40', // negative epoch
        '86 01 6142 05 fb3ff8000000000000 f5 40', // seq 1.5
        '86 01 6142 05 07 01 40', // last not a boolean
        '86 01 6142 05 07 f5 6141', // bytes as text
        '87 02 6141 05 03 8105 20 f4', // odd sack
        '87 02 6141 05 03 80 21 f4', // dup -2
        '87 02 6141 05 03 80 20 00', // resync not a boolean
    ];
    for (const b of bad)
        assert.equal(decode(bytes(b)), null, b);
    const tooLong = encodeFragment('B', 1, 0, true, new Uint8Array(MAX_FRAGMENT_BYTES + 1));
    assert.equal(decode(tooLong), null);
    const manySack = encodeAck('A', {
        epoch: 1,
        cumulative: 0,
        sack: Array.from({ length: 66 }, (_, i) => i + 1),
        dup: -1,
        resync: false,
    });
    assert.equal(decode(manySack), null);
});
test('a sealed frame is the format: HA header of type 5, always encrypted, AES-GCM with the ctl-enc key', () => {
    const seal = new ControlSeal('A', 1, () => 2);
    seal.setKeys(FAKE_RING);
    const body = encodeAck('B', { epoch: 2 ** 20 + 1, cumulative: 1, sack: [], dup: -1, resync: false });
    const buf = new Uint8Array(100);
    const end = seal.seal(body, buf, 0);
    const frame = buf.subarray(0, end);
    assert.deepEqual(frame, sealControlRaw({ serial: 'A', body, bootId: 1, seq: 1 }));
    // The header in clear: magic, 1.1, type 5, encrypted, group 7, serial A, boot 1, seq 1, body length.
    assert.equal(hex(frame.subarray(0, 36)), `5444 01 01 05 01 0007 41${'00'.repeat(15)} 00000001 00000001 000d 0000`.replace(/ /g, ''));
    assert.equal(hex(frame.subarray(36)), 'a77b769dd5af2f79ed96187b2f3fa33eb321516ee66f4d1705b74a3556');
});
test('the ladder counts each reason and never throws', () => {
    const b = new ControlSeal('B', 1, () => 2);
    b.setKeys(FAKE_RING);
    const ok = sealControlRaw({ serial: 'A', body: encodeAck('B', { epoch: 1, cumulative: 0, sack: [], dup: -1, resync: false }) });
    const r = b.open(ok, 0, ok.length);
    assert.ok(r.ok && r.from === 'A' && r.bootId === 1 && r.body.kind === 2);
    const cases = [
        ['badLength', ok.subarray(0, 40)],
        ['badMagic', Uint8Array.from(ok, (v, i) => (i === 0 ? 0 : v))],
        ['wrongGroup', sealControlRaw({ serial: 'A', groupId: 8, body: Uint8Array.of(0x80) })],
        ['looped', sealControlRaw({ serial: 'B', body: Uint8Array.of(0x80) })],
        ['badAuth', sealControlRaw({ serial: 'A', seq: 2, password: 'x', body: Uint8Array.of(0x80) })],
        ['replayed', ok],
        ['malformedBody', sealControlRaw({ serial: 'A', seq: 3, body: Uint8Array.of(0x80) })],
        [
            'notForUs',
            sealControlRaw({
                serial: 'A',
                seq: 4,
                body: encodeAck('C', { epoch: 1, cumulative: 0, sack: [], dup: -1, resync: false }),
            }),
        ],
    ];
    for (const [reason, frame] of cases)
        assert.deepEqual(b.open(frame, 0, frame.length), { ok: false, reason }, reason);
    for (const [reason] of cases)
        assert.equal(b.rejected[reason], 1, reason);
    assert.doesNotThrow(() => b.open(ok, 5, 2));
});
test('fuzz: mutated and random frames never throw past the link, and only counters move', () => {
    const rnd = prng(Number(process.env.CONTROL_FUZZ_SEED ?? 0xc0ffee));
    const below = (n) => Math.floor(rnd() * n);
    const net = new FakeControlNet({ serials: ['A', 'B'] });
    const b = net.link('B');
    const delivered = [];
    b.on('sync-req', (_, m) => delivered.push(m.reason));
    const valid = [0, 1, 2].map((seq) => sealControlRaw({
        serial: 'A',
        seq: seq + 1,
        body: encodeFragment('B', 2 ** 20 + 1, seq, true, encodeMessage({ k: 'sync-req', reason: `r${seq}` })),
    }));
    for (let i = 0; i < 5000; i++) {
        const base = valid[below(valid.length)];
        const f = below(2) === 0 ? base.slice() : Uint8Array.from({ length: below(120) }, () => below(256));
        for (let n = below(4); n > 0 && f.length > 0; n--)
            f[below(f.length)] = below(256);
        assert.doesNotThrow(() => b.receive(f, 0, f.length));
    }
    const rejected = Object.values(b.status().rejected).reduce((a, n) => a + n, 0);
    assert.ok(rejected > 4000, `${rejected} rejections counted`);
    assert.ok(delivered.every((r) => /^r[012]$/.test(r)), delivered.join());
});
//# sourceMappingURL=frames.test.js.map