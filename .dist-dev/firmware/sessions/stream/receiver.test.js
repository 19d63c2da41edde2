import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_SACK_RANGES } from './frames.js';
import { StreamReceiver } from './receiver.js';
const EPOCH = 3;
function setup(options = {}) {
    const got = [];
    const r = new StreamReceiver((payload) => got.push(payload), options);
    return { r, got };
}
/** Feeds seqs (payload "s<seq>") at `now`; returns the outcomes. */
function feed(r, seqs, now, epoch = EPOCH) {
    return seqs.map((s) => r.onBatch(epoch, s, `s${s}`, now));
}
test('in-order batches are delivered at once; the ack waits ackDelayMs', () => {
    const { r, got } = setup();
    assert.equal(r.state, 'idle');
    assert.equal(r.takeAck(0), null, 'nothing to acknowledge yet');
    assert.deepEqual(feed(r, [0, 1, 2], 100), ['delivered', 'delivered', 'delivered']);
    assert.deepEqual(got, ['s0', 's1', 's2']);
    assert.equal(r.nextWakeAt(100), 105);
    assert.equal(r.ackDue(104), false);
    assert.equal(r.takeAck(104), null);
    assert.deepEqual(r.takeAck(105), { epoch: EPOCH, cumulative: 3, sack: [], dup: -1, resync: false });
    assert.equal(r.takeAck(106), null, 'one ack for the three');
    assert.equal(r.nextWakeAt(106), Number.POSITIVE_INFINITY);
});
test('an ack goes at once after ackEvery batches', () => {
    const { r } = setup({ ackEvery: 16 });
    feed(r, [...Array(15).keys()], 0);
    assert.equal(r.ackDue(0), false);
    feed(r, [15], 0);
    assert.equal(r.ackDue(0), true);
    assert.equal(r.takeAck(0)?.cumulative, 16);
});
test('early batches wait for the hole; the ack reports them as SACK ranges', () => {
    const { r, got } = setup();
    assert.deepEqual(feed(r, [0, 2, 3, 5], 0), ['delivered', 'buffered', 'buffered', 'buffered']);
    assert.deepEqual(got, ['s0']);
    assert.deepEqual(r.takeAck(5), { epoch: EPOCH, cumulative: 1, sack: [2, 4, 5, 6], dup: -1, resync: false });
    assert.deepEqual(feed(r, [1], 6), ['delivered']);
    assert.deepEqual(got, ['s0', 's1', 's2', 's3']);
    assert.deepEqual(feed(r, [4], 7), ['delivered']);
    assert.deepEqual(got, ['s0', 's1', 's2', 's3', 's4', 's5']);
    const st = r.status();
    assert.equal(st.outOfOrder, 3);
    assert.equal(st.gapsSeen, 2, 'batches 1 and 4');
    assert.equal(st.gapsRepaired, 2);
    assert.equal(st.buffered, 0);
    assert.equal(st.nextSeq, 6);
});
test('duplicates are dropped, counted, and acknowledged at once, naming the latest', () => {
    const { r, got } = setup();
    feed(r, [0, 1, 3], 0);
    r.takeAck(5);
    assert.deepEqual(feed(r, [1, 3], 10), ['duplicate', 'duplicate'], 'one delivered, one held');
    assert.deepEqual(got, ['s0', 's1']);
    assert.equal(r.status().duplicates, 2);
    assert.deepEqual(r.takeAck(10), { epoch: EPOCH, cumulative: 2, sack: [3, 4], dup: 3, resync: false });
});
test('a hole open for gapTimeoutMs loses the stream; acks then ask for a resync', () => {
    const { r, got } = setup({ gapTimeoutMs: 100 });
    feed(r, [0, 2], 0);
    r.takeAck(5);
    assert.equal(r.nextWakeAt(5), 100);
    assert.equal(r.ackDue(99), false);
    assert.equal(r.state, 'streaming');
    assert.equal(r.ackDue(100), true, 'the loss is acknowledged at once');
    assert.equal(r.state, 'needs-resync');
    const st = r.status();
    assert.equal(st.reason, 'batch 1 missing for 100 ms');
    assert.equal(st.discarded, 1, 'batch 2 is dropped with the stream');
    assert.deepEqual(r.takeAck(100), { epoch: EPOCH, cumulative: 1, sack: [], dup: -1, resync: true });
    assert.deepEqual(feed(r, [1, 3], 101), ['needs-resync', 'needs-resync'], 'too late: nothing more is delivered');
    assert.deepEqual(got, ['s0']);
    assert.equal(r.nextWakeAt(101), 106, 'the plea again, at the ack delay');
    assert.equal(r.takeAck(106)?.resync, true);
    assert.deepEqual(feed(r, [0], 200, EPOCH + 1), ['delivered'], 'a newer epoch starts over');
    assert.equal(r.state, 'streaming');
    assert.equal(r.status().whileResync, 2);
});
test('the hole is dated from the earliest batch still held, so repairs one by one do not time out', () => {
    const { r, got } = setup({ gapTimeoutMs: 100 });
    feed(r, [0, 2], 0);
    r.takeAck(5);
    feed(r, [1, 4], 90);
    assert.notEqual(r.takeAck(95), null);
    assert.equal(r.nextWakeAt(95), 190, 'hole 3 known since batch 4 arrived at 90');
    assert.equal(r.ackDue(150), false);
    assert.equal(r.state, 'streaming', 'past 100 ms since the first hole, which was repaired');
    feed(r, [3], 189);
    assert.deepEqual(got, ['s0', 's1', 's2', 's3', 's4']);
    assert.equal(r.nextWakeAt(189), 194, 'only the delayed ack is left');
    assert.notEqual(r.takeAck(194), null);
    assert.equal(r.ackDue(1000), false);
    assert.equal(r.state, 'streaming');
});
test('a batch beyond the reorder window loses the stream (this side lost its place)', () => {
    const { r } = setup({ window: 8 });
    feed(r, [0, 3], 0);
    assert.deepEqual(feed(r, [9], 1), ['beyond-window']);
    const st = r.status();
    assert.equal(st.state, 'needs-resync');
    assert.equal(st.reason, 'batch 9 beyond the reorder window (expecting 1, window 8)');
    assert.equal(st.beyondWindow, 1);
    assert.equal(st.discarded, 1);
    assert.equal(r.takeAck(1)?.resync, true);
});
test('a receiver that joins mid-epoch cannot place the batches: it asks for a resync', () => {
    const { r } = setup();
    assert.deepEqual(feed(r, [5000], 0), ['beyond-window']);
    assert.equal(r.epoch, EPOCH);
    assert.equal(r.takeAck(0)?.resync, true);
});
test('older epochs are dropped; a newer one restarts the stream at seq 0', () => {
    const { r, got } = setup();
    feed(r, [0, 1, 5], 0);
    assert.deepEqual(feed(r, [2], 1, EPOCH - 1), ['stale-epoch']);
    assert.deepEqual(feed(r, [1, 0], 2, EPOCH + 1), ['buffered', 'delivered']);
    assert.deepEqual(got, ['s0', 's1', 's0', 's1']);
    const st = r.status();
    assert.equal(st.epoch, EPOCH + 1);
    assert.equal(st.staleEpoch, 1);
    assert.equal(st.restarts, 2, 'the first epoch counts');
    assert.equal(st.discarded, 1, 'batch 5 of the old epoch');
    assert.equal(r.takeAck(10)?.epoch, EPOCH + 1);
});
test('batches that are not safe integers are counted and dropped', () => {
    const { r } = setup();
    assert.deepEqual([r.onBatch(EPOCH, -1, 'x', 0), r.onBatch(EPOCH, 1.5, 'x', 0), r.onBatch(Number.NaN, 0, 'x', 0)], ['invalid', 'invalid', 'invalid']);
    assert.equal(r.status().invalid, 3);
    assert.equal(r.state, 'idle');
});
test(`an ack carries at most ${MAX_SACK_RANGES} SACK ranges, the lowest`, () => {
    const { r } = setup();
    const odd = Array.from({ length: 40 }, (_, k) => 2 * k + 1);
    feed(r, odd, 0);
    const sack = r.takeAck(5)?.sack ?? [];
    assert.equal(sack.length, 2 * MAX_SACK_RANGES);
    assert.deepEqual(sack.slice(0, 4), [1, 2, 3, 4]);
    assert.deepEqual(sack.slice(-2), [63, 64]);
});
test('every batch is accounted for', () => {
    const { r } = setup({ window: 16 });
    feed(r, [0, 2, 2, 1, 0, 4], 0);
    feed(r, [0], 0, EPOCH - 1);
    feed(r, [20], 1);
    feed(r, [5], 2);
    const st = r.status();
    const accounted = st.delivered + st.buffered + st.discarded + st.duplicates + st.staleEpoch + st.invalid + st.beyondWindow + st.whileResync;
    assert.equal(st.received, 9);
    assert.equal(accounted, st.received);
});
//# sourceMappingURL=receiver.test.js.map