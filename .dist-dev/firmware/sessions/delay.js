/**
 * `session-pickup-delay` (FortiOS, REFERENCE.md): the primary syncs only sessions that have
 * lived DELAY_MS. A session that ends younger never reaches a secondary, neither its create
 * nor its delete; one that reaches DELAY_MS goes to every secondary in its newest state, and
 * from then on its changes flow live. The gate sits between the pickup policy (pickup.ts) and
 * the live batch of PrimarySync, which consults it only while the option is on.
 *
 * How a session gets held:
 * - a `new` event holds it until DELAY_MS from when the event is read; an `update` replaces the
 *   held record; a `destroy` drops it without a word ("ended young"). Events of sessions not
 *   held pass: those sessions are old, or predate the event watch (a resync's dump sees them).
 *   An update without TCP tracking (the kernel sends it only when the state changed) keeps the
 *   tracking held so far, as the secondary's applier would have kept it from the live stream;
 * - a resync's dump (dump-source.ts) offers every session it would send: a young one is held
 *   until DELAY_MS after the start time the kernel stamped it with (CTA_TIMESTAMP_START, wall
 *   clock, turned into monotonic time with the wall clock's offset of this turn); a session
 *   held already stays as it is (its events are newer than the dump, which wins on the
 *   secondary anyway: stream/resync.ts). A session without a stamp (made before the kernel's
 *   timestamps were on, or on a kernel without them) counts as old and goes in the bulk: sent
 *   too early rather than never. A start in the future (the wall clock was set back) counts as
 *   age 0: no session is held longer than DELAY_MS from when the gate first sees it. On a unit
 *   that was a secondary, a synced entry's stamp is when it was written here, not when the
 *   session began: a resync from the new primary may hold it up to DELAY_MS past its due, once.
 *
 * A dump's records can be older than the events read since: the kernel fills the dump socket
 * ahead of the reader, and the bulk reads it only as the window allows. A young session that
 * ends while a dump reads would be held again from such a stale record and created on the
 * secondaries 30 s later, never to be deleted (its delete was swallowed, or sent before the
 * create). So while any dump reads, the keys of sessions that end young are remembered
 * (`ended`), the dump's records of them are dropped, and the memory is cleared once no dump reads.
 *
 * A TCP session closed by its 30th second (TIME_WAIT or CLOSE: Linux keeps such an entry 120 s
 * or 10 s, where a FortiGate lets a closed session go after its tcp-timewait-timer, a second by
 * default) counts as ended young and is not sent. Its destroy comes later and goes out as a
 * delete the secondaries count as absent: remembering every closed tuple until then would cost
 * more than that one record.
 *
 * Release order: event-held sessions are due in the order they were held, so they sit in a Map
 * in insertion order and leave from its head. A dump-held session is due at most DELAY_MS after
 * it is held, so it never delays an event-held one behind it, but may be due before those ahead
 * of it: dump-held sessions are also in a heap by due. Every held session thus leaves on the
 * first tick at or after its due, never later (the loop wakes at nextDueAt()).
 *
 * Memory: at most MAX_HELD sessions, each a record (some 40 bytes of CBOR in a buffer of its
 * own: about 250 bytes of heap) plus its Map slot and entry object (about 120): some 24 MB when
 * full (measured on Node 20). Past that the longest-held session is sent at once ("released
 * early"): more sync traffic, never a lost session. `ended` is bounded the same way; past its bound a young session's end goes unremembered, and only a stale dump record
 * of it (the race above) could then leave a copy on the secondaries until the next resync.
 * Keys are 64-bit session hashes (session-key.ts): a Map key of 53 bits and the low word kept
 * to tell the rest apart, so a collision is detected and the newcomer is simply not held.
 */
