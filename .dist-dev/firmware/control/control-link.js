/**
 * The control link (api.ts, docs/config-sync-plan.md §2): a reliable, ordered message stream to
 * each peer of the HA snapshot over control frames. Per peer a PeerStream (fragments, window,
 * acks, reassembly); here the peers come and go, frames are sealed onto the port the ports
 * pick and opened by the ladder (control-seal.ts), messages are decoded (messages.ts) and
 * handed to the handlers of their kind.
 *
 * Clock-driven on the main thread: every entry (send, a frame in, a timer) does its work, then
 * transmits what the streams have (acks due, fragments the window allows) and arms one timer for
 * the streams' next deadline. Handlers run after the entry's own work, and what they send goes
 * at its end, so a handler never runs inside a stream's bookkeeping.
 *
 * Epochs are bootId · 2^20 + restarts: they grow across this unit's restarts (boot-ids.ts) and
 * with every stream started since. A stream restarts when it gives up (5 s unacknowledged) or
 * the peer asks (it lost the stream), when the peer rebooted (its frames carry a newer boot
 * id), and ends when the peer leaves the snapshot; each fires onPeerReset.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ETH_HEADER_LEN } from '../../lib/ethernet.js';
import { HA_MAX_PAYLOAD } from '../ha/wire/header.js';
import { createLogger } from '../log/logger.js';
import { ControlSeal } from './control-seal.js';
import { encodeAck, encodeFragment } from './frames.js';
import { decodeMessage, encodeMessage } from './messages.js';
import { PeerStream, WINDOW } from './peer-stream.js';
const log = createLogger('control');
const EPOCHS_PER_BOOT = 2 ** 20;
/** An Ethernet header and the largest HA frame. */
const FRAME_BYTES = ETH_HEADER_LEN + HA_MAX_PAYLOAD;
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
export class ControlLinkImpl {
    #o;
    #peers = new Map();
    #handlers = new Map();
    #resetHandlers = [];
    #pings = new Map();
    #tx = new Uint8Array(FRAME_BYTES);
    #counters = { notMember: 0, malformedMessage: 0, unknownKind: 0, tooLarge: 0 };
    #frames = { sent: 0, unsent: 0, received: 0 };
    #seal = null;
    #epochBase = 0;
    #restarts = 0;
    #events = [];
    #depth = 0;
    #timer = null;
    #timerAt = Number.POSITIVE_INFINITY;
    #pingId = 0;
    constructor(o) {
        this.#o = o;
    }
    send(to, message) {
        return this.#sendLink(to, message);
    }
    on(kind, handler) {
        const list = this.#handlers.get(kind) ?? [];
        list.push(handler);
        this.#handlers.set(kind, list);
    }
    onPeerReset(handler) {
        this.#resetHandlers.push(handler);
    }
    peers() {
        return [...this.#peers.keys()];
    }
    /** The first keys also fix this start's boot id, which epochs and the sealer start from. */
    setKeys(ring) {
        if (!this.#seal) {
            const bootId = this.#o.nextBootId();
            this.#seal = new ControlSeal(this.#o.serial, bootId, this.#o.nextBootId);
            this.#epochBase = bootId * EPOCHS_PER_BOOT;
        }
        this.#seal.setKeys(ring);
    }
    /**
     * The members of the HA snapshot other than this unit; streams start and end with them (`why`
     * goes to onPeerReset). No keys yet: no streams.
     */
    setPeers(serials, why = 'left the cluster') {
        if (!this.#seal)
            return;
        this.#enter(() => {
            const now = this.#o.clock.nowMs();
            for (const serial of [...this.#peers.keys()]) {
                if (serials.includes(serial))
                    continue;
                this.#peers.delete(serial);
                this.#fail(serial, why);
            }
            for (const serial of serials) {
                if (serial === this.#o.serial || this.#peers.has(serial))
                    continue;
                this.#peers.set(serial, new PeerStream(serial, this.#nextEpoch(), this.#o));
            }
            for (const p of this.#peers.values())
                this.#expire(p, now);
        });
    }
    /** A control frame, its HA payload in buf[offset, end). Never throws. */
    receive(buf, offset, end) {
        const seal = this.#seal;
        if (!seal)
            return;
        this.#enter(() => {
            this.#frames.received++;
            const r = seal.open(buf, offset, end);
            if (!r.ok)
                return;
            const peer = this.#peers.get(r.from);
            if (!peer) {
                this.#counters.notMember++;
                return;
            }
            const now = this.#o.clock.nowMs();
            if (peer.bootId !== 0 && r.bootId > peer.bootId) {
                peer.forgetIncoming();
                this.#restart(peer, 'it restarted');
            }
            peer.bootId = r.bootId;
            this.#take(peer, r.body, now);
        });
    }
    /**
     * Sends `bytes` of data to `to`, which answers with their SHA-256: the time to the answer, or
     * why there was none within `timeoutMs` (`diagnose sys ha control ping`).
     */
    ping(to, bytes, timeoutMs) {
        return new Promise((resolve) => {
            const id = ++this.#pingId;
            // Random, so deflate cannot shrink them: `bytes` is what crosses the wire.
            const data = randomBytes(bytes);
            const cancel = this.#o.timers.after(timeoutMs, () => finish({ ok: false, reason: `no answer in ${timeoutMs} ms` }));
            const finish = (r) => {
                cancel();
                this.#pings.delete(id);
                resolve(r);
            };
            this.#pings.set(id, { to, sentAt: this.#o.clock.nowMs(), digest: sha256(data), done: finish });
            if (!this.#sendLink(to, { k: 'echo', id, reply: false, data }))
                finish({ ok: false, reason: `no stream to ${to}` });
        });
    }
    status() {
        const now = this.#o.clock.nowMs();
        return {
            peers: [...this.#peers.values()].map((p) => p.status(now)),
            rejected: { ...this.#seal?.rejected, ...this.#counters },
            ports: this.#o.ports.inUse(),
            frames: { ...this.#frames },
        };
    }
    #sendLink(to, message) {
        const peer = this.#peers.get(to);
        if (!peer)
            return false;
        let ok = false;
        this.#enter(() => {
            ok = peer.enqueue(encodeMessage(message), this.#o.clock.nowMs());
        });
        return ok;
    }
    /** Runs `work`; the outermost entry then hands out events and transmits until nothing is left. */
    #enter(work) {
        this.#depth++;
        try {
            work();
        }
        finally {
            this.#depth--;
        }
        if (this.#depth > 0)
            return;
        this.#depth++;
        try {
            // Handlers may send, and transmitting may restart a stream (another event): until both are done.
            do {
                this.#dispatch(this.#events.splice(0, this.#events.length));
                this.#transmit(this.#o.clock.nowMs());
            } while (this.#events.length > 0);
        }
        finally {
            this.#depth--;
        }
        this.#arm();
    }
    #take(peer, body, now) {
        if (body.kind === 2)
            peer.onAck(body, now);
        else
            peer.onFragment(body, now);
        for (const a of peer.arrivals())
            this.#arrived(peer.serial, a);
        this.#expire(peer, now);
    }
    #arrived(from, a) {
        if (!('bytes' in a)) {
            this.#counters.tooLarge++;
            return;
        }
        const d = decodeMessage(a.bytes);
        if (d.ok)
            this.#events.push({ from, message: d.message });
        else
            this.#counters[d.reason]++;
    }
    #dispatch(events) {
        for (const e of events) {
            if ('reset' in e) {
                for (const h of this.#resetHandlers)
                    this.#call(() => h(e.reset, e.why));
            }
            else if (e.message.k === 'echo') {
                this.#echo(e.from, e.message.id, e.message.reply, e.message.data);
            }
            else {
                const m = e.message;
                for (const h of this.#handlers.get(m.k) ?? [])
                    this.#call(() => h(e.from, m));
            }
        }
    }
    #echo(from, id, reply, data) {
        if (!reply) {
            this.#sendLink(from, { k: 'echo', id, reply: true, data: createHash('sha256').update(data).digest() });
            return;
        }
        const p = this.#pings.get(id);
        if (!p || p.to !== from)
            return;
        const whole = Buffer.from(data).toString('hex') === p.digest;
        p.done(whole ? { ok: true, ms: this.#o.clock.nowMs() - p.sentAt } : { ok: false, reason: 'the data arrived changed' });
    }
    /** A handler that throws is logged; the others and the link go on. */
    #call(fn) {
        try {
            fn();
        }
        catch (err) {
            log.error(`control message handler failed: ${err.stack ?? err}`);
        }
    }
    /** Acks due and fragments the windows allow, to every peer; streams that gave up restart. */
    #transmit(now) {
        for (const peer of this.#peers.values()) {
            const ack = peer.receiver.takeAck(now);
            if (ack)
                this.#out(encodeAck(peer.serial, ack));
            for (const f of peer.sender.take(now, WINDOW)) {
                this.#out(encodeFragment(peer.serial, f.epoch, f.seq, f.payload.last, f.payload.bytes));
            }
            // take() is where a stream gives up.
            this.#expire(peer, now);
        }
    }
    /** A stream that gave up, or whose peer asked for a new one, restarts. */
    #expire(peer, now) {
        const s = peer.sender.status(now);
        if (s.state === 'needs-resync')
            this.#restart(peer, s.reason);
    }
    #restart(peer, why) {
        peer.restart(this.#nextEpoch());
        this.#fail(peer.serial, why);
    }
    #fail(serial, why) {
        log.info(`control stream to ${serial} reset: ${why}`);
        this.#events.push({ reset: serial, why });
    }
    #out(body) {
        const port = this.#o.ports.pick();
        const seal = this.#seal;
        if (!port || !seal) {
            this.#frames.unsent++;
            return;
        }
        const end = seal.seal(body, this.#tx, port.payloadOffset);
        if (port.send(this.#tx, end))
            this.#frames.sent++;
        else
            this.#frames.unsent++;
    }
    /** One timer, at the earliest deadline of the streams. */
    #arm() {
        const now = this.#o.clock.nowMs();
        let at = Number.POSITIVE_INFINITY;
        for (const p of this.#peers.values())
            at = Math.min(at, p.nextWakeAt(now));
        if (at === this.#timerAt)
            return;
        this.#timer?.();
        this.#timer = null;
        this.#timerAt = at;
        if (at === Number.POSITIVE_INFINITY)
            return;
        // At least 1 ms: a deadline that is now was just served, and the next turn comes soon enough.
        this.#timer = this.#o.timers.after(Math.max(1, Math.ceil(at - now)), () => {
            this.#timer = null;
            this.#timerAt = Number.POSITIVE_INFINITY;
            this.#enter(() => { });
        });
    }
    #nextEpoch() {
        if (++this.#restarts >= EPOCHS_PER_BOOT) {
            this.#epochBase = this.#o.nextBootId() * EPOCHS_PER_BOOT;
            this.#restarts = 1;
        }
        return this.#epochBase + this.#restarts;
    }
}
//# sourceMappingURL=control-link.js.map