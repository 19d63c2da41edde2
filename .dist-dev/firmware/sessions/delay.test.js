/**
 * The session-pickup-delay gate on a fake clock: what it holds, what it sends and exactly when,
 * for sessions seen opening (events) and sessions a resync's dump finds (by the kernel's start
 * time), and what it forgets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from 'cbor-x';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { PROTO, TCP_STATE } from '../../hal/conntrack/index.js';
import { DELAY_MS, DelayGate, MAX_HELD } from './delay.js';
import { sessionOf } from './session-churn.testkit.js';
import { decodeSession } from './session-codec.js';
/**
 * A sent record as "<kind><n> mark <mark>" (sessionOf's number, from the source port), plus the
 * TCP state if not ESTABLISHED, or "untracked" for TCP without its tracking.
 */
function label(record) {
    const s = decodeSession(decode(record));
    if (!s)
        return 'undecodable';
    let state = '';
    if (s.orig.proto === PROTO.TCP && !s.tcp)
        state = ' untracked';
    else if (s.tcp && s.tcp.state !== TCP_STATE.ESTABLISHED)
        state = ` state ${s.tcp.state}`;
    return `${s.orig.proto === PROTO.UDP ? 'udp' : 'tcp'}${s.orig.sport - 1024} mark ${s.mark}${state}`;
}
function gate() {
    const clock = new FakeClock(1000);
    const sent = [];
    const state = { dumping: false };
    const g = new DelayGate((record) => sent.push(label(record)), () => state.dumping);
    /** Moves the clock to `ms` after the start and ticks the gate there. */
    const tickAt = (ms) => {
        clock.advanceTo(1000 + ms);
        g.at(clock.nowMs(), clock.wallMs());
        g.tick();
    };
    g.at(clock.nowMs(), clock.wallMs());
    return { clock, sent, state, g, tickAt };
}
const tcp = (n, mark = 0) => ({ ...sessionOf('tcp', n), mark });
/** Session `n`, started `ageMs` before the clock's now as the kernel stamps it (null: unstamped). */
function aged(clock, n, ageMs, mark = 0) {
    return { ...tcp(n, mark), startWallMs: ageMs === null ? 0 : clock.wallMs() - ageMs };
}
test('a session that ends before 30 s sends nothing: no create, no change, no delete', () => {
    const { g, sent, tickAt } = gate();
    assert.equal(g.opened(tcp(1)), true);
    tickAt(10_000);
    assert.equal(g.changed(tcp(1, 2)), true);
    tickAt(29_000);
    assert.equal(g.ended(tcp(1, 2)), true);
    tickAt(60_000);
    assert.deepEqual(sent, []);
    assert.deepEqual(g.counters, { held: 0, released: 0, endedYoung: 1, releasedEarly: 0 });
    assert.equal(g.nextDueAt(), Number.POSITIVE_INFINITY);
});
test('a session living 30 s is sent once, in its newest state, exactly at 30 s; then it is live', () => {
    const { g, sent, tickAt } = gate();
    g.opened(tcp(1));
    tickAt(5_000);
    g.changed(tcp(1, 7));
    assert.equal(g.nextDueAt(), 1000 + DELAY_MS);
    tickAt(DELAY_MS - 1);
    assert.deepEqual(sent, []);
    assert.equal(g.counters.held, 1);
    tickAt(DELAY_MS);
    assert.deepEqual(sent, ['tcp1 mark 7']);
    tickAt(DELAY_MS + 10_000);
    assert.deepEqual(sent, ['tcp1 mark 7'], 'once');
    assert.equal(g.changed(tcp(1, 8)), false, 'changes go live');
    assert.equal(g.ended(tcp(1, 8)), false, 'and so does the delete');
    assert.deepEqual(g.counters, { held: 0, released: 1, endedYoung: 0, releasedEarly: 0 });
});
test('an update without TCP tracking keeps the tracking held so far', () => {
    const { g, sent, tickAt } = gate();
    g.opened({ ...tcp(1), tcp: { state: TCP_STATE.SYN_SENT, wscaleOrig: 7, wscaleReply: 0, flagsOrig: 3, flagsReply: 0 } });
    g.changed({ ...tcp(1), tcp: { state: TCP_STATE.ESTABLISHED, wscaleOrig: 7, wscaleReply: 6, flagsOrig: 3, flagsReply: 3 } });
    g.changed({ ...tcp(1, 5), tcp: null }); // a mark change: the kernel sends no protoinfo
    tickAt(DELAY_MS);
    assert.deepEqual(sent, ['tcp1 mark 5']);
});
test('a TCP session closed by its 30th second is not sent: it ended young', () => {
    const { g, clock, sent, tickAt } = gate();
    g.opened(tcp(1));
    g.opened(tcp(2));
    tickAt(3_000);
    g.changed({ ...tcp(1), tcp: { ...tcp(1).tcp, state: TCP_STATE.TIME_WAIT } });
    g.changed({ ...tcp(2), tcp: { ...tcp(2).tcp, state: TCP_STATE.FIN_WAIT } });
    const closedInDump = {
        ...aged(clock, 3, 10_000),
        tcp: { ...tcp(3).tcp, state: TCP_STATE.CLOSE },
    };
    assert.equal(g.dumped(closedInDump), true, 'not in the bulk either');
    tickAt(DELAY_MS);
    assert.deepEqual(sent, [`tcp2 mark 0 state ${TCP_STATE.FIN_WAIT}`], 'a half-closed session may still carry data');
    assert.deepEqual(g.counters, { held: 0, released: 1, endedYoung: 1, releasedEarly: 0 });
});
test('events of sessions the gate does not hold pass: sessions older than the watch', () => {
    const { g } = gate();
    const s = sessionOf('udp', 7);
    assert.equal(g.changed(s), false);
    assert.equal(g.ended(s), false);
    assert.equal(g.counters.held, 0);
});
test('a dump holds young sessions until 30 s after their kernel start, in due order; old and unstamped ones go in the bulk', () => {
    const { g, clock, sent, tickAt } = gate();
    g.opened(tcp(1, 1)); // due at 30 s
    tickAt(10_000);
    assert.equal(g.dumped(aged(clock, 2, 25_000)), true, 'due at 15 s: behind tcp1 in arrival, ahead of it in due');
    assert.equal(g.dumped(aged(clock, 3, 1_000)), true, 'due at 39 s');
    assert.equal(g.dumped(aged(clock, 4, 40_000)), false, 'older than 30 s: in the bulk');
    assert.equal(g.dumped(aged(clock, 5, null)), false, 'no start time: counted old');
    assert.equal(g.dumped(aged(clock, 1, 10_000, 99)), true, 'held already: the dump record is not taken');
    assert.equal(g.counters.held, 3);
    assert.equal(g.nextDueAt(), 1000 + 15_000);
    tickAt(14_999);
    assert.deepEqual(sent, []);
    tickAt(15_000);
    assert.deepEqual(sent, ['tcp2 mark 0']);
    tickAt(30_000);
    assert.deepEqual(sent, ['tcp2 mark 0', 'tcp1 mark 1']);
    assert.equal(g.nextDueAt(), 1000 + 39_000);
    tickAt(39_000);
    assert.deepEqual(sent, ['tcp2 mark 0', 'tcp1 mark 1', 'tcp3 mark 0']);
    assert.deepEqual(g.counters, { held: 0, released: 3, endedYoung: 0, releasedEarly: 0 });
});
test('a dump-held session takes its events like any other: changed, then ended young', () => {
    const { g, clock, sent, tickAt } = gate();
    g.dumped(aged(clock, 1, 20_000));
    g.dumped(aged(clock, 2, 20_000));
    assert.equal(g.changed(tcp(1, 4)), true);
    assert.equal(g.ended(tcp(2)), true);
    tickAt(10_000);
    assert.deepEqual(sent, ['tcp1 mark 4']);
    assert.deepEqual(g.counters, { held: 0, released: 1, endedYoung: 1, releasedEarly: 0 });
});
test("while a dump reads, a young session's end is remembered: the dump's stale record of it is dropped, then forgotten", () => {
    const { g, clock, state, sent, tickAt } = gate();
    state.dumping = true;
    g.opened(tcp(1));
    const stale = aged(clock, 1, 0);
    tickAt(2_000);
    assert.equal(g.ended(tcp(1)), true);
    assert.equal(g.dumped(stale), true, 'read before the end, filtered after it: not held again');
    tickAt(40_000);
    assert.equal(g.dumped(stale), true, 'nor sent in the bulk once it would count as old');
    // Young, never seen opening (made before the watch): its delete goes, and the dump drops it too.
    const unseen = aged(clock, 2, 5_000);
    assert.equal(g.ended(unseen), false);
    assert.equal(g.dumped(unseen), true);
    const old = aged(clock, 3, 50_000);
    assert.equal(g.ended(old), false);
    assert.equal(g.dumped(old), false, 'an old session is in the bulk: its delete wins on the secondary');
    // The tuple opens again: held afresh.
    assert.equal(g.opened(tcp(1, 1)), true);
    assert.equal(g.counters.held, 1);
    // No dump reads any more: the memory goes with the next tick.
    state.dumping = false;
    tickAt(41_000);
    assert.equal(g.dumped(unseen), true, 'young: held from the dump now');
    tickAt(100_000);
    assert.deepEqual(sent, ['tcp1 mark 1', 'tcp2 mark 0']);
});
test('full: the longest held session is sent early to make room (or dropped, if it has closed)', () => {
    const { g, sent, tickAt } = gate();
    for (let n = 0; n < MAX_HELD; n++)
        g.opened(tcp(n));
    g.changed({ ...tcp(0), tcp: { ...tcp(0).tcp, state: TCP_STATE.TIME_WAIT } });
    assert.deepEqual(sent, []);
    assert.equal(g.opened(sessionOf('udp', 0)), true);
    assert.equal(g.opened(sessionOf('udp', 1)), true);
    assert.deepEqual(sent, ['tcp1 mark 0']);
    assert.deepEqual(g.counters, { held: MAX_HELD, released: 0, endedYoung: 1, releasedEarly: 1 });
    tickAt(DELAY_MS);
    assert.equal(sent.length, MAX_HELD + 1);
    assert.equal(sent.at(-1), 'udp1 mark 0');
    assert.equal(g.counters.released, MAX_HELD);
});
test('a start in the future (the wall clock was set back) holds the session 30 s, no longer', () => {
    const { g, clock, sent, tickAt } = gate();
    assert.equal(g.dumped(aged(clock, 1, -3_600_000)), true);
    assert.equal(g.nextDueAt(), clock.nowMs() + DELAY_MS);
    tickAt(DELAY_MS);
    assert.deepEqual(sent, ['tcp1 mark 0']);
});
test('clear forgets every held session and every remembered end', () => {
    const { g, clock, state, sent, tickAt } = gate();
    state.dumping = true;
    g.opened(tcp(1));
    g.dumped(aged(clock, 2, 10_000));
    g.opened(tcp(3));
    g.ended(tcp(3));
    g.clear();
    assert.equal(g.counters.held, 0);
    assert.equal(g.nextDueAt(), Number.POSITIVE_INFINITY);
    assert.equal(g.dumped(aged(clock, 3, 0)), true, 'held from the dump: its end is forgotten');
    tickAt(DELAY_MS);
    assert.deepEqual(sent, ['tcp3 mark 0']);
});
//# sourceMappingURL=delay.test.js.map