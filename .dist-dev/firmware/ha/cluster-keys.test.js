/**
 * Key changes on a formed pair, frames sealed and opened for real (FakeNet `wire`), the key
 * change coordinated over fake control links (control/key-change.ts): a password change, an
 * encryption flip, a group-id change and a group-name change each go through without a state
 * change, a lost peer or a refused frame. Without the coordination, the same change typed on
 * one unit and then on the other splits the cluster (issue 9 item 2), which shows what is tested.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { KeyCoordinator } from '../control/key-change.js';
import { FakeKeyLinks } from '../control/key-link.fake.js';
import { FakeTimers } from '../time/timers.fake.js';
import { FakeNet, haSettings } from './net.fake.js';
import { graceWindowMs, keySpecOf, oneKeyRing } from './wire/key-ring.js';
const HOLD = 5000;
const PRIORITY = { A: 200, B: 100 };
const quiet = { debug() { }, info() { }, warn() { }, error() { }, event() { } };
/**
 * A formed pair A (primary) and B on the wire, each with its key change on a control link that
 * takes `controlMs` one way (a busy main thread).
 */
function pair(controlMs = 150) {
    const clock = new FakeClock(0);
    const timers = new FakeTimers(clock);
    const n = new FakeNet(clock, { wire: true });
    const links = new FakeKeyLinks(timers);
    links.latencyMs = controlMs;
    const settings = {};
    const keys = {};
    /** Time moves for both the net and the timers, one millisecond at a time. */
    const run = (ms) => {
        for (let i = 0; i < ms; i++) {
            n.runUntil(clock.nowMs());
            timers.advance(1);
        }
        n.runUntil(clock.nowMs());
    };
    const view = (serial) => ({
        primary: n.cluster(serial).primary(),
        members: n
            .view(serial)
            .members.filter((m) => m.serial !== serial)
            .map((m) => m.serial),
    });
    for (const s of ['A', 'B']) {
        settings[s] = haSettings({ priority: PRIORITY[s] });
        n.add(s, { settings: settings[s] });
        keys[s] = new KeyCoordinator({
            serial: s,
            initial: keySpecOf(settings[s]),
            link: links.link(s),
            timers,
            cluster: () => view(s),
            install: (ring) => n.setKeys(s, ring),
            graceMs: () => graceWindowMs(settings[s]),
            log: quiet,
        });
        n.onKeySwitched(s, (by) => keys[s].workerSwitched(by));
    }
    run(HOLD + 2000);
    assert.equal(n.cluster('A').state, 'work');
    assert.equal(n.cluster('B').state, 'standby');
    n.events('A');
    n.events('B');
    /** Unit `s` adopts a config with `over` (store, then main.ts's applyConfig). */
    const adopt = (s, over) => {
        settings[s] = { ...settings[s], ...over };
        n.cluster(s).setSettings(settings[s], clock.nowMs());
        keys[s].adopted(keySpecOf(settings[s]));
    };
    return { clock, timers, n, links, run, adopt, keys };
}
/**
 * What the commit gate does on the primary for a change of key fields (docs/config-sync-plan.md
 * §3, §6): propose, then save, push (B adopts it `pushMs` later) and switch.
 */
