/**
 * The secondary's side of session sync: the primary's stream (stream/receiver.ts) delivers
 * batches in order, and each goes into this unit's kernel at once (applier.ts). A resync's bulk
 * is tracked by the Reconciler; once its last batch is in, the secondary walks its own table
 * and deletes every synced entry the primary did not send, then it is `ready` (promotion
 * readiness: the election prefers a ready secondary).
 *
 * Only the primary's frames count, and of those the batches to this unit: a batch from any other
 * unit, or to another secondary, is dropped and counted.
 */
import { PROTO, } from '../../hal/conntrack/index.js';
import { SYNCED_MARK } from './applier.js';
import { sessionKey } from './session-key.js';
import { Reconciler, StreamReceiver } from './stream/index.js';
import { BatchMark, encodeAck } from './sync-frames.js';
/** An expectation's identity in a batch: its expected tuple. */
const expectationId = (family, t) => `${family} ${t.proto} ${t.src} ${t.sport} ${t.dst} ${t.dport}`;
/** Whether a record brings a session's whole state (TCP: its tracking too). */
const fullState = (s) => s.tcp !== null || s.orig.proto !== PROTO.TCP;
export class SecondarySync {
    serial;
    table;
    applier;
    link;
    log;
    clock;
    receiver;
    reconciler;
    primary = null;
    /** The primary whose stream the receiver has followed (a null primary in between changes nothing). */
    followed = null;
    key = new Uint32Array(2);
    reconciling = false;
    counters = {
        notFromPrimary: 0,
        forOthers: 0,
        badRecords: 0,
        unknownRecords: 0,
        reconciled: 0,
        staleDeleted: 0,
    };
    constructor(
    /** This unit's serial: the primary's batches to it name it. */
    serial, table, applier, link, log, clock) {
        this.serial = serial;
        this.table = table;
        this.applier = applier;
        this.link = link;
        this.log = log;
        this.clock = clock;
        this.receiver = new StreamReceiver((batch) => this.apply(batch));
        this.reconciler = new Reconciler(this.receiver);
    }
    /**
     * The unit whose stream this one follows (null: none now). Another primary's stream starts
     * afresh: its epochs come from its own boot id, maybe below the last primary's, which the
     * receiver would drop as stale for good; and this unit is not ready until that primary's
     * resync is in.
     */
    setPrimary(serial) {
        this.primary = serial;
        if (serial === null || serial === this.followed)
            return;
        if (this.followed !== null) {
            this.receiver = new StreamReceiver((batch) => this.apply(batch));
            this.reconciler = new Reconciler(this.receiver);
        }
        this.followed = serial;
    }
    get ready() {
        return this.reconciler.ready;
    }
    get appliedCounters() {
        return this.applier.counters;
    }
    onBody(serial, body, now) {
        if (body.kind !== 1)
            return;
        if (serial !== this.primary) {
            this.counters.notFromPrimary++;
            return;
        }
        if (body.to !== this.serial) {
            this.counters.forOthers++;
            return;
        }
        this.receiver.onBatch(body.epoch, body.seq, body, now);
    }
    /** Sends the ack when one is due. */
    tick(now) {
        const ack = this.receiver.takeAck(now);
        if (ack)
            this.link.send(encodeAck(ack), 0);
    }
    /**
     * While reconciling, now: the reconciliation reads this kernel's table a dump chunk per turn
     * of the thread's event loop, and a loop that slept until its next ack between chunks took
     * 20 ms a chunk (a 100k table: 16 s before the unit was ready, measured in the rig).
     */
    nextWakeAt(now) {
        return this.reconciling ? now : this.receiver.nextWakeAt(now);
    }
    view(now) {
        return { primary: this.primary, stream: this.receiver.status(), reconcile: this.reconciler.progress(now), ready: this.ready };
    }
    apply(batch) {
        const now = this.clock.nowMs();
        const bulk = (batch.mark & BatchMark.Bulk) !== 0;
        if (batch.mark & BatchMark.BulkBegin)
            this.reconciler.begin(batch.total, now);
        // The last record of a session in the batch is its state: earlier ones are dropped, so a
        // session opened, changed and closed within one batch costs one kernel operation. The same
        // holds for an expectation, by its expected tuple.
        const last = new Map();
        const expected = new Map();
        const k = this.key;
        for (const r of batch.records) {
            if (!r) {
                this.counters.badRecords++;
                continue;
            }
            if (r.kind === 'unknown') {
                this.counters.unknownRecords++;
                continue;
            }
            if (r.kind === 'expectation' || r.kind === 'expectation-delete') {
                const e = r.kind === 'expectation' ? r.expectation : r.key;
                const id = expectationId(e.family, e.tuple);
                expected.delete(id);
                expected.set(id, e);
                continue;
            }
            const record = r.kind === 'session' ? r.session : r.key;
            sessionKey(record, k);
            const hi = k[0] ?? 0;
            const lo = k[1] ?? 0;
            if (r.kind === 'delete')
                this.reconciler.liveDelete(hi, lo);
            else if (bulk || !fullState(r.session)) {
                // A live change without TCP tracking (a status change's event) counts as seen but
                // does not stand in for the resync's record, which carries the full state: an entry
                // this kernel kept from an earlier life must still be replaced by it.
                if (!this.reconciler.bulkRecord(hi, lo, now))
                    continue;
            }
            else
                this.reconciler.liveUpdate(hi, lo);
            const id = `${hi}:${lo}`;
            last.delete(id);
            last.set(id, record);
        }
        const deletes = [];
        const upserts = [];
        const related = [];
        for (const r of last.values()) {
            if (!('reply' in r))
                deletes.push(r);
            // A related session after the sessions of the batch, one of which may be its master.
            else if (r.master)
                related.push(r);
            else
                upserts.push(r);
        }
        this.applier.remove(deletes);
        this.applier.upsert([...upserts, ...related]);
        // Expectations after every session: their masters are in by now.
        const adds = [];
        const ends = [];
        for (const e of expected.values()) {
            if ('master' in e)
                adds.push(e);
            else
                ends.push(e);
        }
        this.applier.unexpect(ends);
        const orphans = this.applier.expect(adds);
        if (orphans > 0)
            this.log.warn(`${orphans} expectations refused: their master is not in this kernel`);
        if (batch.mark & BatchMark.BulkEnd) {
            this.reconciler.endBulk();
            void this.reconcile();
        }
    }
    /** Deletes the synced entries the primary did not send in this resync. */
    async reconcile() {
        if (this.reconciling)
            return;
        this.reconciling = true;
        try {
            for await (const batch of this.table.dump()) {
                if (this.reconciler.state !== 'reconciling')
                    return;
                const stale = [];
                for (const s of batch) {
                    if ((s.mark & SYNCED_MARK) === 0)
                        continue;
                    sessionKey(s, this.key);
                    if (this.reconciler.isStale(this.key[0] ?? 0, this.key[1] ?? 0))
                        stale.push(s);
                }
                this.applier.remove(stale);
                this.counters.staleDeleted += stale.length;
            }
            if (this.reconciler.state !== 'reconciling')
                return;
            this.reconciler.complete(this.clock.nowMs());
            this.counters.reconciled++;
            this.log.info(`sessions in sync with ${this.primary}: ${this.reconciler.progress(this.clock.nowMs()).records} received`);
        }
        catch (err) {
            this.log.warn(`reconciling the session table failed: ${err.message}`);
        }
        finally {
            this.reconciling = false;
        }
    }
}
//# sourceMappingURL=secondary-sync.js.map