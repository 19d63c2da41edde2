/**
 * A full resync end to end over a lossy link, with live updates and deletes racing the dump:
 * the secondary's table ends equal to the primary's, stale sessions gone, and the secondary
 * ready. The dump reads ahead (as a netlink dump fills its socket buffer), so a session can be
 * deleted or updated live after the dump read it and before its record is sent.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prng } from './channel.fake.js';
import { Link } from './link.testkit.js';
import { BulkSender, Reconciler } from './resync.js';
const hiOf = (id) => Math.imul(id, 0x9e37_79b1) >>> 0;
/** The primary's table, dumped `readAhead` records at a time, each chunk read when the previous one is used up. */
function dump(table, readAhead) {
    const order = [...table];
    let pos = 0;
    const buffer = [];
    return {
        next(max) {
            if (buffer.length === 0) {
                while (pos < order.length && buffer.length < readAhead) {
                    const id = order[pos++];
                    if (table.has(id))
                        buffer.push({ kind: 'bulk', id });
                }
                if (buffer.length === 0)
                    return 'done';
            }
            return buffer.splice(0, max);
        },
    };
}
function resync(seed) {
    const N = 20_000;
    const rnd = prng(seed);
    const primary = new Set(Array.from({ length: N }, (_, id) => id));
    // The secondary holds half of the primary's sessions and as many that the primary no longer has.
    const secondary = new Set(Array.from({ length: N }, (_, k) => k + N / 2));
    const link = new Link({
        faults: { loss: 0.1, duplicate: 0.05, delayMs: 0.3, jitterMs: 3 },
        seed,
        epoch: 2,
        deliver: (batch) => apply(batch),
    });
    const rec = new Reconciler(link.receiver);
    // The secondary's sync layer: decode, apply to the kernel (here a Set), tell the reconciler.
    const apply = (batch) => {
        if (batch.first)
            rec.begin(batch.estimate, link.now);
        for (const { kind, id } of batch.ops) {
            if (kind === 'bulk') {
                if (rec.bulkRecord(hiOf(id), id, link.now))
                    secondary.add(id);
            }
            else if (kind === 'update') {
                secondary.add(id);
                rec.liveUpdate(hiOf(id), id);
            }
            else {
                secondary.delete(id);
                rec.liveDelete(hiOf(id), id);
            }
        }
        if (!batch.last)
            return;
        rec.endBulk();
        for (const id of [...secondary])
            if (rec.isStale(hiOf(id), id))
                secondary.delete(id);
        rec.complete(link.now);
    };
    const bulk = new BulkSender(dump(primary, 500), link.sender, {
        estimatedTotal: N,
        recordsPerBatch: 50,
        reserve: 32,
        pack: (ops, first, last) => ({ first, last, estimate: N, ops: [...ops] }),
    }, 0);
    // Live traffic: each millisecond a session ends and another starts; and one in ten is updated.
    let nextId = N;
    let live = [];
    let churn = true;
    const somePrimary = () => {
        for (;;) {
            const id = Math.floor(rnd() * nextId);
            if (primary.has(id))
                return id;
        }
    };
    const produce = (now) => {
        if (churn) {
            const gone = somePrimary();
            primary.delete(gone);
            primary.add(nextId);
            live.push({ kind: 'delete', id: gone }, { kind: 'update', id: nextId++ });
            if (rnd() < 0.1)
                live.push({ kind: 'update', id: somePrimary() });
        }
        while (live.length > 0 && link.sender.offer({ first: false, last: false, estimate: N, ops: live.slice(0, 20) }, now)) {
            live = live.slice(20);
        }
        bulk.pump(now);
    };
    assert.ok(link.run(() => bulk.state === 'done' && rec.ready, 20_000, produce), `seed ${seed}: ${bulk.state}, ${rec.state}`);
    const progress = bulk.progress(link.now);
    assert.equal(progress.percent, 100);
    assert.ok(progress.records >= N - 2 * progress.elapsedMs && progress.records <= N, `${progress.records} records dumped`);
    assert.equal(rec.progress(link.now).percent, 100);
    link.run(() => false, 100, produce); // live traffic goes on after the resync
    churn = false;
    assert.ok(link.run(() => live.length === 0 && link.idle(), 5000, produce));
    assert.deepEqual([...secondary].sort((a, b) => a - b), [...primary].sort((a, b) => a - b), `seed ${seed}: both tables equal`);
    assert.equal(rec.ready, true);
    const r = link.receiver.status();
    assert.ok(r.gapsSeen > 0 && r.gapsSeen === r.gapsRepaired, `seed ${seed}: losses repaired`);
}
test('a full resync over 10% loss with live churn leaves both tables equal (3 seeds)', () => {
    for (const seed of [1, 2, 3])
        resync(seed);
});
//# sourceMappingURL=resync-link.test.js.map