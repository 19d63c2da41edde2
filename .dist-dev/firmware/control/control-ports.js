import { l2Transport } from '../ha/hb-transport.js';
import { CONTROL_CHANNEL } from './frames.js';
/** What `inUse()` names the relay. */
export const RELAY_PORT = 'udp';
export class ControlPorts {
    nic;
    log;
    #ports = [];
    #active = [];
    #names = [];
    #next = 0;
    #relay = null;
    #links = [];
    constructor(nic, log) {
        this.nic = nic;
        this.log = log;
    }
    /** The hbdev ports of the configuration, and the relay with `unicast-hb` (else null). */
    configure(hbdev, relay) {
        const keep = (p) => hbdev.some((d) => d.ifname === p.ifname);
        for (const p of this.#ports)
            if (!keep(p))
                p.transport?.close();
        this.#ports = hbdev.map((d) => {
            const old = this.#ports.find((p) => p.ifname === d.ifname);
            return { ...d, transport: old?.transport ?? null, failed: old?.failed ?? null };
        });
        this.#relay = relay ? { payloadOffset: 0, send: (buf, end) => relay(buf.slice(0, end)) } : null;
        this.update(this.#links);
    }
    /** Chooses the ports again from the snapshot's links. */
    update(links) {
        this.#links = links;
        const usable = this.#ports.filter((p) => {
            const view = links.find((l) => l.name === p.name);
            return view?.up === true && view.carrier && this.#open(p);
        });
        const top = Math.max(...usable.map((p) => p.priority));
        const best = usable.filter((p) => p.priority === top);
        const names = best.length > 0 ? best.map((p) => p.name) : this.#relay ? [RELAY_PORT] : [];
        this.#active = best.length > 0 ? best.map((p) => p.transport) : this.#relay ? [this.#relay] : [];
        if (names.join() !== this.#names.join())
            this.log.info(`control ports in use: ${names.join(', ') || 'none'}`);
        this.#names = names;
    }
    pick() {
        if (this.#active.length === 0)
            return null;
        this.#next = (this.#next + 1) % this.#active.length;
        return this.#active[this.#next];
    }
    inUse() {
        return this.#names;
    }
    close() {
        for (const p of this.#ports)
            p.transport?.close();
        this.#ports = [];
        this.#active = [];
        this.#names = [];
        this.#relay = null;
    }
    /** Opens the port's sender if it is not yet; whether it is open. */
    #open(p) {
        if (p.transport)
            return true;
        try {
            p.transport = l2Transport(this.nic.openSender(p.ifname), CONTROL_CHANNEL);
            p.failed = null;
            return true;
        }
        catch (err) {
            const why = err.message;
            if (p.failed !== why)
                this.log.event(`control port ${p.name} (${p.ifname}) unavailable: ${why}`, 'warn');
            p.failed = why;
            return false;
        }
    }
}
//# sourceMappingURL=control-ports.js.map