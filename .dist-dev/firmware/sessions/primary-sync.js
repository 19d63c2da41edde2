import { DelayGate } from './delay.js';
import { KernelDumpSource } from './dump-source.js';
import { encodeExpectationAdd, encodeExpectationDelete } from './expectation-codec.js';
import { expectationVerdict, pickupVerdict } from './pickup.js';
import { keyRecord, sessionRecord } from './record-writer.js';
import { BulkSender, StreamSender } from './stream/index.js';
import { BatchBuilder, BatchMark, encodeBatch, encodeRecord } from './sync-frames.js';
/** A live batch waits at most this long for more records (part of the replication lag). */
export const FLUSH_MS = 2;
/** Batches a secondary may fall behind its window before it is resynced instead. */
const MAX_BACKLOG = 4096;
const FRAMES_PER_TURN = 256;
const RECORDS_PER_BULK_BATCH = 64;
/** Window slots the bulk leaves to live changes. */
const BULK_RESERVE = 32;
/** A resync whose kernel dump failed starts again after this long. */
export const DUMP_RETRY_MS = 1000;
export class PrimarySync {
    deps;
    feeds = new Map();
    live = new BatchBuilder();
    liveSince = Number.NaN;
    epochs = 0;
    pickup;
    local = new Set();
    /** The policy changed since the last tick: every secondary is resynced. */
    policyChanged = false;
    gate = new DelayGate((record, now) => this.addLive(record, now), () => this.dumpReading());
    counters = {
        events: 0,
        synced: 0,
        deleted: 0,
        expectations: 0,
        expectationsDeleted: 0,
        skipped: {},
        overruns: 0,
        resyncs: 0,
        delay: this.gate.counters,
    };
    constructor(deps, pickup) {
        this.deps = deps;
        this.pickup = pickup;
    }
    /**
     * A policy that differs from the one in force resyncs every secondary at the next tick: the
     * sessions it now leaves out would stay on the secondaries for the hold time (their close is
     * left out too), and those it now takes would wait for their next change.
     */
    setPolicy(pickup, localAddresses) {
        const same = Object.keys(pickup).every((k) => pickup[k] === this.pickup[k]) &&
            localAddresses.size === this.local.size &&
            [...localAddresses].every((a) => this.local.has(a));
        this.pickup = pickup;
        this.local = localAddresses;
        if (same)
            return;
        // The sessions held were taken by the old policy; the resyncs' dumps hold again what the new one takes.
        if (this.feeds.size > 0)
            this.policyChanged = true;
        else
            this.gate.clear();
    }
    /** The secondaries to feed: a new one gets a full resync, a gone one is forgotten. */
    setPeers(serials, now) {
        for (const [serial, feed] of this.feeds) {
            if (!serials.includes(serial)) {
                feed.dump?.close();
                this.feeds.delete(serial);
            }
        }
        for (const serial of serials) {
            if (this.feeds.has(serial))
                continue;
            const feed = {
                serial,
                sender: new StreamSender(this.nextEpoch()),
                backlog: [],
                bulk: null,
                dump: null,
                retryAt: Number.POSITIVE_INFINITY,
                resyncs: 0,
            };
            this.feeds.set(serial, feed);
            this.resync(feed, 'joined', now);
        }
    }
    onEvents(events, overrun, now) {
        this.gate.at(now, this.deps.wallMs());
        if (overrun) {
            // The events read with the overrun, and the records waiting for the live batch, may be
            // older than events that were lost. Sent after the resync's first batch, they would count
            // as live changes, which win over the dump (stream/resync.ts): a session whose close was
            // lost would stay open on the secondary for good. The dump, which starts now, has them.
            this.counters.overruns++;
            this.live.cut();
            // Held sessions may have ended among the lost events; the dumps hold the young ones again.
            this.gate.clear();
            for (const feed of this.feeds.values())
                this.resync(feed, 'conntrack events were lost (receive buffer overrun)', now);
            return;
        }
        for (const e of events) {
            this.counters.events++;
            if (!('session' in e)) {
                this.onExpectation(e.expectation, e.type === 'exp-destroy', now);
                continue;
            }
            const s = e.session;
            const verdict = pickupVerdict(this.pickup, s, this.local);
            if (verdict !== 'sync') {
                this.skip(verdict);
                continue;
            }
            const delay = this.pickup.delay;
            if (e.type === 'destroy') {
                if (delay && this.gate.ended(s))
                    continue;
                this.addLive(keyRecord(s), now);
                this.counters.deleted++;
                continue;
            }
            if (delay && (e.type === 'new' ? this.gate.opened(s) : this.gate.changed(s)))
                continue;
            this.addLive(sessionRecord(s), now);
            this.counters.synced++;
        }
    }
    /** Whether the policy syncs expectations: the caller subscribes to their events only then. */
    get syncsExpectations() {
        return this.pickup.tcp && this.pickup.expectation;
    }
    /**
     * An expectation made or ended on this unit. Its records follow its master's in the stream,
     * since the kernel reports the master when it confirms its first packet and a helper expects
     * only on later ones.
     */
    onExpectation(e, ended, now) {
        const verdict = expectationVerdict(this.pickup, e, this.local);
        if (verdict !== 'sync') {
            this.skip(verdict);
            return;
        }
        this.addLive(encodeRecord(ended ? encodeExpectationDelete(e) : encodeExpectationAdd(e)), now);
        if (ended)
            this.counters.expectationsDeleted++;
        else
            this.counters.expectations++;
    }
    skip(verdict) {
        this.counters.skipped[verdict] = (this.counters.skipped[verdict] ?? 0) + 1;
    }
    onAck(serial, ack, now) {
        const feed = this.feeds.get(serial);
        if (!feed)
            return;
        if (ack.resync && ack.epoch === feed.sender.epoch && !feed.bulk) {
            this.resync(feed, `${serial} lost the stream`, now);
            return;
        }
        feed.sender.onAck(ack, now);
    }
    /** One turn: held sessions now due, the live batch if due, the bulks, the backlogs, then what each stream sends. */
    tick(now) {
        this.gate.at(now, this.deps.wallMs());
        const policyChanged = this.policyChanged;
        this.policyChanged = false;
        if (policyChanged)
            this.gate.clear();
        this.gate.tick();
        if (this.live.count > 0 && now - this.liveSince >= FLUSH_MS)
            this.cutLive();
        for (const feed of this.feeds.values()) {
            if (policyChanged)
                this.resync(feed, 'the session pickup policy changed', now);
            if (feed.sender.state === 'needs-resync')
                this.resync(feed, feed.sender.status(now).reason ?? 'the stream gave up', now);
            if (feed.dump?.failure) {
                // The bulk stops short of its end: the secondary, which would delete every session it
                // was not sent, stays unready and keeps taking live changes until the next resync.
                this.deps.log.warn(`resync of ${feed.serial}: the kernel dump failed (${feed.dump.failure}); again in ${DUMP_RETRY_MS} ms`);
                feed.bulk = null;
                feed.dump = null;
                feed.retryAt = now + DUMP_RETRY_MS;
            }
            if (now >= feed.retryAt)
                this.resync(feed, 'the previous kernel dump failed', now);
            if (feed.bulk) {
                feed.bulk.pump(now);
                const state = feed.bulk.state;
                if (state === 'done' || state === 'failed') {
                    if (state === 'failed')
                        this.deps.log.warn(`resync of ${feed.serial} ended short: the stream was lost`);
                    else
                        this.deps.log.info(`resync of ${feed.serial} complete: ${feed.bulk.progress(now).records} sessions`);
                    feed.bulk = null;
                    feed.dump = null;
                }
            }
            while (feed.backlog.length > 0 && feed.sender.room() > 0)
                feed.sender.offer(feed.backlog.shift(), now);
            for (const f of feed.sender.take(now, FRAMES_PER_TURN))
                this.deps.link.send(encodeBatch(feed.serial, f.epoch, f.seq, f.payload), f.seq);
        }
    }
    /**
     * When tick() must run next: now after a policy change, while a stream waits for its resync, or a bulk or a backlog
     * has room in the window (the dump is read a kernel batch a turn); else when a live batch or
     * a held session is due or a stream's timer runs out. A full window waits for acks, which wake the loop anyway:
     * waking now would spin through a whole resync, and for as long as a cut link keeps the last
     * bulk batch unacknowledged.
     */
    nextWakeAt(now) {
        if (this.policyChanged)
            return now;
        let at = Math.min(this.live.count > 0 ? this.liveSince + FLUSH_MS : Number.POSITIVE_INFINITY, this.gate.nextDueAt());
        for (const feed of this.feeds.values()) {
            const room = feed.sender.room();
            if (feed.sender.state === 'needs-resync' || feed.dump?.failure)
                return now;
            if (feed.backlog.length > 0 && room > 0)
                return now;
            if (feed.bulk?.state === 'running' && room > BULK_RESERVE)
                return now;
            at = Math.min(at, feed.sender.nextWakeAt(now), feed.retryAt);
        }
        return at;
    }
    views(now) {
        return [...this.feeds.values()].map((f) => ({
            serial: f.serial,
            epoch: f.sender.epoch,
            stream: f.sender.status(now),
            backlog: f.backlog.length,
            resync: f.bulk ? f.bulk.progress(now) : null,
        }));
    }
    close() {
        for (const feed of this.feeds.values())
            feed.dump?.close();
        this.feeds.clear();
        this.gate.clear();
    }
    addLive(record, now) {
        if (!this.live.fits(record.length))
            this.cutLive();
        if (this.live.count === 0)
            this.liveSince = now;
        this.live.add(record);
    }
    cutLive() {
        const batch = this.live.cut();
        for (const feed of this.feeds.values()) {
            if (feed.backlog.length === 0 && feed.sender.room() > 0 && feed.sender.offer(batch, this.liveSince))
                continue;
            feed.backlog.push(batch);
            if (feed.backlog.length > MAX_BACKLOG)
                this.resync(feed, `${feed.serial} fell ${MAX_BACKLOG} batches behind`, this.liveSince);
        }
    }
    resync(feed, why, now) {
        // The dump's batches reach the gate between turns: it ages them by this time until the next.
        this.gate.at(now, this.deps.wallMs());
        feed.dump?.close();
        feed.backlog.length = 0;
        feed.retryAt = Number.POSITIVE_INFINITY;
        feed.sender.reset(this.nextEpoch());
        feed.resyncs++;
        this.counters.resyncs++;
        this.deps.log.info(`session resync of ${feed.serial} (epoch ${feed.sender.epoch}): ${why}`);
        const dump = new KernelDumpSource(this.deps.openTable, (s) => {
            if (pickupVerdict(this.pickup, s, this.local) !== 'sync')
                return null;
            return this.pickup.delay && this.gate.dumped(s) ? null : sessionRecord(s);
        }, this.syncsExpectations
            ? (e) => (expectationVerdict(this.pickup, e, this.local) === 'sync' ? encodeExpectationAdd(e) : null)
            : null);
        feed.dump = dump;
        feed.bulk = new BulkSender(dump, feed.sender, {
            estimatedTotal: this.deps.table.count(),
            recordsPerBatch: RECORDS_PER_BULK_BATCH,
            reserve: BULK_RESERVE,
            pack: (records, first, last) => {
                const b = new BatchBuilder();
                for (const r of records)
                    b.add(r);
                const mark = BatchMark.Bulk | (first ? BatchMark.BulkBegin : 0) | (last ? BatchMark.BulkEnd : 0);
                return b.cut(mark, first ? this.deps.table.count() : 0);
            },
        }, now);
    }
    /** Whether a resync's dump still reads the kernel (delay.ts remembers young ends meanwhile). */
    dumpReading() {
        for (const feed of this.feeds.values())
            if (feed.dump?.reading)
                return true;
        return false;
    }
    nextEpoch() {
        return this.deps.epochBase + ++this.epochs;
    }
}
//# sourceMappingURL=primary-sync.js.map