/**
 * session-pickup-delay engine to engine (PrimarySync with its DelayGate, SecondarySync, fake
 * kernels that stamp start times): the secondary's kernel never sees a session that ends
 * before 30 s, and sees every other one from its 30th second, whether the primary watched it
 * open or found it in a resync's dump.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { TCP_STATE } from '../../hal/conntrack/index.js';
import { HOLD_S, SYNCED_MARK } from './applier.js';
import { DELAY_MS } from './delay.js';
import { sessionOf } from './session-churn.testkit.js';
import { AGREE, ALL_PICKUP, entryLine, SyncNet, tableDiff, tableLines } from './sync-net.testkit.js';
const SERIAL = 'TDSIM00000000002';
const DELAY = { ...ALL_PICKUP, delay: true };
/** What the live path takes from a held session's due to the secondary's kernel: a turn, the flush, the wire. */
const SLACK_MS = 50;
const range = (from, count) => Array.from({ length: count }, (_, i) => from + i);
const tupleOf = (s) => `${s.family} ${s.orig.proto} ${s.orig.src}:${s.orig.sport} > ${s.orig.dst}:${s.orig.dport}`;
/** The secondary's lines for these of the primary's sessions (by original tuple), as the applier writes them. */
function linesOf(net, sessions) {
    const wanted = new Set(sessions.map(tupleOf));
    return [...net.ct.sessions.values()]
        .filter((s) => wanted.has(tupleOf(s)))
        .map((s) => entryLine({ ...s, mark: (s.mark | SYNCED_MARK) >>> 0, timeout: HOLD_S }))
        .sort();
}
/** Runs the net until `ms` after `from` on its clock. */
async function until(net, from, ms) {
    await net.runFor(from + ms - net.now);
}
test('a session that ends or closes before 30 s never reaches the secondary; one that lives on arrives at 30 s, newest state, once, then live', async () => {
    const net = new SyncNet({ pickup: DELAY });
    const b = net.join(SERIAL);
    await net.converge();
    const delivered = b.sync.view(net.now).stream.delivered;
    const t0 = net.now;
    const short = [...range(0, 20).map((n) => sessionOf('tcp', n)), ...range(0, 10).map((n) => sessionOf('udp', n))];
    const long = range(100, 20).map((n) => sessionOf('tcp', n));
    // Closed young: Linux keeps them in TIME_WAIT for two minutes.
    const closing = range(200, 5).map((n) => sessionOf('tcp', n));
    for (const s of [...short, ...long, ...closing])
        net.ct.kernelCreate(s);
    await until(net, t0, 2_000);
    assert.equal(net.table.update(short.map((s) => ({ ...s, mark: 3 }))).done, short.length);
    await until(net, t0, 10_000);
    for (const s of short)
        net.ct.kernelDestroy(s);
    const timeWait = closing.map((s) => ({
        ...s,
        tcp: { ...s.tcp, state: TCP_STATE.TIME_WAIT },
    }));
    assert.equal(net.table.update(timeWait).done, closing.length);
    await until(net, t0, 15_000);
    assert.equal(net.table.update(long.map((s) => ({ ...s, mark: 7 }))).done, long.length);
    await until(net, t0, DELAY_MS - SLACK_MS);
    assert.deepEqual(tableLines(b.ct), [], 'nothing yet');
    assert.equal(b.sync.view(net.now).stream.delivered, delivered, 'not one batch went out');
    const held = long.length + closing.length;
    assert.deepEqual(net.primary.counters.delay, { held, released: 0, endedYoung: short.length, releasedEarly: 0 });
    assert.deepEqual([net.primary.counters.synced, net.primary.counters.deleted], [0, 0]);
    await until(net, t0, DELAY_MS + SLACK_MS);
    assert.deepEqual(tableLines(b.ct), linesOf(net, long), 'the long ones, with the mark of their last change; not the closed');
    assert.ok(tableLines(b.ct).every((line) => line.includes('mark 0x80000007')));
    const applied = b.sync.appliedCounters;
    assert.deepEqual([applied.created, applied.replaced, applied.updated, applied.deleted], [long.length, 0, 0, 0]);
    // From now on their changes flow as they happen. The closed ones' deletes go too, when their
    // TIME_WAIT ends: the secondary counts them absent.
    const [first, second] = long;
    net.table.update([{ ...first, mark: 9 }]);
    net.ct.kernelDestroy(second);
    for (const s of closing)
        net.ct.kernelDestroy(s);
    await net.runFor(SLACK_MS);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.deepEqual([applied.replaced, applied.deleted, applied.absent], [1, 1, closing.length]);
    const endedYoung = short.length + closing.length;
    assert.deepEqual(net.primary.counters.delay, { held: 0, released: long.length, endedYoung, releasedEarly: 0 });
    assert.deepEqual(net.wakeBreaches, []);
});
test("a resync sends the old sessions in its bulk and holds each young one until 30 s after the kernel's start time", async () => {
    // The primary's kernel holds sessions from before its engine watched it.
    const clock = new FakeClock(0);
    const ct = new FakeConntrack(undefined, clock);
    const unstamped = range(0, 5).map((n) => sessionOf('udp', n));
    for (const s of unstamped)
        ct.kernelCreate(s); // before the kernel's timestamps were on: counted old
    ct.enableTimestamps();
    const born = (ageMs) => (s) => ({ ...s, startWallMs: clock.wallMs() - ageMs });
    const old = range(0, 10).map((n) => born(40_000)(sessionOf('tcp', n)));
    const at10 = range(10, 10).map((n) => born(20_000)(sessionOf('tcp', n)));
    const at25 = range(20, 10).map((n) => born(5_000)(sessionOf('tcp6', n)));
    for (const s of [...old, ...at10, ...at25])
        ct.kernelCreate(s);
    const net = new SyncNet({ clock, ct, pickup: DELAY }); // it watches from now: it saw none of them open
    const t0 = net.now;
    const b = net.join(SERIAL);
    // The dump's first batches come before any turn of the engine (as in the sync worker, where
    // a role change starts the resync between turns): they are aged by the time of the join.
    for (let i = 0; i < 5; i++)
        await new Promise((resolve) => setImmediate(resolve));
    assert.equal(net.primary.counters.delay.held, at10.length + at25.length);
    assert.ok(await net.run(() => b.sync.ready, 5_000), net.describe());
    assert.deepEqual(tableLines(b.ct), linesOf(net, [...old, ...unstamped]), 'the bulk: old and unstamped sessions only');
    assert.equal(net.primary.counters.delay.held, at10.length + at25.length);
    // Held from the dump, they take their events like any other held session.
    const [changed, ended] = at10;
    await until(net, t0, 2_000);
    net.table.update([{ ...changed, mark: 5 }]);
    net.ct.kernelDestroy(ended);
    net.ct.kernelDestroy(at25[0]);
    net.ct.kernelDestroy(at25[1]);
    await until(net, t0, 10_000 - SLACK_MS);
    assert.equal(tableLines(b.ct).length, old.length + unstamped.length);
    await until(net, t0, 10_000 + SLACK_MS);
    assert.deepEqual(tableLines(b.ct), linesOf(net, [...old, ...unstamped, ...at10]), '20 s old at the join: in at 10 s');
    assert.ok(linesOf(net, [changed])[0]?.includes('mark 0x80000005'));
    await until(net, t0, 25_000 - SLACK_MS);
    assert.equal(tableLines(b.ct).length, old.length + unstamped.length + at10.length - 1);
    await until(net, t0, 25_000 + SLACK_MS);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, '5 s old at the join: in at 25 s');
    assert.deepEqual(net.primary.counters.delay, { held: 0, released: 17, endedYoung: 3, releasedEarly: 0 });
    assert.equal(net.primary.counters.deleted, 0);
    assert.equal(b.sync.appliedCounters.deleted, 0);
    assert.deepEqual(net.wakeBreaches, []);
});
test('turning -delay off resyncs and the held sessions come in the dump; on again, young sessions leave the secondary until their 30 s', async () => {
    const net = new SyncNet({ pickup: DELAY, faults: { loss: 0.1, duplicate: 0.05, delayMs: 0.3, jitterMs: 1 }, seed: 8 });
    const b = net.join(SERIAL);
    await net.converge();
    const first = range(0, 10).map((n) => sessionOf('tcp', n));
    for (const s of first)
        net.ct.kernelCreate(s);
    await net.runFor(1_000);
    assert.deepEqual(tableLines(b.ct), []);
    net.setPickup(ALL_PICKUP);
    await net.converge();
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, 'in the resync');
    assert.equal(net.primary.counters.delay.held, 0);
    const more = range(10, 5).map((n) => sessionOf('tcp', n));
    const moreAt = net.now;
    for (const s of more)
        net.ct.kernelCreate(s);
    await net.runFor(SLACK_MS);
    assert.equal(tableLines(b.ct).length, 15, 'live at once');
    net.setPickup(DELAY);
    assert.ok(await net.run(() => b.sync.ready && b.sync.counters.reconciled === 3, 5_000), net.describe());
    assert.deepEqual(tableLines(b.ct), [], 'every session is younger than 30 s: the resync takes them back');
    await until(net, moreAt, DELAY_MS + SLACK_MS);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, 'each back at its 30 s');
    assert.equal(net.primary.counters.resyncs, 3);
});
test('an event overrun forgets what was held: the resync holds the young sessions again, by their start time', async () => {
    const net = new SyncNet({ pickup: DELAY, rcvbufBytes: 50 * 1024 });
    const b = net.join(SERIAL);
    await net.converge();
    const t0 = net.now;
    const first = range(0, 40).map((n) => sessionOf('tcp', n));
    for (const s of first)
        net.ct.kernelCreate(s);
    await net.runFor(1);
    assert.equal(net.primary.counters.delay.held, 40);
    // 60 new sessions overflow the socket's 50 events; the ends of 20 held ones are lost with them.
    const then = range(100, 60).map((n) => sessionOf('udp', n));
    for (const s of then)
        net.ct.kernelCreate(s);
    for (const s of first.slice(0, 20))
        net.ct.kernelDestroy(s);
    assert.ok(await net.run(() => net.primary.counters.overruns === 1 && b.sync.ready, 5_000), net.describe());
    assert.equal(net.primary.counters.delay.held, 80, 'the living ones, from the dump');
    await until(net, t0, DELAY_MS - SLACK_MS);
    assert.deepEqual(tableLines(b.ct), []);
    await until(net, t0, DELAY_MS + 1 + SLACK_MS);
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE, 'and no session whose end was lost');
    assert.equal(tableLines(b.ct).length, 80);
});
test('a policy change while sessions are held: those it now leaves out never arrive, with or without a secondary to feed', async () => {
    const net = new SyncNet({ pickup: DELAY });
    const t0 = net.now;
    const nat = range(0, 10).map((n) => sessionOf('nat', n));
    const tcp = range(0, 10).map((n) => sessionOf('tcp', n));
    for (const s of [...nat, ...tcp])
        net.ct.kernelCreate(s);
    await net.runFor(1_000);
    net.setPickup({ ...DELAY, nat: false }); // no secondary yet
    const b = net.join(SERIAL);
    await until(net, t0, DELAY_MS + SLACK_MS);
    assert.deepEqual(tableLines(b.ct), linesOf(net, tcp));
    const t1 = net.now;
    const natLater = range(10, 10).map((n) => sessionOf('nat', n));
    for (const s of natLater)
        net.ct.kernelCreate(s);
    net.setPickup(DELAY); // a resync: its dump holds them
    await until(net, t1, 1_000);
    assert.equal(net.primary.counters.delay.held, natLater.length);
    net.setPickup({ ...DELAY, nat: false }); // and another
    await until(net, t1, DELAY_MS + SLACK_MS);
    assert.deepEqual(tableLines(b.ct), linesOf(net, tcp));
    assert.deepEqual(tableDiff(tableLines(b.ct), net.expected()), AGREE);
    assert.equal(net.primary.counters.resyncs, 3, 'the join and two policy changes');
});
//# sourceMappingURL=engine-delay.test.js.map