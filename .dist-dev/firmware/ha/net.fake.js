/**
 * A fake heartbeat network for tests of the cluster state machine: several Cluster instances
 * exchange adverts over named links, driven by a FakeClock the way the heartbeat worker drives
 * the real one (each unit: a ticker every hb-interval that sends, a wake-up at nextWakeAt(),
 * received frames handed over before tick()). Links can be cut, units partitioned, frozen
 * (SIGSTOP), crashed, shut down gracefully and restarted. With `wire`, frames are sealed and
 * opened for real by each unit's HbCodec and its key ring (setKeys): a frame the receiver's ring
 * does not open is dropped and counted, and a unit follows a primary's next key as the worker
 * does (onKeySwitched). Bench: one unit fed scripted adverts.
 */
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { beaconTiming } from './beacons.js';
import { Cluster } from './cluster.js';
import { HbCodec } from './hb-codec.js';
import { heartbeatIntervalMs } from './settings.js';
import { FrameType } from './wire/header.js';
import { groupNamesOf, keySpecOf, oneKeyRing } from './wire/key-ring.js';
export function haSettings(over = {}) {
    return {
        mode: 'a-p',
        groupId: 7,
        groupName: 'prod',
        password: 'secret',
        priority: 128,
        override: false,
        hbdev: [
            { port: 'ha1', priority: 50 },
            { port: 'ha2', priority: 50 },
        ],
        monitor: [],
        hbInterval: 2,
        hbIntervalUnitMs: 100,
        hbLostThreshold: 6,
        helloHolddownS: 5,
        uptimeDiffMarginS: 300,
        authentication: false,
        encryption: false,
        unicastHb: false,
        unicastHbPeerip: '',
        gratuitousArps: true,
        arps: 5,
        arpsIntervalS: 8,
        hbCarrierFailover: false,
        dataBeaconDev: [],
        failoverHoldTimeS: 0,
        upgradeMode: 'uninterruptible',
        pingserverMonitorInterface: [],
        pingserverFailoverThreshold: 0,
        pingserverFlipTimeoutMin: 60,
        sessionPickup: { tcp: false, connectionless: false, expectation: false, nat: false, delay: false },
        sessionSyncDev: [],
        syncConfig: true,
        haMgmtStatus: false,
        mgmtInterfaces: [],
        haDirect: false,
        ...over,
    };
}
export function identity(serial, over = {}) {
    return { serial, hostname: `host-${serial}`, model: 'TND-2', firmware: '1.2.0', ...over };
}
/** A turn loop that does not settle within this many turns at one instant is a livelock. */
const MAX_TURNS_PER_INSTANT = 10_000;
export class FakeNet {
    #clock;
    #wire;
    /** Boot ids per serial, one more at each start, as boot-ids.ts gives them. */
    #boots = new Map();
    #units = new Map();
    #cutLinks = new Set();
    #partition = null;
    /** One-way delivery delay of a frame (ms). */
    latencyMs = 0;
    constructor(clock, opts = {}) {
        this.#clock = clock;
        this.#wire = opts.wire ?? false;
    }
    /** Boots a unit now; like the worker's run(), it sends a first heartbeat at once. */
    add(serial, opts = {}) {
        const now = this.#clock.nowMs();
        const settings = haSettings(opts.settings);
        const cluster = new Cluster(identity(serial, opts.identity), settings, now);
        const unit = {
            serial,
            cluster,
            links: opts.links ?? settings.hbdev.map((h) => h.port),
            beaconLinks: settings.dataBeaconDev,
            beaconPeriodMs: beaconTiming(settings).periodMs,
            nextBeacon: 0,
            nextTick: now + heartbeatIntervalMs(settings),
            lastTurn: now,
            frozenUntil: now,
            dropWhileFrozen: false,
            inbox: [],
            events: [],
            codec: this.#wire ? this.#codec(serial, settings) : null,
            keySwitched: [],
        };
        this.#units.set(serial, unit);
        this.#send(unit, now, false);
        return cluster;
    }
    cluster(serial) {
        return this.#unit(serial).cluster;
    }
    /** With `wire`: the unit's heartbeats are sealed and opened with `ring` from now on (heartbeat-loop.ts setKeys). */
    setKeys(serial, ring) {
        const u = this.#unit(serial);
        this.#codecOf(u).setKeys(ring);
        u.cluster.setGroupNames(groupNamesOf(ring), this.#clock.nowMs());
    }
    /** With `wire`: called when the unit seals with its ring's next key on its own (the worker's `key-switched`). */
    onKeySwitched(serial, listener) {
        this.#unit(serial).keySwitched.push(listener);
    }
    /** With `wire`: the frames the unit refused, by reason. */
    rejected(serial) {
        return { ...this.#codecOf(this.#unit(serial)).decoder.counters };
    }
    /** The unit's view now. */
    view(serial) {
        return this.#unit(serial).cluster.view(this.#clock.nowMs());
    }
    /** Powers a unit off without a word (kill -9, power loss). */
    crash(serial) {
        this.#units.delete(serial);
    }
    /** Graceful shutdown: a leave frame on every link, then gone. */
    shutdown(serial) {
        const u = this.#unit(serial);
        this.#send(u, this.#clock.nowMs(), true);
        this.#units.delete(serial);
    }
    /** Crash and boot again with the same serial: age 0, hello. */
    restart(serial, opts = {}) {
        this.crash(serial);
        return this.add(serial, opts);
    }
    /** SIGSTOP for `ms`: no ticks, no sends; frames queue (or are dropped) until it resumes. */
    freeze(serial, ms, dropFrames = false) {
        const u = this.#unit(serial);
        u.frozenUntil = this.#clock.nowMs() + ms;
        u.dropWhileFrozen = dropFrames;
    }
    cut(link) {
        this.#cutLinks.add(link);
    }
    restore(link) {
        this.#cutLinks.delete(link);
    }
    /** Frames pass only between units in the same group. */
    partition(groups) {
        this.#partition = groups.map((g) => [...g]);
    }
    /** Every link restored, no partition. */
    heal() {
        this.#cutLinks.clear();
        this.#partition = null;
    }
    /** Events the unit emitted since the last call. */
    events(serial) {
        const u = this.#unit(serial);
        const e = u.events;
        u.events = [];
        return e;
    }
    /** Serials of the running units in `work`, sorted. */
    working() {
        return [...this.#units.values()]
            .filter((u) => u.cluster.state === 'work')
            .map((u) => u.serial)
            .sort();
    }
    /** Runs every unit until `until` (absolute ms), then leaves the clock there. */
    runUntil(until) {
        let instant = Number.NaN;
        let turns = 0;
        for (;;) {
            const t = this.#nextEvent();
            if (t > until)
                break;
            if (t === instant) {
                if (++turns > MAX_TURNS_PER_INSTANT)
                    throw new Error(`FakeNet: no quiescence at ${t} ms (livelock)`);
            }
            else {
                instant = t;
                turns = 0;
            }
            this.#clock.advanceTo(t);
            for (const u of [...this.#units.values()]) {
                if (this.#units.has(u.serial) && this.#dueAt(u) <= t)
                    this.#turn(u, t);
            }
        }
        if (until > this.#clock.nowMs())
            this.#clock.advanceTo(until);
    }
    /** Runs for `ms` from now. */
    run(ms) {
        this.runUntil(this.#clock.nowMs() + ms);
    }
    #unit(serial) {
        const u = this.#units.get(serial);
        if (!u)
            throw new Error(`FakeNet: no running unit ${serial}`);
        return u;
    }
    #nextEvent() {
        let t = Number.POSITIVE_INFINITY;
        for (const u of this.#units.values())
            t = Math.min(t, this.#dueAt(u));
        return t;
    }
    #dueAt(u) {
        let wake = u.cluster.nextWakeAt(this.#clock.nowMs());
        // A deadline already checked fires strictly after it, at the next millisecond.
        if (wake <= u.lastTurn)
            wake = u.lastTurn + 1;
        let due = Math.min(u.nextTick, wake);
        if (u.cluster.state === 'work' && u.beaconLinks.length > 0)
            due = Math.min(due, Math.max(u.nextBeacon, u.lastTurn + 1));
        for (const f of u.inbox)
            due = Math.min(due, f.at);
        return Math.max(due, u.frozenUntil);
    }
    /** One pass of the heartbeat worker: frames first, then the state machine, then send. */
    #turn(u, now) {
        const c = u.cluster;
        const before = `${c.state}/${c.primary()}`;
        const wasWorking = c.state === 'work';
        c.resumeFromStall(now);
        const ready = u.inbox.filter((f) => f.at <= now);
        u.inbox = u.inbox.filter((f) => f.at > now);
        for (const f of ready) {
            const advert = this.#open(u, f);
            if (!advert)
                continue;
            if (f.leave)
                c.leave(f.from, advert, now);
            else if (f.beacon)
                c.beacon(f.from, f.link, advert, now);
            else
                c.receive(f.from, f.link, advert, now);
        }
        c.tick(now);
        const ticked = u.nextTick <= now;
        if (ticked) {
            const period = c.advert(now).hbIntervalMs;
            while (u.nextTick <= now)
                u.nextTick += period;
        }
        u.lastTurn = now;
        u.events.push(...c.drainEvents());
        // As the heartbeat worker: silent while it listens after a long stall of its own. These
        // units hold no data ports, so none holds them for a successor (stand-down.ts) either.
        const listening = c.listening(now);
        if (!listening && (ticked || `${c.state}/${c.primary()}` !== before))
            this.#send(u, now, false);
        // Beacons every period while primary, one more right after giving up.
        const working = c.state === 'work';
        if ((working && !listening && now >= u.nextBeacon) || (wasWorking && !working)) {
            this.#beacon(u, now);
            u.nextBeacon = working ? now + u.beaconPeriodMs : 0;
        }
    }
    #beacon(from, now) {
        const advert = from.cluster.advert(now);
        const sealed = new Map();
        for (const to of this.#units.values()) {
            if (to === from || !this.#connected(from.serial, to.serial))
                continue;
            if (to.frozenUntil > now && to.dropWhileFrozen)
                continue;
            for (const link of from.beaconLinks) {
                if (this.#cutLinks.has(link) || !to.beaconLinks.includes(link))
                    continue;
                const bytes = this.#sealOnce(sealed, link, from, advert, FrameType.Beacon);
                to.inbox.push({ at: now + this.latencyMs, from: from.serial, link, advert, leave: false, beacon: true, bytes });
            }
        }
    }
    #send(from, now, leave) {
        const advert = from.cluster.advert(now);
        const sealed = new Map();
        for (const to of this.#units.values()) {
            if (to === from || !this.#connected(from.serial, to.serial))
                continue;
            if (to.frozenUntil > now && to.dropWhileFrozen)
                continue;
            for (const link of from.links) {
                if (this.#cutLinks.has(link) || !to.links.includes(link))
                    continue;
                const bytes = this.#sealOnce(sealed, link, from, advert, leave ? FrameType.Leave : FrameType.Heartbeat);
                to.inbox.push({ at: now + this.latencyMs, from: from.serial, link, advert, leave, beacon: false, bytes });
            }
        }
    }
    /** With `wire`: one frame per link, as the worker sends one on each (hb-links.ts). */
    #sealOnce(sealed, link, from, advert, type) {
        const codec = from.codec;
        if (!codec)
            return null;
        let bytes = sealed.get(link);
        if (bytes === undefined) {
            const buf = new Uint8Array(1500);
            codec.encoder.setAdvert(advert);
            bytes = buf.slice(0, codec.encoder.encode(type, buf, 0));
            sealed.set(link, bytes);
        }
        return bytes;
    }
    /** The advert the unit reads from a frame: as sent, or with `wire` as its decoder opens it (null: refused). */
    #open(u, f) {
        if (!f.bytes || !u.codec)
            return f.advert;
        const r = u.codec.decoder.decode(f.bytes, 0, f.bytes.length);
        if (!r.ok)
            return null;
        if (!f.leave && !f.beacon && u.codec.followPrimary(r.serial, r.advert, r.slot)) {
            for (const l of u.keySwitched)
                l(r.serial);
        }
        return r.advert;
    }
    #codec(serial, settings) {
        const nextBoot = () => {
            const boot = (this.#boots.get(serial) ?? 0) + 1;
            this.#boots.set(serial, boot);
            return boot;
        };
        return new HbCodec(serial, nextBoot(), nextBoot, oneKeyRing(keySpecOf(settings)));
    }
    #codecOf(u) {
        if (!u.codec)
            throw new Error(`FakeNet: ${u.serial} has no key ring: construct the FakeNet with {wire: true}`);
        return u.codec;
    }
    #connected(a, b) {
        if (!this.#partition)
            return true;
        return this.#partition.some((g) => g.includes(a) && g.includes(b));
    }
}
/** A peer's advert matching haSettings() and identity() unless told otherwise. */
export function peerAdvert(serial, over = {}) {
    return {
        firmware: '1.2.0',
        model: 'TND-2',
        groupName: 'prod',
        mode: 'a-p',
        hostname: `host-${serial}`,
        state: 'standby',
        priority: 128,
        override: false,
        ageS: 0,
        monitorUp: 0,
        monitorTotal: 0,
        failover: false,
        hbIntervalMs: 200,
        lostThreshold: 6,
        primary: '',
        sessionsReady: true,
        ...over,
    };
}
/** The ticker period of a Bench (the default hb-interval). */
export const BENCH_INTERVAL = 200;
/**
 * One Cluster under test plus scripted peers: every step, each peer's advert (its age following
 * its boot time) arrives on its links, then the cluster ticks, as in the heartbeat worker.
 */
export class Bench {
    clock = new FakeClock(0);
    c;
    peers = new Map();
    events = [];
    constructor(over = {}, serial = 'A') {
        this.c = new Cluster(identity(serial), haSettings(over), 0);
    }
    /** Adds or re-scripts a peer; `bootAt` sets its age (a later bootAt is an age reset). */
    peer(serial, over = {}, bootAt = this.clock.nowMs(), links = ['ha1']) {
        this.peers.set(serial, { bootAt, advert: over, links });
    }
    /** One ticker period: every peer's heartbeat arrives, then the tick. */
    step(ms = BENCH_INTERVAL) {
        const now = this.clock.advance(ms);
        for (const [serial, p] of this.peers) {
            const a = peerAdvert(serial, { ageS: Math.floor((now - p.bootAt) / 1000), ...p.advert });
            for (const link of p.links)
                this.c.receive(serial, link, a, now);
        }
        this.c.tick(now);
        this.events.push(...this.c.drainEvents());
    }
    /** Steps every interval up to `until`, then a last short step onto it. */
    runTo(until) {
        while (this.clock.nowMs() + BENCH_INTERVAL <= until)
            this.step();
        if (this.clock.nowMs() < until)
            this.step(until - this.clock.nowMs());
    }
    /** Events since the last take (all, or those of one kind). */
    take(kind) {
        const all = [...this.events, ...this.c.drainEvents()];
        this.events = [];
        return kind ? all.filter((e) => e.kind === kind) : all;
    }
}
//# sourceMappingURL=net.fake.js.map