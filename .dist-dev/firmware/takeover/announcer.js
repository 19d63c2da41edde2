import { GARP_FRAME_LEN, writeGratuitousArp } from './arp-frames.js';
import { NA_FRAME_LEN, writeUnsolicitedNa } from './na-frames.js';
export class Announcer {
    nic;
    log;
    #sockets = new Map();
    #buf = new Uint8Array(Math.max(GARP_FRAME_LEN, NA_FRAME_LEN));
    constructor(nic, log) {
        this.nic = nic;
        this.log = log;
    }
    /** Opens a socket for each new port and closes those of ports no longer planned. */
    setPorts(ports) {
        for (const [ifname, socket] of this.#sockets) {
            if (ports.some((p) => p.ifname === ifname))
                continue;
            socket.close();
            this.#sockets.delete(ifname);
        }
        for (const p of ports) {
            if (this.#sockets.has(p.ifname))
                continue;
            try {
                this.#sockets.set(p.ifname, this.nic.openSender(p.ifname));
            }
            catch (err) {
                this.log.event(`data port ${p.name} (${p.ifname}) cannot announce: ${err.message}`, 'warn');
            }
        }
    }
    /** The MAC the port had when its socket was opened, if it could be opened. */
    macAtOpen(ifname) {
        return this.#sockets.get(ifname)?.mac;
    }
    /** One burst; returns the frames sent. `macOf` gives the MAC each port presents now. */
    burst(ports, macOf) {
        let sent = 0;
        for (const p of ports) {
            const socket = this.#sockets.get(p.ifname);
            const mac = macOf(p);
            if (!socket || !mac)
                continue;
            for (const ip of p.ipv4) {
                const len = writeGratuitousArp(this.#buf, 0, mac, hostOf(ip), 'request');
                if (socket.send(this.#buf, len))
                    sent++;
            }
            for (const ip of p.ipv6) {
                const len = writeUnsolicitedNa(this.#buf, 0, mac, hostOf(ip));
                if (socket.send(this.#buf, len))
                    sent++;
            }
        }
        return sent;
    }
    close() {
        for (const socket of this.#sockets.values())
            socket.close();
        this.#sockets.clear();
    }
}
function hostOf(cidr) {
    const slash = cidr.indexOf('/');
    return slash < 0 ? cidr : cidr.slice(0, slash);
}
//# sourceMappingURL=announcer.js.map