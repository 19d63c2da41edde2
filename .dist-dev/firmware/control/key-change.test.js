/**
 * The key change between units over fake control links and a fake clock: the prepare round,
 * the switch (announced, implicit from the heartbeat worker, or by adopting the config), the
 * grace window, aborts on refusal and on silence, and members that leave while it is prepared.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { recordingLog } from '../log/logger.testkit.js';
import { FakeTimers } from '../time/timers.fake.js';
import { COMMIT_WAIT_MS, KeyCoordinator, keyClusterView, PREPARE_TIMEOUT_MS } from './key-change.js';
import { FakeKeyLinks } from './key-link.fake.js';
import { keySpecFromWire, keySpecToWire, readKeyMessage } from './key-messages.js';
const CUR = { groupId: 7, groupName: 'prod', password: 'secret', encryption: false };
const NEXT = { ...CUR, password: 'new secret', encryption: true };
const G = 10_000;
/** Units on fake links; `primary` is every unit's primary unless `views` says otherwise, `members` the snapshot's units. */
function setUp(serials = ['A', 'B', 'C']) {
    const clock = new FakeClock(0);
    const timers = new FakeTimers(clock);
    const links = new FakeKeyLinks(timers);
    const cluster = { primary: 'A', views: new Map(), members: new Set(serials) };
    const units = new Map();
    for (const serial of serials) {
        const u = { rings: [], logs: [], veto: null };
        u.kc = new KeyCoordinator({
            serial,
            initial: CUR,
            link: links.link(serial),
            timers,
            cluster: () => ({
                primary: cluster.views.get(serial) ?? cluster.primary,
                members: [...cluster.members].filter((m) => m !== serial),
            }),
            install: (r) => u.rings.push(r),
            graceMs: () => G,
            veto: () => u.veto,
            log: recordingLog(u.logs),
        });
        units.set(serial, u);
    }
    const unit = (s) => units.get(s);
    return {
        clock,
        timers,
        links,
        cluster,
        unit,
        ring: (s) => unit(s).kc.ring,
        /** Proposes on A and keeps the result once it comes. */
        propose(next = NEXT) {
            const out = { result: null };
            void unit('A')
                .kc.propose(next)
                .then((r) => {
                out.result = r;
            });
            return out;
        },
        /** Moves time and lets resolved promises run. */
        async advance(ms) {
            timers.advance(ms);
            await new Promise((resolve) => setImmediate(resolve));
        },
        /** Delivered messages as `from>to kind`. */
        messages: () => links.delivered.map((d) => `${d.from}>${d.to} ${d.message.k}`),
    };
}
const prepared = { slots: [CUR, NEXT], send: 0 };
const switched = { slots: [CUR, NEXT], send: 1 };
const after = { slots: [NEXT], send: 0 };
const before = { slots: [CUR], send: 0 };
test('all ready: every unit opens with both keys, switches on key-switch, and drops the old key after the grace window', async () => {
    const t = setUp();
    const p = t.propose();
    assert.deepEqual(t.ring('A'), prepared, 'the primary accepts the next key at once');
    await t.advance(9);
    assert.equal(p.result, null, 'the answers are on their way');
    await t.advance(1);
    assert.deepEqual(p.result, { ok: true });
    for (const s of ['B', 'C'])
        assert.deepEqual(t.ring(s), prepared, s);
    assert.deepEqual(t.messages(), ['A>B key-prepare', 'A>C key-prepare', 'B>A key-ready', 'C>A key-ready']);
    // The caller saved and pushed: now the switch.
    t.unit('A').kc.committed();
    assert.deepEqual(t.ring('A'), switched);
    await t.advance(5);
    for (const s of ['B', 'C'])
        assert.deepEqual(t.ring(s), switched, s);
    await t.advance(G - 6);
    for (const s of ['A', 'B', 'C'])
        assert.deepEqual(t.ring(s), switched, `${s} still in its grace window`);
    await t.advance(1);
    assert.deepEqual(t.ring('A'), after, "the primary's window ends first: it switched first");
    await t.advance(5);
    for (const s of ['B', 'C'])
        assert.deepEqual(t.unit(s).rings, [before, prepared, switched, after], s);
    assert.ok(t.unit('A').logs.includes('event info key change 1 (password, encryption enable): sealing with the new key'));
    assert.ok(t.unit('B').logs.includes('event info key change 1 from A: sealing with the new key'));
    assert.ok(!t.unit('A').logs.some((l) => l.includes('new secret')), 'the password is never logged');
});
test('the next key travels as ENC text and comes back in clear', async () => {
    const t = setUp(['A', 'B']);
    t.propose();
    await t.advance(5);
    const prepare = t.links.delivered[0]?.message;
    assert.ok(prepare?.k === 'key-prepare');
    assert.match(prepare.next.password, /^ENC [A-Za-z0-9+/=]+$/);
    assert.deepEqual(keySpecFromWire(prepare.next), { spec: NEXT });
    assert.deepEqual(keySpecFromWire({ ...NEXT, password: 'plain' }), {
        problem: 'password: expected ENC <base64> as the config file writes it',
    });
    assert.deepEqual(keySpecFromWire({ ...NEXT, groupId: -1 }), { problem: 'group-id -1: expected an integer 0-65535' });
});
test('implicit switch: a member whose worker heard the primary with the next key, or that adopted its config, switches before key-switch', async () => {
    const t = setUp();
    const p = t.propose();
    await t.advance(10);
    assert.deepEqual(p.result, { ok: true });
    t.unit('A').kc.adopted(NEXT); // the primary's own save: the same as committed()
    assert.deepEqual(t.ring('A'), switched);
    t.unit('B').kc.workerSwitched('A');
    assert.deepEqual(t.ring('B'), switched);
    t.unit('C').kc.adopted(NEXT);
    assert.deepEqual(t.ring('C'), switched);
    t.unit('A').kc.committed();
    await t.advance(5);
    for (const s of ['B', 'C'])
        assert.deepEqual(t.unit(s).rings, [before, prepared, switched], `${s}: key-switch changed nothing more`);
    assert.deepEqual(t.messages().filter((m) => m.endsWith('key-switch')), ['A>B key-switch', 'A>C key-switch'], 'sent once, though both committed() and the adoption came');
    assert.ok(t.unit('B').logs.includes("event info sealing with the new key: primary A's heartbeats came with it"));
    await t.advance(G);
    for (const s of ['A', 'B', 'C'])
        assert.deepEqual(t.ring(s), after, s);
});
test('a refusal aborts everywhere: every unit back on the old key, both sides say why, nothing to save', async () => {
    const t = setUp();
    t.unit('C').veto = 'sync-config is disabled here';
    const p = t.propose();
    await t.advance(10);
    assert.deepEqual(p.result, { ok: false, reason: 'C refused the key change: sync-config is disabled here' });
    await t.advance(5);
    for (const s of ['A', 'B', 'C'])
        assert.deepEqual(t.ring(s), before, s);
    assert.deepEqual(t.unit('B').rings, [before, prepared, before]);
    assert.deepEqual(t.unit('C').rings, [before], 'C never took the next key');
    assert.ok(t.messages().includes('A>B key-abort') && t.messages().includes('A>C key-abort'));
    assert.ok(t
        .unit('A')
        .logs.includes('event warn key change 1 aborted: C refused the key change: sync-config is disabled here; keys unchanged'));
    assert.ok(t.unit('C').logs.includes('event warn refused the key change 1 from A: sync-config is disabled here'));
    assert.ok(t
        .unit('B')
        .logs.includes('event warn key change 1 from A aborted: C refused the key change: sync-config is disabled here; keys unchanged'));
    t.unit('A').kc.committed();
    assert.deepEqual(t.ring('A'), before, 'committed() after an abort changes nothing');
});
test('a prepare from a unit that is not the primary is refused', async () => {
    const t = setUp(['A', 'B']);
    t.cluster.views.set('B', 'B');
    const p = t.propose();
    assert.deepEqual(await t.unit('A').kc.propose(NEXT), { ok: false, reason: 'a key change is already under way' });
    await t.advance(10);
    assert.deepEqual(p.result, { ok: false, reason: 'B refused the key change: A is not the primary (B is)' });
});
test('a member that does not answer within 3 s aborts the change', async () => {
    const t = setUp();
    const p = t.propose();
    t.links.cut('C'); // the prepare to C is lost; C stays in the snapshot
    await t.advance(PREPARE_TIMEOUT_MS - 1);
    assert.equal(p.result, null);
    assert.deepEqual(t.ring('B'), prepared);
    await t.advance(1);
    assert.deepEqual(p.result, { ok: false, reason: 'C refused the key change: no answer within 3 s' });
    await t.advance(5);
    assert.deepEqual(t.ring('A'), before);
    assert.deepEqual(t.ring('B'), before);
});
test('a member the link cannot reach now refuses at once', async () => {
    const t = setUp();
    t.links.cut('C');
    const p = t.propose();
    await t.advance(0);
    assert.deepEqual(p.result, { ok: false, reason: 'C refused the key change: no control link to it' });
    assert.deepEqual(t.ring('A'), before);
});
test('a member lost while preparing is not waited for; back, its full sync switches it (generic rule)', async () => {
    const t = setUp();
    const p = t.propose();
    t.links.cut('C');
    await t.advance(1000);
    assert.equal(p.result, null, 'C is still in the snapshot');
    t.cluster.members.delete('C');
    t.unit('A').kc.membersChanged();
    await t.advance(0);
    assert.deepEqual(p.result, { ok: true });
    assert.ok(t.unit('A').logs.includes('info key change 1: C left the cluster while it was prepared, not waited for'));
    t.unit('A').kc.committed();
    await t.advance(5);
    assert.deepEqual(t.ring('B'), switched);
    assert.deepEqual(t.ring('C'), before, 'C heard nothing');
    // C is back: the primary's full sync brings the config, and with it the key.
    t.links.restore('C');
    t.cluster.members.add('C');
    t.unit('C').kc.adopted(NEXT);
    assert.deepEqual(t.ring('C'), switched, 'it still accepts the old key for G');
    assert.ok(t
        .unit('C')
        .logs.includes('event info the configuration changed the keys (password, encryption enable): sealing with the new key'));
    await t.advance(G);
    assert.deepEqual(t.ring('C'), after);
});
test('a member that prepared and was then cut off keeps the next key and follows the primary when it hears it again', async () => {
    const t = setUp(['A', 'B']);
    const p = t.propose();
    await t.advance(5);
    assert.deepEqual(t.ring('B'), prepared);
    t.links.cut('B'); // its ready is lost
    t.cluster.members.delete('B');
    t.unit('A').kc.membersChanged();
    await t.advance(0);
    assert.deepEqual(p.result, { ok: true });
    t.unit('A').kc.committed();
    await t.advance(G + 1000);
    assert.deepEqual(t.ring('A'), after);
    assert.deepEqual(t.ring('B'), prepared, 'no switch, no abort reached B: it still opens the next key');
    t.unit('B').kc.workerSwitched('A');
    assert.deepEqual(t.ring('B'), switched);
});
test('a stream reset while a prepare is unanswered sends it again', async () => {
    const t = setUp(['A', 'B']);
    const p = t.propose();
    t.links.cut('B');
    await t.advance(100);
    t.links.restore('B');
    t.links.reset('A', 'B');
    await t.advance(10);
    assert.deepEqual(p.result, { ok: true });
    assert.deepEqual(t.messages(), ['A>B key-prepare', 'B>A key-ready']);
});
test('an agreed change never saved is dropped everywhere after 10 s', async () => {
    const t = setUp(['A', 'B']);
    const p = t.propose();
    await t.advance(10);
    assert.deepEqual(p.result, { ok: true });
    await t.advance(COMMIT_WAIT_MS);
    await t.advance(5);
    assert.deepEqual(t.ring('A'), before);
    assert.deepEqual(t.ring('B'), before);
    assert.ok(t.unit('A').logs.includes('event warn key change 1 aborted: the key change was not saved within 10 s; keys unchanged'));
});
test('generic rule: a unit alone adopting a new key switches with a grace window; the same key changes nothing', async () => {
    const t = setUp(['A']);
    t.unit('A').kc.adopted(CUR);
    assert.deepEqual(t.unit('A').rings, [before]);
    const p = t.propose();
    await t.advance(0);
    assert.deepEqual(p.result, { ok: true }, 'alone, nobody to wait for');
    t.unit('A').kc.adopted(NEXT);
    assert.deepEqual(t.ring('A'), switched);
    // Another change inside the window: the key sealed with until now is the one kept.
    const third = { ...NEXT, groupId: 9 };
    t.unit('A').kc.adopted(third);
    assert.deepEqual(t.ring('A'), { slots: [NEXT, third], send: 1 });
    await t.advance(G - 1);
    assert.equal(t.ring('A').slots.length, 2);
    await t.advance(1);
    assert.deepEqual(t.ring('A'), { slots: [third], send: 0 });
});
test('a change proposed inside the grace window of the last keeps the current and the next key only', async () => {
    const t = setUp(['A', 'B']);
    t.propose();
    await t.advance(10);
    t.unit('A').kc.committed();
    await t.advance(1000);
    const third = { ...NEXT, groupName: 'prod-2' };
    const p = t.propose(third);
    assert.deepEqual(t.ring('A'), { slots: [NEXT, third], send: 0 });
    await t.advance(10);
    assert.deepEqual(p.result, { ok: true });
    assert.deepEqual(t.ring('B'), { slots: [NEXT, third], send: 0 }, 'B had switched before it read the second prepare');
    t.unit('A').kc.committed();
    await t.advance(G + 10);
    for (const s of ['A', 'B'])
        assert.deepEqual(t.ring(s), { slots: [third], send: 0 }, s);
});
test('propose refuses what it cannot do, and does nothing for an unchanged key', async () => {
    const t = setUp(['A', 'B']);
    assert.deepEqual(await t.unit('A').kc.propose(CUR), { ok: true });
    assert.deepEqual(t.unit('A').rings, [before]);
    assert.deepEqual(await t.unit('A').kc.propose({ ...NEXT, groupId: 1.5 }), {
        ok: false,
        reason: 'the new key is unusable: group-id 1.5: expected an integer 0-65535',
    });
    assert.deepEqual(await t.unit('B').kc.propose(NEXT), { ok: false, reason: "only the primary A changes the cluster's keys" });
});
test('keyClusterView: the elected primary once out of hello, and the other members', () => {
    const snap = {
        enabled: true,
        state: 'standby',
        election: { primary: 'B' },
        members: [
            { serial: 'A', self: true },
            { serial: 'B', self: false },
        ],
    };
    assert.deepEqual(keyClusterView(snap), { primary: 'B', members: ['B'] });
    assert.deepEqual(keyClusterView({ ...snap, state: 'hello' }).primary, '');
});
test('readKeyMessage: the ladder takes well-formed key messages only', () => {
    assert.deepEqual(readKeyMessage({ k: 'key-ready', id: 3 }), { k: 'key-ready', id: 3 });
    assert.deepEqual(readKeyMessage({ k: 'key-refused', id: 3, reason: 'no' }), { k: 'key-refused', id: 3, reason: 'no' });
    const next = keySpecToWire(NEXT);
    assert.deepEqual(readKeyMessage({ k: 'key-prepare', id: 1, next }), { k: 'key-prepare', id: 1, next });
    for (const bad of [
        { k: 'key-ready', id: -1 },
        { k: 'key-ready', id: 'x' },
        { k: 'key-ready', id: 1, reason: 5 },
        { k: 'key-nope', id: 1 },
        { k: 'key-prepare', id: 1, next: NEXT },
        { k: 'key-prepare', id: 1 },
    ]) {
        assert.equal(readKeyMessage(bad), null, JSON.stringify(bad));
    }
});
//# sourceMappingURL=key-change.test.js.map