async function commitOnPrimary(t, over, pushMs = 400) {
    let result = null;
    void t.keys.A.propose(keySpecOf({ ...haSettings(), ...over })).then((r) => {
        result = r;
    });
    for (let waited = 0; result === null && waited < 4000; waited += 10) {
        t.run(10);
        await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(result, { ok: true });
    t.adopt('A', over);
    t.timers.after(pushMs, () => t.adopt('B', over));
    t.keys.A.committed();
}
function trouble(events) {
    return events.filter((e) => ['state', 'lost', 'refused', 'left'].includes(e.kind));
}
const CHANGES = [
    ['password', { password: 'new secret' }],
    ['encryption enable', { encryption: true }],
    ['group-id', { groupId: 9 }],
    ['group-name', { groupName: 'prod-2' }],
    ['all four at once', { password: 'x', encryption: true, groupId: 11, groupName: 'lab' }],
];
for (const [name, over] of CHANGES) {
    test(`${name}: the pair switches keys with no state change, nobody lost, no frame refused`, async () => {
        const t = pair();
        await commitOnPrimary(t, over);
        const grace = graceWindowMs(haSettings());
        t.run(grace + 1000);
        for (const s of ['A', 'B']) {
            assert.deepEqual(trouble(t.n.events(s)), [], `${s}: no state change, no lost or refused peer`);
            const r = t.n.rejected(s);
            assert.deepEqual([r.badAuth, r.wrongGroup, r.replayed], [0, 0, 0], `${s} refused no frame`);
            assert.deepEqual(t.keys[s].ring, oneKeyRing(keySpecOf({ ...haSettings(), ...over })), `${s} holds the new key alone`);
        }
        assert.equal(t.n.cluster('A').state, 'work');
        assert.equal(t.n.cluster('B').primary(), 'A');
        // And the old key is really gone: a unit still on it is refused.
        t.n.add('C', { settings: { priority: 50 } });
        t.run(2000);
        assert.equal(t.n.view('A').members.length, 2, 'C, on the old key, is not a member');
        const c = t.n.rejected('A');
        assert.ok(c.badAuth + c.wrongGroup > 0 || t.n.view('A').refused.length > 0, JSON.stringify(c));
    });
}
test("B's heartbeat worker switches on A's first frame with the new key, long before key-switch and the push reach B's main thread", async () => {
    const t = pair(1000);
    const switched = [];
    t.n.onKeySwitched('B', () => switched.push(t.clock.nowMs()));
    await commitOnPrimary(t, { password: 'new secret' }, 1500);
    const committedAt = t.clock.nowMs();
    t.run(900);
    assert.equal(switched.length, 1);
    assert.ok(switched[0] - committedAt <= 200, `within one heartbeat interval of the switch (${switched[0] - committedAt} ms)`);
    assert.equal(t.keys.B.ring.send, 1, "B's main thread followed its worker");
    t.run(graceWindowMs(haSettings()) + 2000);
    assert.deepEqual(trouble(t.n.events('B')), []);
    assert.equal(t.n.rejected('A').badAuth + t.n.rejected('B').badAuth, 0);
});
test('uncoordinated, as before: the same password typed on B two seconds after A splits the pair', () => {
    const t = pair();
    t.adopt('A', {});
    t.n.setKeys('A', oneKeyRing(keySpecOf({ ...haSettings(), password: 'new secret' })));
    t.run(2000);
    t.n.setKeys('B', oneKeyRing(keySpecOf({ ...haSettings(), password: 'new secret' })));
    t.run(3000);
    const b = t.n.events('B');
    assert.ok(b.some((e) => e.kind === 'lost' && e.serial === 'A'), JSON.stringify(b));
    assert.ok(b.some((e) => e.kind === 'state' && e.to === 'work'), 'B took over');
    assert.ok(t.n.rejected('B').badAuth > 0);
});
test('a member cut off while the change went through rejoins once it hears the primary with the new key', async () => {
    const t = pair();
    let result = null;
    void t.keys.A.propose(keySpecOf({ ...haSettings(), password: 'new secret' })).then((r) => {
        result = r;
    });
    t.run(160); // B prepared; its ready is on the way
    assert.equal(t.keys.B.ring.slots.length, 2);
    t.n.partition([['A'], ['B']]);
    t.links.cut('B');
    t.run(2000);
    t.keys.A.membersChanged();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(result, { ok: true }, 'B left the snapshot: not waited for');
    t.adopt('A', { password: 'new secret' });
    t.keys.A.committed();
    t.run(graceWindowMs(haSettings()) + 1000);
    assert.deepEqual(t.keys.A.ring, oneKeyRing(keySpecOf({ ...haSettings(), password: 'new secret' })));
    t.n.events('A');
    t.n.events('B');
    t.n.heal();
    t.links.restore('B');
    t.run(3000);
    assert.equal(t.n.view('A').members.length, 2, 'B is back');
    assert.equal(t.n.cluster('B').state, 'standby');
    assert.equal(t.keys.B.ring.send, 1, 'B seals with the new key');
    assert.ok(trouble(t.n.events('A')).every((e) => e.kind !== 'lost'));
});
//# sourceMappingURL=cluster-keys.test.js.map