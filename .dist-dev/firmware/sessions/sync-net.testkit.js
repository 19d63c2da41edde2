/**
 * A primary and its secondaries as the sync worker runs them, on a fake clock: each unit has a
 * conntrack table of its own (FakeConntrack), the primary reads its table's events, and frame
 * bodies travel over seeded lossy channels (stream/channel.fake.ts), one pair per secondary,
 * each a wire that takes FRAME_MS a frame (so a burst queues, and jitter reorders a burst only
 * so deep). The primary's frames are multicast, as on the sync ports: every secondary gets a
 * copy of every batch, each through its own channel. A turn does what a turn of sync-loop.ts does
 * (events in, frames in, tick both ends), lets the kernel dumps' promises run, then the clock
 * moves to the earliest wake-up (an engine's nextWakeAt, a frame's arrival, or the loop's idle
 * timeout). Each turn checks the wake-up contract: an engine whose nextWakeAt() was in the
 * future sends nothing when ticked. The kernels the net makes stamp their sessions' start
 * times on the fake clock, as the sync worker has the real ones do (FakeConntrack timestamps).
 */
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { HOLD_S, SessionApplier, SYNCED_MARK } from './applier.js';
import { pickupVerdict } from './pickup.js';
import { PrimarySync } from './primary-sync.js';
import { SecondarySync } from './secondary-sync.js';
import { LossyChannel, PERFECT } from './stream/channel.fake.js';
import { decodeSyncBody } from './sync-frames.js';
export const PRIMARY = 'TDSIM00000000001';
/** The sync loop's longest poll (sync-loop.ts IDLE_MS). */
export const IDLE_MS = 20;
/** How far the clock moves on a turn whose engines want the next turn at once (a busy turn). */
export const BUSY_TURN_MS = 0.1;
const EVENTS_PER_TURN = 4096;
/** A frame's time on the wire: 10k frames/s, some 15 MB/s of sync frames each way. */
export const FRAME_MS = 0.1;
export const ALL_PICKUP = { tcp: true, connectionless: true, expectation: true, nat: true, delay: false };
/** Log lines of a unit, kept for assertions and failure messages. */
export function memoryLog(lines, unit) {
    const put = (level) => (m) => {
        lines.push(`${unit} ${level}: ${m}`);
    };
    return { debug: put('debug'), info: put('info'), warn: put('warn'), error: put('error'), event: (m, l = 'info') => put(l)(m) };
}
/** Counts what an engine sends, so a turn can check it against the engine's wake-up. */
class Counted {
    out;
    sent = 0;
    constructor(out) {
        this.out = out;
    }
    send(body) {
        this.sent++;
        this.out(body.slice());
        return true;
    }
}
/** A direction of a cable: frames leave one after another, then fly with the channel's faults. */
class Wire {
    channel;
    #free = 0;
    constructor(channel) {
        this.channel = channel;
    }
    send(body, now) {
        const at = Math.max(now, this.#free);
        this.#free = at + FRAME_MS;
        this.channel.send(body, at);
    }
}
export class SyncNet {
    clock;
    log = [];
    /** The primary: its serial, kernel, event subscription (the fake's sockets say when they are readable) and engine. */
    primarySerial = PRIMARY;
    ct;
    table;
    events;
    primary;
    secondaries = [];
    pickup;
    local;
    turns = 0;
    /** Turns that moved the clock by BUSY_TURN_MS only, because an engine wanted the next turn at once. */
    busyTurns = 0;
    /** Breaches of the wake-up contract, described. */
    wakeBreaches = [];
    #faults;
    #seed;
    #out;
    #rcvbufBytes;
    constructor(o = {}) {
        this.clock = o.clock ?? new FakeClock(0);
        this.#faults = o.faults ?? PERFECT;
        this.#seed = o.seed ?? 1;
        this.pickup = o.pickup ?? ALL_PICKUP;
        this.local = new Set(o.local ?? []);
        this.#rcvbufBytes = o.rcvbufBytes ?? 64 << 20;
        this.#out = new Counted((body) => {
            for (const s of this.secondaries)
                if (!s.cut)
                    s.downWire.send(body, this.now);
        });
        this.ct = o.ct ?? this.stampingKernel();
        this.table = this.ct.open();
        this.events = this.#subscribe();
        this.primary = this.#engine(o.epochBase ?? 5 * 2 ** 20);
    }
    /**
     * The primary is lost and secondary `by` takes over: its kernel is the primary's now, its
     * epochs start from `epochBase` (its own boot id's), and the other secondaries follow it.
     */
    takeOver(by, epochBase) {
        this.primary.close();
        this.secondaries.splice(this.secondaries.indexOf(by), 1);
        this.primarySerial = by.serial;
        this.ct = by.ct;
        this.table = by.table;
        this.events = this.#subscribe();
        this.primary = this.#engine(epochBase);
        for (const s of this.secondaries)
            s.sync.setPrimary(by.serial);
    }
    /** The primary's event socket, with expectation events only when the policy syncs them (as sync-loop.ts subscribes). */
    #subscribe() {
        const types = ['new', 'update', 'destroy'];
        if (this.pickup.tcp && this.pickup.expectation)
            types.push('exp-new', 'exp-destroy');
        this.ct.subscribe({ types, rcvbufBytes: this.#rcvbufBytes });
        return this.ct.sockets.at(-1);
    }
    #engine(epochBase) {
        const primary = new PrimarySync({
            table: this.table,
            openTable: () => this.openDumpTable(),
            link: this.#out,
            log: memoryLog(this.log, 'primary'),
            epochBase,
            wallMs: () => this.clock.wallMs(),
        }, this.pickup);
        primary.setPolicy(this.pickup, this.local);
        return primary;
    }
    get now() {
        return this.clock.nowMs();
    }
    /** Table handles the primary's resyncs opened for their dumps, and closed. */
    dumpHandles = { opened: 0, closed: 0 };
    /** The handle a resync's dump reads through (a test may hand out one that fails). */
    openDumpTable = () => {
        const table = this.ct.open();
        const close = table.close.bind(table);
        this.dumpHandles.opened++;
        table.close = () => {
            this.dumpHandles.closed++;
            close();
        };
        return table;
    };
    /** A secondary with a table of its own (`ct`: one already holding sessions); not yet fed. */
    /** A kernel with timestamps on, from the start of the test. */
    stampingKernel() {
        const ct = new FakeConntrack(undefined, this.clock);
        ct.enableTimestamps();
        return ct;
    }
    addSecondary(serial, ct = this.stampingKernel()) {
        const k = this.secondaries.length + 1;
        const table = ct.open();
        const out = new Counted((body) => {
            if (!s.cut)
                s.upWire.send(body, this.now);
        });
        const sync = new SecondarySync(serial, table, new SessionApplier(table), out, memoryLog(this.log, serial), this.clock);
        sync.setPrimary(this.primarySerial);
        const down = new LossyChannel(this.#faults, this.#seed * 7919 + k);
        const up = new LossyChannel(this.#faults, (this.#seed * 7919 + k) ^ 0x5bd1e995);
        const s = { serial, ct, table, sync, down, up, downWire: new Wire(down), upWire: new Wire(up), out, cut: false };
        this.secondaries.push(s);
        return s;
    }
    /** A secondary joins (addSecondary) and the primary feeds it, with every other. */
    join(serial, ct) {
        const s = this.addSecondary(serial, ct);
        this.feed();
        return s;
    }
    /** The HA layer's view of the cluster changed: these secondaries are fed (a new one is resynced). */
    feed(serials = this.secondaries.map((s) => s.serial)) {
        this.primary.setPeers(serials, this.now);
    }
    setPickup(pickup) {
        const resubscribe = pickup.expectation !== this.pickup.expectation;
        this.pickup = pickup;
        this.primary.setPolicy(pickup, this.local);
        if (resubscribe) {
            this.events.close();
            this.events = this.#subscribe();
        }
    }
    /** One turn of the sync loops at the current time, then the clock moves to the next wake-up (by `wakeBy` at the latest). */
    async turn(wakeBy = Number.POSITIVE_INFINITY) {
        const now = this.now;
        this.turns++;
        const r = this.events.read(EVENTS_PER_TURN);
        if (r.events.length > 0 || r.overrun)
            this.primary.onEvents(r.events, r.overrun, now);
        for (const s of this.secondaries) {
            for (const bytes of s.down.receive(now)) {
                const body = decodeSyncBody(bytes, bytes.length);
                if (!body)
                    throw new Error(`${s.serial}: a batch of the primary did not decode`);
                s.sync.onBody(this.primarySerial, body, now);
            }
            for (const bytes of s.up.receive(now)) {
                const body = decodeSyncBody(bytes, bytes.length);
                if (body?.kind !== 2)
                    throw new Error(`${s.serial}: an ack did not decode`);
                this.primary.onAck(s.serial, body, now);
            }
        }
        this.#tick('primary', this.#out, (t) => this.primary.nextWakeAt(t), (t) => this.primary.tick(t), now);
        for (const s of this.secondaries) {
            this.#tick(s.serial, s.out, (t) => s.sync.nextWakeAt(t), (t) => s.sync.tick(t), now);
        }
        // The kernel dumps (the primary's resync, a secondary's reconciliation) run as promises.
        await new Promise((resolve) => setImmediate(resolve));
        this.#advance(now, wakeBy);
    }
    /** Turns until `done()` holds, or `limitMs` of fake time pass; returns whether done. */
    async run(done, limitMs) {
        const end = this.now + limitMs;
        while (!done()) {
            if (this.now >= end)
                return false;
            await this.turn();
        }
        return true;
    }
    /** Turns for `ms` of fake time; `each` (traffic, say) runs at the start of every millisecond. */
    async runFor(ms, each) {
        const end = this.now + ms;
        while (this.now < end) {
            each?.();
            const next = Math.min(end, this.now + 1);
            while (this.now < next)
                await this.turn(next);
        }
    }
    /**
     * Nothing left to do: no event unread, no batch in flight or waiting, no resync running, no
     * ack owed, nothing on the wire, and every fed secondary ready.
     */
    settled() {
        const now = this.now;
        if (this.events.readableAt() <= now)
            return false;
        if (this.primary.nextWakeAt(now) !== Number.POSITIVE_INFINITY)
            return false;
        for (const f of this.primary.views(now))
            if (f.stream.state !== 'streaming' || f.resync || f.backlog > 0)
                return false;
        const fed = new Set(this.primary.views(now).map((f) => f.serial));
        for (const s of this.secondaries) {
            if (s.down.pending > 0 || s.up.pending > 0)
                return false;
            if (s.sync.nextWakeAt(now) !== Number.POSITIVE_INFINITY)
                return false;
            if (fed.has(s.serial) && !s.sync.ready)
                return false;
        }
        return true;
    }
    /** Runs until settled(); fails with the state of every end when it does not within `limitMs`. */
    async converge(limitMs = 30_000) {
        if (await this.run(() => this.settled(), limitMs))
            return;
        throw new Error(`no convergence within ${limitMs} ms: ${this.describe()}`);
    }
    describe() {
        const now = this.now;
        return JSON.stringify({
            now,
            primary: { counters: this.primary.counters, feeds: this.primary.views(now) },
            secondaries: this.secondaries.map((s) => ({ serial: s.serial, counters: s.sync.counters, view: s.sync.view(now) })),
            log: this.log.slice(-20),
        }, null, 1);
    }
    /** What a fed secondary's table must hold: the primary's sessions the policy syncs, as the applier writes them. */
    expected() {
        return [...this.ct.sessions.values()]
            .filter((s) => pickupVerdict(this.pickup, s, this.local) === 'sync')
            .map((s) => entryLine({ ...s, mark: (s.mark | SYNCED_MARK) >>> 0, timeout: HOLD_S }))
            .sort();
    }
    #tick(unit, out, wake, tick, now) {
        const due = wake(now);
        const before = out.sent;
        tick(now);
        if (out.sent > before && due > now)
            this.wakeBreaches.push(`${unit} sent at ${now} though its wake-up was ${due}`);
    }
    #advance(now, wakeBy) {
        let at = Math.min(this.primary.nextWakeAt(now), now + IDLE_MS, wakeBy);
        for (const s of this.secondaries)
            at = Math.min(at, s.sync.nextWakeAt(now), s.down.nextArrivalAt(), s.up.nextArrivalAt());
        if (at <= now) {
            this.busyTurns++;
            at = now + BUSY_TURN_MS;
        }
        this.clock.advanceTo(at);
    }
}
/** A table entry as the comparisons see it: key, TCP state, status, mark and timeout. */
export function entryLine(s) {
    const o = s.orig;
    const tuple = `${s.family} ${s.zone} ${o.proto} ${o.src}:${o.sport} > ${o.dst}:${o.dport} icmp ${o.icmpId}/${o.icmpType}`;
    return `${tuple} tcp ${s.tcp?.state ?? '-'} status 0x${s.status.toString(16)} mark 0x${(s.mark >>> 0).toString(16)} timeout ${s.timeout}`;
}
/** Every entry of a table, sorted. */
export function tableLines(ct) {
    return [...ct.sessions.values()].map(entryLine).sort();
}
/** What `actual` lacks of `expected`, and holds beyond it: both empty when the tables agree. */
export function tableDiff(actual, expected) {
    const a = new Set(actual);
    const e = new Set(expected);
    return { missing: expected.filter((l) => !a.has(l)), extra: actual.filter((l) => !e.has(l)) };
}
export const AGREE = { missing: [], extra: [] };
//# sourceMappingURL=sync-net.testkit.js.map