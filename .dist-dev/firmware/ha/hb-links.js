import { openHaPort, udpTransport } from './hb-transport.js';
import { HA_UDP_PORT } from './wire/addresses.js';
/** The pseudo link of `unicast-hb`: no interface of its own, routed by the kernel. */
export const UNICAST_LINK = 'unicast';
export class HbLinks {
    nic;
    log;
    links = [];
    constructor(nic, log) {
        this.nic = nic;
        this.log = log;
    }
    /** Opens the links of a new configuration, closing the previous ones. */
    open(hbdev, unicastPeer) {
        this.close();
        for (const dev of hbdev) {
            const link = { ...dev, transport: null, up: false, carrier: false, rxAccepted: 0, lastRxMs: null };
            this.links.push(link);
            this.tryOpen(link);
        }
        if (unicastPeer !== null)
            this.openUnicast(unicastPeer);
    }
    /** Applies an rtnetlink event; returns the link it concerned, if any. */
    onLinkEvent(ev) {
        const link = this.links.find((l) => l.ifname !== '' && l.ifname === ev.ifname);
        if (!link)
            return undefined;
        const hadCarrier = link.up && link.carrier;
        link.up = ev.up;
        link.carrier = ev.carrier;
        if (!link.transport)
            this.tryOpen(link);
        const hasCarrier = link.up && link.carrier;
        if (hadCarrier && !hasCarrier) {
            this.log.event(`heartbeat link ${link.name} lost carrier: the peer may be down (not a reason to stand down)`, 'warn');
        }
        else if (!hadCarrier && hasCarrier) {
            this.log.event(`heartbeat link ${link.name} has carrier again`);
        }
        return link;
    }
    /**
     * True when every heartbeat link is a port (no unicast link, which crosses routers) that is
     * admin up without carrier: on direct cables, what a peer's power loss looks like.
     */
    allDark() {
        if (this.links.length === 0)
            return false;
        return this.links.every((l) => l.ifname !== '' && l.up && !l.carrier);
    }
    /** Encodes one frame per usable link (each with its own sequence number) and sends it. */
    sendAll(encoder, type, buf) {
        for (const link of this.links) {
            const t = link.transport;
            if (!t || !link.up || !link.carrier)
                continue;
            t.send(buf, encoder.encode(type, buf, t.payloadOffset));
        }
    }
    views(now) {
        return this.links.map((l) => ({
            name: l.name,
            hbPriority: l.priority,
            up: l.up,
            carrier: l.carrier,
            txFrames: l.transport?.counters.txFrames ?? 0,
            txErrors: l.transport?.counters.txErrors ?? 0,
            rxFrames: l.transport?.counters.rxFrames ?? 0,
            rxAccepted: l.rxAccepted,
            lastRxAgoMs: l.lastRxMs === null ? null : Math.round(now - l.lastRxMs),
        }));
    }
    close() {
        for (const link of this.links)
            link.transport?.close();
        this.links.length = 0;
    }
    tryOpen(link) {
        const why = openHaPort(this.nic, link);
        if (why !== null)
            this.log.event(`heartbeat link ${link.name} (${link.ifname}) unavailable: ${why}`, 'warn');
    }
    openUnicast(peer) {
        const link = {
            name: UNICAST_LINK,
            ifname: '',
            priority: 0,
            transport: null,
            up: true,
            carrier: true,
            rxAccepted: 0,
            lastRxMs: null,
        };
        this.links.push(link);
        try {
            link.transport = udpTransport(this.nic.openUdp(HA_UDP_PORT), peer);
            this.log.info(`unicast heartbeat to ${peer} port ${HA_UDP_PORT}`);
        }
        catch (err) {
            this.log.event(`unicast heartbeat unavailable: ${err.message}`, 'warn');
        }
    }
}
//# sourceMappingURL=hb-links.js.map