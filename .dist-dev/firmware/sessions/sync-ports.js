import { openHaPort, udpTransport } from '../ha/hb-transport.js';
export const SYNC_CHANNEL = {
    ethertype: 0x8892,
    /** 03:54:44:53:59:00, "TDSY": locally administered multicast, flooded by bridges and switches. */
    group: Uint8Array.of(0x03, 0x54, 0x44, 0x53, 0x59, 0x00),
    udpPort: 708,
};
export class SyncPorts {
    nic;
    log;
    ports = [];
    active = [];
    constructor(nic, log) {
        this.nic = nic;
        this.log = log;
    }
    open(config) {
        this.close();
        for (const p of config.dedicated)
            this.openL2({ ...p, dedicated: true, transport: null, up: false, carrier: false });
        if (config.unicastPeer !== null) {
            const port = { name: 'unicast', ifname: '', dedicated: false, transport: null, up: true, carrier: true };
            try {
                port.transport = udpTransport(this.nic.openUdp(SYNC_CHANNEL.udpPort), config.unicastPeer, SYNC_CHANNEL);
            }
            catch (err) {
                this.log.event(`session sync over UDP ${SYNC_CHANNEL.udpPort} unavailable: ${err.message}`, 'warn');
            }
            this.ports.push(port);
        }
        else {
            for (const p of config.fallback)
                this.openL2({ ...p, dedicated: false, transport: null, up: false, carrier: false });
        }
        this.choose();
    }
    /** Applies an rtnetlink event; true when the ports in use changed. */
    onLinkEvent(ev) {
        const port = this.ports.find((p) => p.ifname === ev.ifname);
        if (!port)
            return false;
        port.up = ev.up;
        port.carrier = ev.carrier;
        if (!port.transport)
            this.tryOpen(port);
        return this.choose();
    }
    /** The ports sync frames leave on now (empty: no way to the peers). */
    get inUse() {
        return this.active;
    }
    /** The transport a session of key hash `hash` leaves on, or null when no port is in use. */
    pick(hash) {
        return this.active[this.active.length > 1 ? hash % this.active.length : 0]?.transport ?? null;
    }
    close() {
        for (const p of this.ports)
            p.transport?.close();
        this.ports.length = 0;
        this.active = [];
    }
    openL2(port) {
        this.ports.push(port);
        this.tryOpen(port);
    }
    tryOpen(port) {
        const why = openHaPort(this.nic, port, SYNC_CHANNEL);
        if (why !== null)
            this.log.event(`session sync port ${port.name} (${port.ifname}) unavailable: ${why}`, 'warn');
    }
    choose() {
        const usable = (p) => p.transport !== null && p.up && p.carrier;
        const dedicated = this.ports.filter((p) => p.dedicated && usable(p));
        const fallback = this.ports.find((p) => !p.dedicated && usable(p));
        const next = dedicated.length > 0 ? dedicated : fallback ? [fallback] : [];
        const changed = next.length !== this.active.length || next.some((p, i) => p !== this.active[i]);
        if (changed) {
            this.active = next;
            const names = next.map((p) => p.name).join(', ') || 'none';
            this.log.info(`session sync ports in use: ${names}`);
        }
        return changed;
    }
}
//# sourceMappingURL=sync-ports.js.map