/**
 * RawPort over an AF_PACKET socket bound to one interface and one Ethertype.
 *
 * The socket is created with protocol 0, which receives nothing, and only starts receiving at
 * `bind`, which sets the Ethertype and the interface together: frames of other interfaces never
 * enter its queue. Frames going out of the interface never reach it either (ignoreOutgoing).
 */
import { E, HalError } from '../errors.js';
import { AF_PACKET, errno, errnoText, htons, libc, PACKET_IGNORE_OUTGOING, SO_RCVBUF, SO_RCVBUFFORCE, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_RAW, SOL_PACKET, SOL_SOCKET, } from '../libc.js';
import { DatagramSocket } from './datagram-socket.js';
import { checkIfname, ifindexOf, nicDevice, readMac } from './ifreq.js';
/** Enough for a burst of heartbeat or control frames while the owner is busy. */
export const DEFAULT_RCVBUF_BYTES = 1 << 20;
const SOCKADDR_LL_BYTES = 20;
function checkEthertype(ifname, ethertype) {
    if (!Number.isInteger(ethertype) || ethertype < 0x0600 || ethertype > 0xffff) {
        throw new HalError(nicDevice(ifname), 'openPort', E.EINVAL, `Ethertype ${ethertype}: must be an integer 0x0600..0xffff`);
    }
}
function setInt(fd, level, name, value) {
    return libc.setsockopt(fd, level, name, new Int32Array([value]), 4) === 0;
}
/**
 * PACKET_IGNORE_OUTGOING, or nothing where the option is missing (kernels before 4.20, and
 * qemu-user, which passes no SOL_PACKET option on): a port bound to one Ethertype is on the
 * kernel's per-protocol list, which frames going out never reach (only ETH_P_ALL taps see them),
 * so the option only guards against a future change of how ports bind.
 */
function ignoreOutgoing(fd) {
    return setInt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1) || errno() === E.ENOPROTOOPT;
}
class PacketPort extends DatagramSocket {
    ifname;
    ifindex;
    mac;
    constructor(fd, ifname, ifindex, mac) {
        super(fd);
        this.ifname = ifname;
        this.ifindex = ifindex;
        this.mac = mac;
    }
    send(frame, length) {
        if (this.closed)
            return this.failed(E.EBADF);
        if (!(length > 0 && length <= frame.byteLength))
            return this.failed(E.EINVAL);
        if (libc.send(this.fd, frame, length, 0) === length)
            return this.sent();
        return this.failed(errno() || E.EINVAL);
    }
}
/**
 * `ethertype` null opens a send-only port: bound with protocol 0, it is handed no frame, so
 * traffic of the Ethertype it sends (ARP, for announcements) is not copied into a queue nobody
 * reads.
 */
export function openRawPort(ifname, ethertype, rcvbufBytes = DEFAULT_RCVBUF_BYTES) {
    checkIfname(ifname, 'openPort');
    if (ethertype !== null)
        checkEthertype(ifname, ethertype);
    const ifindex = ifindexOf(ifname, 'openPort');
    const mac = readMac(ifname);
    const fd = libc.socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const fail = (operation) => {
        const err = errno();
        if (fd >= 0)
            libc.close(fd);
        throw new HalError(nicDevice(ifname), `openPort: ${operation}`, err, errnoText(err));
    };
    if (fd < 0)
        fail('socket(AF_PACKET)');
    if (!ignoreOutgoing(fd))
        fail('PACKET_IGNORE_OUTGOING');
    // SO_RCVBUFFORCE passes rmem_max but needs CAP_NET_ADMIN; SO_RCVBUF is capped, still better.
    if (!setInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, rcvbufBytes)) {
        if (!setInt(fd, SOL_SOCKET, SO_RCVBUF, rcvbufBytes))
            fail('SO_RCVBUF');
    }
    // struct sockaddr_ll { u16 family; be16 protocol; int ifindex; u16 hatype; u8 pkttype, halen; u8 addr[8]; }
    const addr = new Uint8Array(SOCKADDR_LL_BYTES);
    const view = new DataView(addr.buffer);
    view.setUint16(0, AF_PACKET, true);
    view.setUint16(2, ethertype === null ? 0 : htons(ethertype), true);
    view.setInt32(4, ifindex, true);
    if (libc.bind(fd, addr, SOCKADDR_LL_BYTES) < 0)
        fail('bind');
    return new PacketPort(fd, ifname, ifindex, mac);
}
//# sourceMappingURL=packet-socket.js.map