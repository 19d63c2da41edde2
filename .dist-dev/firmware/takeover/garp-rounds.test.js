/**
 * The announcement rounds on the main thread: the first burst of a round is the worker's, so
 * GarpRounds sends the remaining `arps - 1`, `arps-interval` apart, on fake timers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeTimers } from '../time/timers.fake.js';
import { GarpRounds } from './garp-rounds.js';
function setup(opts, start = 0, wrap = (t) => t) {
    const clock = new FakeClock(start);
    const timers = new FakeTimers(clock);
    const bursts = [];
    const rounds = new GarpRounds(opts, wrap(timers), () => clock.nowMs(), () => bursts.push(clock.nowMs()));
    return { clock, timers, bursts, rounds };
}
test('after begin the remaining arps - 1 bursts go out arps-interval apart, to the millisecond', () => {
    const { timers, bursts, rounds } = setup({ enabled: true, arps: 5, intervalS: 8 }, 1000);
    rounds.begin(1000);
    assert.deepEqual(bursts, [], 'the first burst is the caller’s');
    for (let k = 1; k < 5; k++) {
        timers.advance(7999);
        assert.equal(bursts.length, k - 1, `burst ${k + 1} not yet at interval - 1 ms`);
        timers.advance(1);
        assert.equal(bursts.length, k, `burst ${k + 1} at the interval`);
    }
    assert.deepEqual(bursts, [9000, 17_000, 25_000, 33_000]);
    assert.equal(timers.armed, 0, 'nothing left armed after the round');
    timers.advance(120_000);
    assert.equal(bursts.length, 4);
});
test('arps 1: the caller’s burst is the whole round', () => {
    const { timers, bursts, rounds } = setup({ enabled: true, arps: 1, intervalS: 1 });
    rounds.begin(0);
    assert.equal(timers.armed, 0);
    timers.advance(60_000);
    assert.deepEqual(bursts, []);
});
test('stop cancels the round under way', () => {
    const { timers, bursts, rounds } = setup({ enabled: true, arps: 5, intervalS: 2 });
    rounds.begin(0);
    timers.advance(2000);
    assert.deepEqual(bursts, [2000]);
    rounds.stop();
    assert.equal(timers.armed, 0);
    timers.advance(60_000);
    assert.deepEqual(bursts, [2000]);
    rounds.stop();
    assert.deepEqual(bursts, [2000], 'a second stop is harmless');
});
test('configure abandons the round under way, and the next round follows the new options', () => {
    const { clock, timers, bursts, rounds } = setup({ enabled: true, arps: 5, intervalS: 2 });
    rounds.begin(0);
    timers.advance(2000);
    rounds.configure({ enabled: true, arps: 3, intervalS: 5 });
    assert.equal(timers.armed, 0);
    timers.advance(30_000);
    assert.deepEqual(bursts, [2000], 'nothing more of the old round');
    rounds.begin(clock.nowMs());
    timers.advance(60_000);
    assert.deepEqual(bursts, [2000, 37_000, 42_000]);
});
test('disabled: begin sends nothing and arms nothing', () => {
    const { timers, bursts, rounds } = setup({ enabled: false, arps: 5, intervalS: 1 });
    rounds.begin(0);
    assert.equal(timers.armed, 0);
    timers.advance(60_000);
    assert.deepEqual(bursts, []);
});
test('configure to disabled mid-round stops it and keeps later begins silent', () => {
    const { clock, timers, bursts, rounds } = setup({ enabled: true, arps: 5, intervalS: 1 });
    rounds.begin(0);
    timers.advance(1000);
    rounds.configure({ enabled: false, arps: 5, intervalS: 1 });
    rounds.begin(clock.nowMs());
    timers.advance(60_000);
    assert.deepEqual(bursts, [1000]);
});
test('begin during a round restarts a full round from that instant', () => {
    const { clock, timers, bursts, rounds } = setup({ enabled: true, arps: 3, intervalS: 4 });
    rounds.begin(0);
    timers.advance(4000);
    assert.deepEqual(bursts, [4000]);
    timers.advance(1000);
    rounds.begin(clock.nowMs());
    assert.equal(timers.armed, 1, 'the old round’s timer is cancelled, not left beside the new one');
    timers.advance(60_000);
    assert.deepEqual(bursts, [4000, 9000, 13_000], 'the old 8000 ms burst is gone; two more of the new round');
});
test('a timer that fires early sends nothing early: it waits out the rest of the interval', () => {
    // setTimeout may run a little before a monotonic clock says the time has come.
    const early = (t) => ({ after: (ms, fn) => t.after(ms >= 10 ? Math.floor(ms * 0.9) : ms, fn) });
    const { timers, bursts, rounds } = setup({ enabled: true, arps: 3, intervalS: 8 }, 500, early);
    rounds.begin(500);
    timers.advance(30_000);
    assert.deepEqual(bursts, [8500, 16_500]);
    assert.equal(timers.armed, 0);
});
test('a burst that runs late pushes the next one a full interval after it', () => {
    let lagMs = 0;
    const clock = new FakeClock(0);
    const timers = new FakeTimers(clock);
    const bursts = [];
    const now = () => clock.nowMs() + lagMs;
    const rounds = new GarpRounds({ enabled: true, arps: 3, intervalS: 2 }, timers, now, () => bursts.push(now()));
    rounds.begin(0);
    lagMs = 300;
    timers.advance(2000);
    assert.deepEqual(bursts, [2300]);
    lagMs = 0;
    timers.advance(2299);
    assert.deepEqual(bursts, [2300], 'not before 2 s after the late burst');
    timers.advance(1);
    assert.deepEqual(bursts, [2300, 4300]);
});
//# sourceMappingURL=garp-rounds.test.js.map