import { PROTO, TCP_STATE } from '../../hal/conntrack/index.js';
import { DueHeap } from '../../lib/due-heap.js';
import { sessionRecord } from './record-writer.js';
import { sessionKey } from './session-key.js';
/** FortiOS: sessions alive for more than 30 seconds. */
export const DELAY_MS = 30_000;
/** Sessions held at most at once (and young ends remembered during a dump). */
export const MAX_HELD = 1 << 16;
/** The heap's dead entries are swept once it is this much larger than the sessions held. */
const HEAP_SLACK = 2;
class Held {
    id;
    lo;
    due;
    record;
    tcp;
    /** Released, ended, evicted or cleared: the heap drops it when it comes up. */
    gone = false;
    constructor(id, 
    /** The key's low word: with `id`, the whole 64-bit key. */
    lo, 
    /** Monotonic ms. */
    due, 
    /** The newest state, as a live batch's record. */
    record, 
    /** The newest TCP tracking (null: not TCP, or none seen). */
    tcp) {
        this.id = id;
        this.lo = lo;
        this.due = due;
        this.record = record;
        this.tcp = tcp;
    }
}
/** A TCP session that has closed: nothing left to take over. */
const closed = (tcp) => tcp !== null && (tcp.state === TCP_STATE.TIME_WAIT || tcp.state === TCP_STATE.CLOSE);
export class DelayGate {
    release;
    dumping;
    counters = { held: 0, released: 0, endedYoung: 0, releasedEarly: 0 };
    #held = new Map();
    /** The dump-held sessions by due (some gone already). */
    #fromDumps = new DueHeap();
    /** Young sessions that ended while a dump read: key id to low word. */
    #ended = new Map();
    #key = new Uint32Array(2);
    #now = 0;
    /** Wall-clock ms minus monotonic ms, at the last at(). */
    #wallOffset = 0;
    constructor(
    /** Takes a held session's newest record (session-codec, encoded) when it is due or evicted, at monotonic `now`. */
    release, 
    /** Whether a resync's kernel dump is still reading. */
    dumping) {
        this.release = release;
        this.dumping = dumping;
    }
    get size() {
        return this.#held.size;
    }
    /** The time every other call uses: monotonic `now` and the wall clock read with it. */
    at(now, wallMs) {
        this.#now = now;
        this.#wallOffset = wallMs - now;
    }
    /** A `new` event: held (true), or not (false: a key collision, send it now). */
    opened(s) {
        const id = this.#keyOf(s);
        const lo = this.#key[1];
        const h = this.#held.get(id);
        if (h) {
            if (h.lo !== lo)
                return false;
            this.#update(h, s);
            return true;
        }
        if (this.#ended.get(id) === lo)
            this.#ended.delete(id);
        this.#hold(id, lo, this.#now + DELAY_MS, s, false);
        return true;
    }
    /** An `update` event: true when the session is held (its state replaced), false to send it. */
    changed(s) {
        const h = this.#held.get(this.#keyOf(s));
        if (!h || h.lo !== this.#key[1])
            return false;
        this.#update(h, s);
        return true;
    }
    /** A `destroy` event: true when the session was held (it ended young: nothing to send), false to send the delete. */
    ended(s) {
        const id = this.#keyOf(s);
        const lo = this.#key[1];
        const h = this.#held.get(id);
        if (h && h.lo === lo) {
            this.#drop(h);
            this.counters.endedYoung++;
            if (this.dumping())
                this.#remember(id, lo);
            return true;
        }
        // Not held, but young by the kernel's stamp (made before the watch): a dump may still hold it.
        if (this.dumping() && this.#dueOf(s.startWallMs) > this.#now)
            this.#remember(id, lo);
        return false;
    }
    /**
     * A session a resync's dump would send: true when the gate takes it (held now or already,
     * closed young, or ended young during the dump), false when it goes in the bulk.
     */
    dumped(s) {
        const due = this.#dueOf(s.startWallMs);
        const young = due > this.#now;
        if (!young && this.#held.size === 0 && this.#ended.size === 0)
            return false;
        const id = this.#keyOf(s);
        const lo = this.#key[1];
        if (this.#ended.get(id) === lo)
            return true;
        const h = this.#held.get(id);
        if (h)
            return h.lo === lo;
        if (!young)
            return false;
        if (!closed(s.tcp))
            this.#hold(id, lo, due, s, true);
        return true;
    }
    /** Sends what is due at the time of the last at(). */
    tick() {
        const now = this.#now;
        if (this.#held.size > 0) {
            for (const h of this.#held.values()) {
                if (h.due > now)
                    break;
                this.#due(h);
            }
        }
        for (let top = this.#fromDumps.peek(); top && (top.gone || top.due <= now); top = this.#fromDumps.peek()) {
            this.#fromDumps.pop();
            if (!top.gone)
                this.#due(top);
        }
        if (this.#ended.size > 0 && !this.dumping())
            this.#ended.clear();
    }
    /** When the next held session is due (Infinity: none). */
    nextDueAt() {
        let at = Number.POSITIVE_INFINITY;
        if (this.#held.size === 0)
            return at;
        for (const h of this.#held.values()) {
            at = h.due;
            break;
        }
        for (let top = this.#fromDumps.peek(); top; top = this.#fromDumps.peek()) {
            if (!top.gone)
                return Math.min(at, top.due);
            this.#fromDumps.pop();
        }
        return at;
    }
    /** Forgets every held session (the delay went off, or a resync's dump holds them again). */
    clear() {
        for (const h of this.#held.values())
            h.gone = true;
        this.#held.clear();
        this.#fromDumps.clear();
        this.#ended.clear();
        this.counters.held = 0;
    }
    /** The 53-bit Map key of `k`; its low word is left in #key[1]. */
    #keyOf(k) {
        sessionKey(k, this.#key);
        return this.#key[0] * 2 ** 21 + (this.#key[1] >>> 11);
    }
    /** When a session the kernel stamped `startWallMs` is due; -Infinity when unstamped (old). */
    #dueOf(startWallMs) {
        if (startWallMs === 0)
            return Number.NEGATIVE_INFINITY;
        return Math.min(startWallMs - this.#wallOffset + DELAY_MS, this.#now + DELAY_MS);
    }
    #hold(id, lo, due, s, fromDump) {
        if (this.#held.size >= MAX_HELD) {
            for (const oldest of this.#held.values()) {
                if (closed(oldest.tcp)) {
                    this.#drop(oldest);
                    this.counters.endedYoung++;
                }
                else {
                    this.#send(oldest);
                    this.counters.releasedEarly++;
                }
                break;
            }
        }
        const h = new Held(id, lo, due, sessionRecord(s), s.tcp);
        this.#held.set(id, h);
        this.counters.held = this.#held.size;
        if (!fromDump)
            return;
        this.#fromDumps.push(h);
        if (this.#fromDumps.size > HEAP_SLACK * MAX_HELD)
            this.#fromDumps.retain((e) => !e.gone);
    }
    /** The held state becomes `s`'s, with the tracking held so far when `s` has none. */
    #update(h, s) {
        if (s.tcp === null && h.tcp !== null && s.orig.proto === PROTO.TCP) {
            h.record = sessionRecord({ ...s, tcp: h.tcp });
            return;
        }
        h.tcp = s.tcp;
        h.record = sessionRecord(s);
    }
    #remember(id, lo) {
        if (this.#ended.size < MAX_HELD)
            this.#ended.set(id, lo);
    }
    /** A held session reaches DELAY_MS: sent, unless it has closed meanwhile. */
    #due(h) {
        if (closed(h.tcp)) {
            this.#drop(h);
            this.counters.endedYoung++;
            return;
        }
        this.#send(h);
        this.counters.released++;
    }
    #send(h) {
        this.#drop(h);
        this.release(h.record, this.#now);
    }
    #drop(h) {
        h.gone = true;
        this.#held.delete(h.id);
        this.counters.held = this.#held.size;
    }
}
//# sourceMappingURL=delay.js.map