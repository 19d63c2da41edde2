/**
 * LinkMonitor: RTM_NEWLINK / RTM_DELLINK notifications of the RTMGRP_LINK group.
 *
 * When the socket overflows (ENOBUFS) notifications were lost; the monitor then asks the kernel
 * for a dump of every link, whose answers arrive as RTM_NEWLINK and are reported like events,
 * so a reader always ends up with the current state of each interface.
 */
import { HalError } from '../errors.js';
import { E, errno, errnoText, libc } from '../libc.js';
import { IFF_LOWER_UP, IFF_UP } from './ifreq.js';
import { align4, NLM_F_DUMP, NLM_F_REQUEST, NLMSG_HDR_BYTES, NlMessage, openRouteSocket, RTMGRP_LINK, sequence, } from './rtnetlink.js';
const RTM_NEWLINK = 16;
const RTM_DELLINK = 17;
const RTM_GETLINK = 18;
const IFINFOMSG_BYTES = 16;
const IFLA_IFNAME = 3;
const MONITOR_RCVBUF_BYTES = 1 << 20;
const decoder = new TextDecoder();
/**
 * Appends the link events found in one netlink datagram to `out`. Stops at the first malformed
 * message: lengths are checked before every read, nothing here throws.
 */
export function parseLinkMessages(buf, length, out) {
    const view = new DataView(buf.buffer, buf.byteOffset, Math.min(length, buf.byteLength));
    const end = view.byteLength;
    for (let off = 0; off + NLMSG_HDR_BYTES <= end;) {
        const len = view.getUint32(off, true);
        if (len < NLMSG_HDR_BYTES || off + len > end)
            return;
        const type = view.getUint16(off + 4, true);
        if ((type === RTM_NEWLINK || type === RTM_DELLINK) && len >= NLMSG_HDR_BYTES + IFINFOMSG_BYTES) {
            const body = off + NLMSG_HDR_BYTES;
            const ifindex = view.getInt32(body + 4, true);
            const flags = view.getUint32(body + 8, true);
            const ifname = findIfname(buf, view, body + IFINFOMSG_BYTES, off + len);
            if (ifname !== undefined) {
                const gone = type === RTM_DELLINK;
                out.push({
                    ifname,
                    ifindex,
                    up: !gone && (flags & IFF_UP) !== 0,
                    carrier: !gone && (flags & IFF_LOWER_UP) !== 0,
                });
            }
        }
        off += align4(len);
    }
}
function findIfname(buf, view, start, end) {
    for (let off = start; off + 4 <= end;) {
        const len = view.getUint16(off, true);
        if (len < 4 || off + len > end)
            return undefined;
        if ((view.getUint16(off + 2, true) & 0x3fff) === IFLA_IFNAME) {
            let stop = off + 4;
            while (stop < off + len && buf[stop] !== 0)
                stop++;
            return decoder.decode(buf.subarray(off + 4, stop));
        }
        off += align4(len);
    }
    return undefined;
}
class RouteLinkMonitor {
    fd;
    buf = new Uint8Array(64 * 1024);
    dump;
    closed = false;
    constructor(fd) {
        this.fd = fd;
        // struct ifinfomsg, all zero: every family, every interface.
        this.dump = new NlMessage(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, sequence())
            .struct(new Uint8Array(IFINFOMSG_BYTES))
            .finish();
    }
    read() {
        const events = [];
        if (this.closed)
            return events;
        let dumped = false;
        for (;;) {
            const n = libc.recv(this.fd, this.buf, this.buf.length, 0);
            if (n > 0) {
                parseLinkMessages(this.buf, n, events);
                continue;
            }
            if (n < 0 && errno() === E.ENOBUFS) {
                // One dump per read is enough: it reports every link as it is after the overflow.
                if (!dumped)
                    libc.send(this.fd, this.dump, this.dump.length, 0);
                dumped = true;
                continue;
            }
            return events;
        }
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        libc.close(this.fd);
    }
}
export function openLinkMonitor() {
    const fd = openRouteSocket(RTMGRP_LINK, MONITOR_RCVBUF_BYTES);
    if (fd < 0)
        throw new HalError('nic', 'openLinkMonitor', -fd, errnoText(-fd));
    return new RouteLinkMonitor(fd);
}
//# sourceMappingURL=link-monitor.js.map