/**
 * Units joined by control links (the real ControlLinkImpl, frames sealed and opened as on the
 * wire) over lossy, reordering channels (sessions/stream/channel.fake.ts) on one fake clock: for
 * tests of what speaks through the link (config sync, key changes, remote consoles) with two to
 * four units. As on the heartbeat ports, every unit hears every frame, each over a channel of
 * its own with its own faults; time moves only with advance() and runUntil().
 */
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { LossyChannel, PERFECT } from '../sessions/stream/channel.fake.js';
import { FakeTimers } from '../time/timers.fake.js';
import { ControlLinkImpl } from './control-link.js';
export const FAKE_KEYS = { groupId: 7, groupName: 'fake', password: 'secret', encryption: false };
export const FAKE_RING = { slots: [FAKE_KEYS], send: 0 };
/** One direction between two units: a LossyChannel, pumped by a timer at its next arrival. */
class Wire {
    net;
    to;
    channel;
    #armedAt = Number.POSITIVE_INFINITY;
    #cancel = () => { };
    constructor(net, to, faults, seed) {
        this.net = net;
        this.to = to;
        this.channel = new LossyChannel(faults, seed);
    }
    send(frame) {
        this.channel.send(frame, this.net.clock.nowMs());
        this.#arm();
    }
    #arm() {
        const at = this.channel.nextArrivalAt();
        if (at >= this.#armedAt)
            return;
        this.#cancel();
        this.#armedAt = at;
        this.#cancel = this.net.timers.after(Math.max(0, at - this.net.clock.nowMs()), () => {
            this.#armedAt = Number.POSITIVE_INFINITY;
            for (const f of this.channel.receive(this.net.clock.nowMs()))
                this.net.link(this.to).receive(f, 0, f.length);
            this.#arm();
        });
    }
}
export class FakeControlNet {
    clock = new FakeClock(0);
    timers = new FakeTimers(this.clock);
    /** Sees every frame as it leaves a unit (the HA payload: header, body, tag). */
    tap = () => { };
    #units = new Map();
    #o;
    constructor(o) {
        this.#o = o;
        let seed = o.seed ?? 1;
        for (const serial of o.serials) {
            const wires = o.serials
                .filter((s) => s !== serial)
                .map((to) => new Wire(this, to, o.faults ?? PERFECT, (seed = (seed * 48271) % 0x7fffffff)));
            const boots = { n: 0 };
            this.#units.set(serial, { ...this.#boot(serial, wires, boots), boots, wires });
        }
    }
    /** The unit's link now. */
    link(serial) {
        return this.#unit(serial).link;
    }
    /** The channel from one unit to another, to count or drop frames (`dropIf`). */
    wire(from, to) {
        const w = this.#unit(from).wires.find((x) => x.to === to);
        if (!w)
            throw new RangeError(`no wire from ${from} to ${to}`);
        return w.channel;
    }
    /** What the unit's HA snapshot lists as members besides itself (all others at first). */
    setMembers(serial, peers) {
        this.link(serial).setPeers(peers);
    }
    /** The unit reboots: a new link with a higher boot id; handlers must be registered on it again. */
    restart(serial) {
        const unit = this.#unit(serial);
        unit.port.alive = false;
        Object.assign(unit, this.#boot(serial, unit.wires, unit.boots));
        return unit.link;
    }
    advance(ms) {
        this.timers.advance(ms);
    }
    /** Advances in 1 ms steps until `done()` holds, at most `limitMs`; whether it held. */
    runUntil(done, limitMs) {
        const end = this.clock.nowMs() + limitMs;
        while (!done()) {
            if (this.clock.nowMs() >= end)
                return false;
            this.timers.advance(1);
        }
        return true;
    }
    /** A link as the unit starts it: keys, and every other unit as a member. */
    #boot(serial, wires, boots) {
        const port = { alive: true };
        const out = {
            payloadOffset: 0,
            send: (buf, end) => {
                if (!port.alive)
                    return false;
                const frame = buf.slice(0, end);
                this.tap(serial, frame);
                for (const w of wires)
                    w.send(frame);
                return true;
            },
        };
        const link = new ControlLinkImpl({
            serial,
            clock: this.clock,
            timers: this.timers,
            ports: { pick: () => (port.alive ? out : null), inUse: () => (port.alive ? ['fake'] : []) },
            nextBootId: () => ++boots.n,
            sender: this.#o.sender,
            receiver: this.#o.receiver,
        });
        link.setKeys(this.#o.ring ?? FAKE_RING);
        link.setPeers(this.#o.serials.filter((s) => s !== serial));
        return { link, port };
    }
    #unit(serial) {
        const u = this.#units.get(serial);
        if (!u)
            throw new RangeError(`unit ${serial}: the net has ${[...this.#units.keys()].join(', ')}`);
        return u;
    }
}
//# sourceMappingURL=control-link.fake.js.map