import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prng } from './channel.fake.js';
import { StreamReceiver } from './receiver.js';
import { BulkSender, Reconciler } from './resync.js';
import { StreamSender } from './sender.js';
const pack = (records, first, last) => ({ records: records.length, first, last });
/** A dump of `total` records of which `perMs` more become readable each millisecond. */
function trickle(total, perMs, clock) {
    let pos = 0;
    return {
        next(max) {
            if (pos >= total)
                return 'done';
            const ready = Math.min(total, Math.floor(perMs * clock.now));
            const n = Math.max(0, Math.min(max, ready - pos));
            const out = Array.from({ length: n }, (_, k) => pos + k);
            pos += n;
            return out;
        },
    };
}
/** Sender and receiver wired back to back, no loss. */
function loopback(sender, receiver, now) {
    for (const f of sender.take(now, 1000))
        receiver.onBatch(f.epoch, f.seq, f.payload, now);
    const ack = receiver.takeAck(now);
    if (ack)
        sender.onAck(ack, now);
}
test('bulk progress: percent, rate and time left while the dump trickles in at 5000 records/s', () => {
    const clock = { now: 0 };
    const sender = new StreamSender(1);
    const got = [];
    const receiver = new StreamReceiver((p) => got.push(p));
    const bulk = new BulkSender(trickle(10_000, 5, clock), sender, { estimatedTotal: 10_000, recordsPerBatch: 10, pack, reserve: 32 }, 0);
    const at = (t) => {
        clock.now = t;
        bulk.pump(t);
        loopback(sender, receiver, t);
    };
    const step = (until) => {
        while (clock.now < until)
            at(clock.now + 1);
    };
    at(0);
    assert.deepEqual(got[0], { records: 0, first: true, last: false }, 'the first batch goes at once, empty');
    /** [records, percent, rate, time left, elapsed, state] at `t`. */
    const view = (t) => {
        const p = bulk.progress(t);
        return [p.records, p.percent, p.ratePerSec, p.timeLeftMs, p.elapsedMs, p.state];
    };
    assert.deepEqual(view(0), [0, 0, 0, null, 0, 'running']);
    assert.equal(bulk.progress(0).estimatedTotal, 10_000);
    step(1000);
    assert.deepEqual(view(1000), [5000, 50, 5000, 1000, 1000, 'running']);
    step(1500);
    assert.deepEqual(view(1500), [7500, 75, 5000, 500, 1500, 'running']);
    step(2000);
    assert.equal(bulk.state, 'draining', 'all offered, the last batch not yet acknowledged');
    assert.deepEqual(got.at(-1), { records: 0, first: false, last: true }, 'the end of the dump, on its own');
    const draining = bulk.progress(2000);
    assert.deepEqual([draining.records, draining.percent, draining.timeLeftMs], [10_000, 99.9, null]);
    step(2010);
    assert.equal(bulk.state, 'done');
    const done = bulk.progress(9999);
    assert.deepEqual([done.percent, done.timeLeftMs], [100, 0]);
    assert.ok(done.elapsedMs > 2000 && done.elapsedMs <= 2010, `frozen when done: ${done.elapsedMs}`);
    assert.equal(got.reduce((n, b) => n + b.records, 0), 10_000);
    assert.equal(bulk.pump(3000), 0);
});
test('the bulk leaves `reserve` slots of the window to live updates', () => {
    const sender = new StreamSender(1, { window: 16 });
    const bulk = new BulkSender(trickle(1000, 1000, { now: 1 }), sender, { estimatedTotal: 1000, recordsPerBatch: 10, pack, reserve: 4 }, 0);
    assert.equal(sender.room(), 15, 'the first batch, offered at once');
    assert.equal(bulk.pump(0), 11);
    assert.equal(sender.room(), 4);
    for (let i = 0; i < 4; i++)
        assert.ok(sender.offer({ records: 1, first: false, last: false }, 0), 'a live batch');
    assert.equal(bulk.pump(0), 0);
    const fresh = new StreamSender(1, { window: 16 });
    assert.throws(() => new BulkSender(trickle(1, 1, { now: 1 }), fresh, { estimatedTotal: 1, recordsPerBatch: 1, pack, reserve: 16 }, 0));
});
test('a bulk starts only on a fresh epoch, so its first batch is seq 0', () => {
    const sender = new StreamSender(1);
    sender.offer({ records: 1, first: false, last: false }, 0);
    const options = { estimatedTotal: 1, recordsPerBatch: 1, pack, reserve: 0 };
    assert.throws(() => new BulkSender(trickle(1, 1, { now: 1 }), sender, options, 0), /expected a fresh epoch/);
    sender.reset(2);
    new BulkSender(trickle(1, 1, { now: 1 }), sender, options, 0);
    assert.deepEqual({ ...sender.take(0, 10)[0] }, { epoch: 2, seq: 0, payload: { records: 0, first: true, last: false } });
});
test('the bulk fails when its stream is lost or moves to another epoch', () => {
    const lost = new StreamSender(1, { giveUpAfterMs: 100 });
    const a = new BulkSender(trickle(100, 1, { now: 100 }), lost, { estimatedTotal: 100, recordsPerBatch: 10, pack, reserve: 0 }, 0);
    a.pump(0);
    lost.take(0, 100);
    lost.take(100, 100);
    assert.equal(lost.state, 'needs-resync');
    a.pump(100);
    assert.equal(a.state, 'failed');
    assert.equal(a.progress(500).elapsedMs, 100);
    const moved = new StreamSender(1);
    const b = new BulkSender(trickle(100, 1, { now: 100 }), moved, { estimatedTotal: 100, recordsPerBatch: 10, pack, reserve: 0 }, 0);
    b.pump(0);
    moved.reset(2);
    b.pump(1);
    assert.equal(b.state, 'failed');
});
test('the reconciler: what the live stream said wins over the dump; unseen and deleted sessions are stale', () => {
    const stream = { epoch: 5, state: 'streaming' };
    const r = new Reconciler(stream);
    assert.equal(r.state, 'waiting');
    assert.equal(r.ready, false);
    r.liveUpdate(1, 1); // outside a resync: nothing to record
    r.begin(4, 0);
    assert.equal(r.state, 'bulk');
    const [A, B, C, D, E] = [1, 2, 3, 4, 5];
    assert.equal(r.bulkRecord(0, A, 1), true);
    r.liveUpdate(0, B);
    assert.equal(r.bulkRecord(0, B, 2), false, 'updated live during the resync: the dump is older');
    r.liveDelete(0, C);
    assert.equal(r.bulkRecord(0, C, 3), false, 'deleted live: the dump must not bring it back');
    assert.equal(r.bulkRecord(0, D, 4), true);
    r.liveDelete(0, D);
    assert.equal(r.isStale(0, E), false, 'no verdict before the bulk is in');
    r.endBulk();
    assert.equal(r.state, 'reconciling');
    r.liveUpdate(0, E + 1); // created after the bulk ended, before the walk reached it
    const verdicts = [A, B, C, D, E, E + 1].map((k) => r.isStale(0, k));
    assert.deepEqual(verdicts, [false, false, true, true, true, false]);
    assert.equal(r.ready, false);
    r.complete(10);
    assert.equal(r.state, 'synced');
    assert.equal(r.ready, true);
    const p = r.progress(50);
    assert.deepEqual([p.records, p.percent, p.stale, p.elapsedMs, p.state], [4, 100, 3, 10, 'synced']);
    stream.state = 'needs-resync';
    assert.equal(r.ready, false, 'the stream lost a batch: the copy is incomplete again');
    assert.equal(r.state, 'waiting');
    stream.epoch = 6;
    stream.state = 'streaming';
    r.begin(1, 100);
    r.endBulk();
    assert.equal(r.ready, false);
    stream.epoch = 7;
    assert.equal(r.state, 'waiting', 'a newer epoch voids the resync under way');
    r.complete(200);
    assert.equal(r.ready, false);
});
test('the reconciler at 1M sessions: 16 MiB of table, and exactly the unseen sessions are stale', () => {
    const N = 1_000_000;
    const rnd = prng(7);
    const his = new Uint32Array(N);
    const los = new Uint32Array(N);
    for (let k = 0; k < N; k++) {
        his[k] = (rnd() * 2 ** 32) >>> 0;
        los[k] = (rnd() * 2 ** 32) >>> 0;
    }
    const r = new Reconciler({ epoch: 1, state: 'streaming' });
    const before = process.memoryUsage().arrayBuffers;
    r.begin(N, 0);
    // Tenths 0 and 1 unseen (1 seen, then deleted live); 2 updated live; the rest from the dump.
    for (let k = 0; k < N; k++) {
        const tenth = k % 10;
        if (tenth === 0)
            continue;
        if (tenth === 2)
            r.liveUpdate(his[k], los[k]);
        else
            r.bulkRecord(his[k], los[k], 1);
        if (tenth === 1)
            r.liveDelete(his[k], los[k]);
    }
    const grown = process.memoryUsage().arrayBuffers - before;
    assert.ok(grown <= 17 * 2 ** 20, `${(grown / 2 ** 20).toFixed(1)} MiB for 1M keys`);
    r.endBulk();
    let wrong = 0;
    for (let k = 0; k < N; k++)
        if (r.isStale(his[k], los[k]) !== k % 10 < 2)
            wrong++;
    assert.equal(wrong, 0);
    r.complete(2);
    const p = r.progress(2);
    assert.deepEqual([p.records, p.stale, p.percent], [N * 0.8, N * 0.2, 100]);
});
//# sourceMappingURL=resync.test.js.map