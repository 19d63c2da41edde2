import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { GarpSchedule } from './garp-schedule.js';
/** Sends every burst that is due at the clock's time; returns how many went. */
function poll(schedule, clock) {
    let bursts = 0;
    while (schedule.due(clock.nowMs())) {
        schedule.sent(clock.nowMs());
        bursts++;
    }
    return bursts;
}
test('nothing is due before a round starts', () => {
    const s = new GarpSchedule({ enabled: true, arps: 5, intervalS: 8 });
    assert.equal(s.due(0), false);
    assert.equal(s.due(1e9), false);
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY);
});
test('the defaults: 5 bursts, the first at once, then every 8 s to the millisecond', () => {
    const clock = new FakeClock(10_000);
    const s = new GarpSchedule({ enabled: true, arps: 5, intervalS: 8 });
    s.start(clock.nowMs());
    assert.equal(s.nextAt(), 10_000);
    assert.equal(poll(s, clock), 1, 'first burst at the takeover instant');
    for (let k = 1; k < 5; k++) {
        assert.equal(s.nextAt(), 10_000 + k * 8000);
        clock.advance(7999);
        assert.equal(poll(s, clock), 0, `burst ${k + 1} not due at interval - 1 ms`);
        clock.advance(1);
        assert.equal(poll(s, clock), 1, `burst ${k + 1} due at the interval`);
    }
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY, 'round over after 5');
    clock.advance(60_000);
    assert.equal(poll(s, clock), 0);
});
test('a late burst pushes the next one a full interval after it', () => {
    const clock = new FakeClock();
    const s = new GarpSchedule({ enabled: true, arps: 3, intervalS: 1 });
    s.start(0);
    poll(s, clock);
    clock.advanceTo(1500);
    assert.equal(poll(s, clock), 1, 'only one burst, however late');
    assert.equal(s.nextAt(), 2500);
    clock.advanceTo(2499);
    assert.equal(s.due(clock.nowMs()), false);
    clock.advanceTo(2500);
    assert.equal(poll(s, clock), 1);
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY);
});
test('a new start mid-round begins a full round from that instant', () => {
    const clock = new FakeClock();
    const s = new GarpSchedule({ enabled: true, arps: 3, intervalS: 2 });
    s.start(0);
    poll(s, clock);
    clock.advanceTo(2000);
    assert.equal(poll(s, clock), 1, 'second burst of the first round');
    clock.advanceTo(3000);
    s.start(clock.nowMs());
    assert.equal(s.nextAt(), 3000);
    assert.equal(poll(s, clock), 1, 'first burst of the new round at once');
    clock.advanceTo(4999);
    assert.equal(poll(s, clock), 0, "the old round's 4000 ms burst is gone");
    clock.advanceTo(5000);
    assert.equal(poll(s, clock), 1);
    clock.advanceTo(6999);
    assert.equal(poll(s, clock), 0);
    clock.advanceTo(7000);
    assert.equal(poll(s, clock), 1, 'three bursts in the new round');
    clock.advanceTo(100_000);
    assert.equal(poll(s, clock), 0);
});
test('a restart after a finished round runs it again', () => {
    const clock = new FakeClock();
    const s = new GarpSchedule({ enabled: true, arps: 1, intervalS: 20 });
    s.start(0);
    assert.equal(poll(s, clock), 1);
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY);
    clock.advanceTo(50_000);
    s.start(clock.nowMs());
    assert.equal(poll(s, clock), 1);
});
test('stop abandons the round', () => {
    const clock = new FakeClock();
    const s = new GarpSchedule({ enabled: true, arps: 60, intervalS: 1 });
    s.start(0);
    poll(s, clock);
    s.stop();
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY);
    clock.advanceTo(10_000);
    assert.equal(poll(s, clock), 0);
});
test('sent without a due burst is ignored and cannot shorten a round', () => {
    const s = new GarpSchedule({ enabled: true, arps: 2, intervalS: 5 });
    s.sent(0);
    s.start(0);
    s.sent(0);
    s.sent(1000);
    s.sent(4999);
    assert.equal(s.nextAt(), 5000);
    assert.equal(s.due(5000), true);
    s.sent(5000);
    assert.equal(s.due(5000), false);
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY);
});
test('disabled: never due, whatever starts it', () => {
    const clock = new FakeClock();
    const s = new GarpSchedule({ enabled: false, arps: 5, intervalS: 8 });
    s.start(0);
    assert.equal(s.due(0), false);
    assert.equal(s.nextAt(), Number.POSITIVE_INFINITY);
    clock.advanceTo(100_000);
    s.start(clock.nowMs());
    assert.equal(poll(s, clock), 0);
});
test('arps outside 1-60 and arps-interval outside 1-20 are RangeErrors naming them', () => {
    for (const [opts, pattern] of [
        [{ arps: 0, intervalS: 8 }, /arps 0: expected an integer 1-60/],
        [{ arps: 61, intervalS: 8 }, /arps 61: expected an integer 1-60/],
        [{ arps: 2.5, intervalS: 8 }, /arps 2\.5/],
        [{ arps: 5, intervalS: 0 }, /arps-interval 0: expected an integer 1-20/],
        [{ arps: 5, intervalS: 21 }, /arps-interval 21: expected an integer 1-20/],
        [{ arps: 5, intervalS: Number.NaN }, /arps-interval NaN/],
    ]) {
        assert.throws(() => new GarpSchedule({ enabled: true, ...opts }), (e) => e instanceof RangeError && pattern.test(e.message));
    }
    assert.doesNotThrow(() => new GarpSchedule({ enabled: true, arps: 60, intervalS: 20 }));
    assert.doesNotThrow(() => new GarpSchedule({ enabled: false, arps: 1, intervalS: 1 }));
});
//# sourceMappingURL=garp-schedule.test.js.map