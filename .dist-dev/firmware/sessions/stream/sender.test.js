import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../../hal/clock/clock.fake.js';
import { StreamSender } from './sender.js';
const EPOCH = 7;
function ack(cumulative, sack = [], epoch = EPOCH, dup = -1) {
    return { epoch, cumulative, sack, dup, resync: false };
}
/** Offers batches `count` (payload = its index) and transmits them all now; returns their seqs. */
function sendBatches(s, clock, count) {
    for (let i = 0; i < count; i++)
        assert.ok(s.offer(i, clock.nowMs()));
    return s.take(clock.nowMs(), count).map((f) => f.seq);
}
const seqs = (s, now, max = 1000) => s.take(now, max).map((f) => f.seq);
test('batches go out in order with their epoch; a cumulative ack releases them and times the round trip', () => {
    const clock = new FakeClock(1000);
    const s = new StreamSender(EPOCH);
    assert.equal(s.nextWakeAt(1000), Number.POSITIVE_INFINITY, 'nothing to do');
    s.offer(10, 1000);
    s.offer(11, 1000);
    assert.equal(s.nextWakeAt(1000), 1000, 'batches wait');
    const frames = s.take(1000, 10).map((f) => ({ ...f }));
    assert.deepEqual(frames, [
        { epoch: EPOCH, seq: 0, payload: 10 },
        { epoch: EPOCH, seq: 1, payload: 11 },
    ]);
    assert.equal(s.nextWakeAt(1000), 1100, 'the initial RTO (100 ms) before any sample');
    s.onAck(ack(2), clock.advance(4));
    const st = s.status(clock.nowMs());
    assert.equal(st.acked, 2);
    assert.equal(st.inFlight, 0);
    assert.equal(st.srttMs, 4);
    assert.equal(st.rtoMs, 15, '4 + 4 × 2 = 12, raised to the 15 ms floor');
    assert.equal(s.nextWakeAt(clock.nowMs()), Number.POSITIVE_INFINITY);
    assert.equal(st.sent, 2);
    assert.equal(st.retransmitted, 0);
});
test('take() gives at most `max` frames, the rest next time', () => {
    const s = new StreamSender(EPOCH);
    for (let i = 0; i < 5; i++)
        s.offer(i, 0);
    assert.deepEqual(seqs(s, 0, 2), [0, 1]);
    assert.deepEqual(seqs(s, 0, 2), [2, 3]);
    assert.deepEqual(seqs(s, 0, 2), [4]);
    assert.deepEqual(seqs(s, 0, 2), []);
});
test('a full window refuses batches until acks make room', () => {
    const s = new StreamSender(EPOCH, { window: 4 });
    for (let i = 0; i < 4; i++)
        assert.ok(s.offer(i, 0));
    assert.equal(s.room(), 0);
    assert.equal(s.offer(4, 0), false, 'refused: the caller keeps its records');
    s.take(0, 10);
    assert.equal(s.offer(4, 0), false, 'transmitted is not acknowledged');
    s.onAck(ack(2, [3, 4]), 1);
    assert.equal(s.room(), 2, 'a selective ack frees nothing: the window is counted from the cumulative ack');
    assert.ok(s.offer(4, 1));
    assert.equal(s.nextSeq, 5);
    assert.equal(s.ackedBelow, 2);
});
test('one lost batch is retransmitted alone, as soon as later batches are acknowledged', () => {
    const clock = new FakeClock();
    const s = new StreamSender(EPOCH);
    sendBatches(s, clock, 50);
    s.onAck(ack(5, [6, 50]), clock.advance(5));
    assert.deepEqual(seqs(s, clock.nowMs()), [5], 'batch 5 only, before its timer');
    const st = s.status(clock.nowMs());
    assert.equal(st.fastRetransmits, 1);
    assert.equal(st.retransmitted, 1);
    assert.equal(st.acked, 49);
    assert.equal(st.inFlight, 45, 'counted from the cumulative ack');
    s.onAck(ack(50), clock.advance(5));
    assert.equal(s.status(clock.nowMs()).inFlight, 0);
    assert.deepEqual(seqs(s, clock.advance(1000)), [], 'nothing left to retransmit');
});
test('a burst of losses is retransmitted, and only the burst', () => {
    const clock = new FakeClock();
    const s = new StreamSender(EPOCH);
    sendBatches(s, clock, 60);
    s.onAck(ack(10, [20, 40, 45, 60]), clock.advance(5));
    assert.deepEqual(seqs(s, clock.nowMs()), [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 40, 41, 42, 43, 44]);
    assert.equal(s.status(clock.nowMs()).retransmitted, 15);
});
test('a batch the acks have not passed by the reorder threshold waits for its timer', () => {
    const clock = new FakeClock();
    const s = new StreamSender(EPOCH);
    sendBatches(s, clock, 10);
    s.onAck(ack(7, [9, 10]), clock.advance(5));
    assert.deepEqual(seqs(s, clock.nowMs()), [], 'batch 7 may be late, not lost: only 2 later batches arrived');
    const rto = s.status(clock.nowMs()).rtoMs;
    assert.deepEqual(seqs(s, rto - 1), []);
    assert.deepEqual(seqs(s, rto), [7, 8], 'the timer: every unacknowledged batch sent at 0');
});
test('a duplicate of a batch retransmitted on an ack verdict raises the reorder threshold', () => {
    const clock = new FakeClock();
    const s = new StreamSender(EPOCH, { rto: { initialRtoMs: 50, minRtoMs: 50, maxRtoMs: 500 } });
    sendBatches(s, clock, 10);
    s.onAck(ack(0, [4, 10]), clock.advance(5));
    assert.deepEqual(seqs(s, clock.nowMs()), [0, 1, 2, 3], 'sent 6 or more transmissions before batch 9');
    // The originals were only late: the secondary got 2 twice and says so.
    s.onAck(ack(10, [], EPOCH, 2), clock.advance(1));
    let st = s.status(clock.nowMs());
    assert.equal(st.spuriousRetransmits, 1);
    assert.equal(st.reorderThreshold, 4);
    s.onAck(ack(10, [], EPOCH, 2), clock.advance(1));
    assert.equal(s.status(clock.nowMs()).reorderThreshold, 4, 'each batch is judged once');
    // A duplicate of a batch retransmitted by its timer says nothing about reordering.
    sendBatches(s, clock, 1);
    assert.deepEqual(seqs(s, clock.advance(50)), [10]);
    s.onAck(ack(11, [], EPOCH, 10), clock.advance(1));
    st = s.status(clock.nowMs());
    assert.equal(st.spuriousRetransmits, 1);
    assert.equal(st.reorderThreshold, 4);
    // Four batches behind is now a delay, five a loss.
    sendBatches(s, clock, 6);
    s.onAck(ack(11, [15, 17]), clock.advance(1));
    assert.deepEqual(seqs(s, clock.nowMs()), [11, 12]);
});
test('retransmissions on ack verdicts (deep reordering makes some spurious) count toward neither maxRetransmits nor the backoff', () => {
    const clock = new FakeClock();
    const s = new StreamSender(EPOCH, { maxRetransmits: 2 });
    sendBatches(s, clock, 1);
    for (let round = 1; round <= 5; round++) {
        const first = s.nextSeq;
        sendBatches(s, clock, 5);
        s.onAck(ack(0, [1, first + 5]), clock.advance(1));
        assert.deepEqual(seqs(s, clock.nowMs()), [0], `round ${round}: batch 0 found lost again`);
    }
    const st = s.status(clock.nowMs());
    assert.equal(st.state, 'streaming', 'five retransmissions, none on the timer: no give-up');
    assert.equal(st.fastRetransmits, 5);
    assert.equal(s.nextWakeAt(clock.nowMs()), clock.nowMs() + st.rtoMs, 'its timer not backed off');
    s.onAck(ack(s.nextSeq), clock.advance(1));
    assert.equal(s.status(clock.nowMs()).inFlight, 0);
});
test('the RTO follows the measured round trip (RFC 6298) and each retransmission doubles a batch timer', () => {
    const s = new StreamSender(EPOCH, { rto: { initialRtoMs: 100, minRtoMs: 15, maxRtoMs: 500 } });
    s.offer(0, 0);
    s.take(0, 1);
    s.onAck(ack(1), 40);
    assert.equal(s.status(40).rtoMs, 120, 'SRTT 40 + 4 × RTTVAR 20');
    s.offer(1, 100);
    s.take(100, 1);
    s.onAck(ack(2), 140);
    assert.equal(s.status(140).srttMs, 40);
    assert.equal(s.status(140).rttvarMs, 15, '3/4 of 20 + 1/4 of 0');
    assert.equal(s.status(140).rtoMs, 100);
    // Batch 2 is never acknowledged: timers at +100, then +200, +400, then the 500 ms ceiling.
    s.offer(2, 200);
    assert.deepEqual(seqs(s, 200), [2]);
    let at = 200;
    for (const wait of [100, 200, 400, 500, 500]) {
        assert.equal(s.nextWakeAt(at), at + wait);
        assert.deepEqual(seqs(s, at + wait - 1), [], `not before ${wait} ms`);
        at += wait;
        assert.deepEqual(seqs(s, at), [2], `retransmitted after ${wait} ms`);
    }
    // Karn: the ack of a retransmitted batch may answer any copy, so it is no sample.
    const samples = s.status(at).srttMs;
    s.onAck(ack(3), at + 3);
    assert.equal(s.status(at + 3).srttMs, samples);
});
test('a batch unacknowledged for giveUpAfterMs is given up: the stream needs a resync', () => {
    const s = new StreamSender(EPOCH, { giveUpAfterMs: 1000 });
    s.offer(0, 0);
    s.take(0, 1);
    for (let t = 1; t < 1000; t++)
        s.take(t, 10);
    assert.equal(s.state, 'streaming', 'at 999 ms');
    assert.equal(s.nextWakeAt(999), 1000, 'the give-up moment is a deadline of its own');
    assert.deepEqual(seqs(s, 1000), []);
    const st = s.status(1000);
    assert.equal(st.state, 'needs-resync');
    assert.equal(st.giveUps, 1);
    assert.match(st.reason, /^batch 0 unacknowledged after 1000 ms and \d+ retransmissions \(\d+ on its timer\)$/);
    assert.equal(st.lagMs, 1000, 'the age of the oldest unacknowledged batch');
    assert.equal(s.offer(1, 1000), false);
    assert.equal(s.room(), 0);
    assert.equal(s.nextWakeAt(1000), Number.POSITIVE_INFINITY);
});
test('a batch retransmitted maxRetransmits times is given up when its next timer runs out', () => {
    const s = new StreamSender(EPOCH, { maxRetransmits: 2, rto: { initialRtoMs: 10, minRtoMs: 10, maxRtoMs: 10 } });
    s.offer(0, 0);
    assert.deepEqual(seqs(s, 0), [0]);
    assert.deepEqual(seqs(s, 10), [0]);
    assert.deepEqual(seqs(s, 20), [0]);
    assert.equal(s.state, 'streaming');
    assert.deepEqual(seqs(s, 30), []);
    assert.equal(s.state, 'needs-resync');
    assert.match(s.status(30).reason, /after 30 ms and 2 retransmissions/);
});
test('an ack asking for a resync sends the stream to needs-resync', () => {
    const s = new StreamSender(EPOCH);
    s.offer(0, 0);
    s.take(0, 1);
    s.onAck({ epoch: EPOCH, cumulative: 0, sack: [], dup: -1, resync: true }, 1);
    assert.equal(s.state, 'needs-resync');
    assert.equal(s.status(1).reason, 'the secondary asked for a full resync');
});
test('acks of another epoch, or naming batches never sent, are counted and ignored', () => {
    const s = new StreamSender(EPOCH);
    for (let i = 0; i < 4; i++)
        s.offer(i, 0);
    s.take(0, 2);
    s.onAck(ack(2, [], EPOCH - 1), 1);
    s.onAck(ack(3), 1);
    s.onAck(ack(1, [2, 3, 0, 1, 3, 2]), 1);
    const st = s.status(1);
    assert.equal(st.staleAcks, 1);
    assert.equal(st.badAcks, 3, 'cumulative 3 (only 2 sent), SACK [2,3) (not sent), [3,2) (empty)');
    assert.equal(st.acks, 1);
    assert.equal(st.acked, 1, 'batch 0; the SACK [0,1) below the cumulative ack adds nothing');
});
test('reset() starts a newer epoch from seq 0 and drops what was in flight', () => {
    const s = new StreamSender(EPOCH, { window: 4 });
    for (let i = 0; i < 4; i++)
        s.offer(i, 0);
    s.take(0, 4);
    assert.throws(() => s.reset(EPOCH), RangeError);
    s.reset(EPOCH + 1);
    assert.equal(s.epoch, EPOCH + 1);
    assert.equal(s.room(), 4);
    assert.equal(s.nextWakeAt(0), Number.POSITIVE_INFINITY, 'no retransmission of the old epoch');
    s.offer(9, 1);
    assert.deepEqual(s.take(1, 4).map((f) => ({ ...f })), [{ epoch: EPOCH + 1, seq: 0, payload: 9 }]);
    s.onAck(ack(4), 2);
    assert.equal(s.status(2).staleAcks, 1, "the old epoch's ack");
});
test('options out of range are refused', () => {
    assert.throws(() => new StreamSender(0, { window: 0 }), RangeError);
    assert.throws(() => new StreamSender(0, { giveUpAfterMs: 0 }), RangeError);
    assert.throws(() => new StreamSender(-1), RangeError);
    assert.throws(() => new StreamSender(0, { rto: { initialRtoMs: 5, minRtoMs: 10, maxRtoMs: 100 } }), RangeError);
});
//# sourceMappingURL=sender.test.js.map