import { openHaPort } from './hb-transport.js';
import { FrameType } from './wire/header.js';
export class BeaconPorts {
    nic;
    log;
    ports = [];
    constructor(nic, log) {
        this.nic = nic;
        this.log = log;
    }
    open(ports) {
        this.close();
        for (const p of ports) {
            const port = { ...p, transport: null, up: false, carrier: false, rxAccepted: 0 };
            this.ports.push(port);
            this.tryOpen(port);
        }
    }
    /** Applies an rtnetlink event; returns the port it concerned, if any. */
    onLinkEvent(ev) {
        const port = this.ports.find((p) => p.ifname === ev.ifname);
        if (!port)
            return undefined;
        port.up = ev.up;
        port.carrier = ev.carrier;
        if (!port.transport)
            this.tryOpen(port);
        return port;
    }
    /** One beacon per port with carrier, each with its own sequence number. */
    sendAll(encoder, buf) {
        for (const p of this.ports) {
            const t = p.transport;
            if (!t || !p.up || !p.carrier)
                continue;
            t.send(buf, encoder.encode(FrameType.Beacon, buf, t.payloadOffset));
        }
    }
    views() {
        return this.ports.map((p) => ({
            name: p.name,
            carrier: p.up && p.carrier,
            txFrames: p.transport?.counters.txFrames ?? 0,
            rxAccepted: p.rxAccepted,
        }));
    }
    close() {
        for (const p of this.ports)
            p.transport?.close();
        this.ports.length = 0;
    }
    tryOpen(port) {
        const why = openHaPort(this.nic, port);
        if (why !== null)
            this.log.event(`data beacon port ${port.name} (${port.ifname}) unavailable: ${why}`, 'warn');
    }
}
//# sourceMappingURL=beacon-ports.js.map