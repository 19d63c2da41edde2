import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lostOf, openOutage, outagesOf, SeqTracker } from './seq-tracker.js';
/** Probe n is sent at n ms and arrives 0.2 ms later. */
function feed(t, seqs) {
    for (const n of seqs)
        t.accept(n, n, n + 0.2);
}
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
test('in-order probes: no outage, nothing lost', () => {
    const t = new SeqTracker();
    feed(t, range(0, 99));
    const r = t.record();
    assert.deepEqual([r.received, r.duplicates, r.reordered, r.firstSeq, r.firstAtMs, r.highSeq], [100, 0, 0, 0, 0.2, 99]);
    assert.deepEqual(r.outages, []);
    assert.equal(lostOf(r, { seq: 99, sendMs: 99 }), 0);
});
test('a hole is timed by the send times of the probes around it', () => {
    const t = new SeqTracker();
    feed(t, [...range(0, 10), ...range(511, 600)]);
    const r = t.record();
    assert.deepEqual(r.outages, [{ firstSeq: 11, lastSeq: 510, lost: 500, startMs: 10, endMs: 511, gapMs: 501 }]);
    assert.equal(r.outageCount, 1);
    assert.equal(lostOf(r, { seq: 600, sendMs: 600 }), 500);
});
test('a late probe fills its place and splits the hole; a repeated one is a duplicate', () => {
    const t = new SeqTracker();
    feed(t, [...range(0, 10), ...range(21, 30), 15, 15, 11]);
    const r = t.record();
    assert.equal(r.reordered, 2);
    assert.equal(r.duplicates, 1);
    assert.deepEqual(r.outages.map((o) => [o.firstSeq, o.lastSeq, o.startMs, o.endMs]), [
        [12, 14, 11, 15],
        [16, 20, 15, 21],
    ]);
    assert.equal(lostOf(r, { seq: 30, sendMs: 30 }), 8);
});
test('probes not yet through after the highest make an open outage up to the settled probe', () => {
    const t = new SeqTracker();
    feed(t, range(0, 50));
    const rec = t.record();
    assert.equal(openOutage(rec, { seq: 50, sendMs: 50 }), null, 'nothing settled beyond the highest');
    const open = openOutage(rec, { seq: 350, sendMs: 350 });
    assert.deepEqual(open, { firstSeq: 51, lastSeq: 350, lost: 300, startMs: 50, endMs: null, gapMs: 300 });
    assert.equal(outagesOf(rec, { seq: 350, sendMs: 350 }).length, 1);
    assert.equal(lostOf(rec, { seq: 350, sendMs: 350 }), 300);
});
test('before the first probe through there is no outage, but the probes count as lost', () => {
    const t = new SeqTracker();
    assert.equal(lostOf(t.record(), { seq: 9, sendMs: 9 }), 10);
    assert.equal(lostOf(t.record(), null), 0);
    feed(t, range(40, 60));
    const r = t.record();
    assert.deepEqual(r.outages, []);
    assert.equal(lostOf(r, { seq: 60, sendMs: 60 }), 40);
    t.accept(3, 3, 70);
    assert.equal(lostOf(t.record(), { seq: 60, sendMs: 60 }), 39, 'a late start-up probe is no longer lost');
});
test('lost is exactly sent minus received once everything has settled', () => {
    const t = new SeqTracker();
    const got = range(0, 999).filter((n) => n % 7 !== 3 && (n < 300 || n > 420) && n !== 999);
    feed(t, got.reverse().sort((a, b) => (a % 13) - (b % 13) || a - b));
    const r = t.record();
    assert.equal(r.received, got.length);
    assert.equal(lostOf(r, { seq: 999, sendMs: 999 }), 1000 - got.length);
});
test('beyond the limit the smallest holes are dropped and still counted', () => {
    const t = new SeqTracker(3);
    // Holes of 1, 5, 2, 9, 1 missing probes.
    feed(t, [0, 2, 8, 11, 21, 23]);
    const r = t.record();
    assert.deepEqual(r.outages.map((o) => o.lost), [5, 2, 9]);
    assert.equal(r.outageCount, 5);
    assert.equal(lostOf(r, { seq: 23, sendMs: 23 }), 18);
});
//# sourceMappingURL=seq-tracker.test.js.map