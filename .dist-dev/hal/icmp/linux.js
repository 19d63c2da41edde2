/**
 * Linux ICMP driver: one raw IPv4 socket (SOCK_RAW, IPPROTO_ICMP) per pinger, through koffi.
 *
 * Why not the `raw-socket` package: it builds here (node-gyp, Node 20) and takes
 * SO_BINDTODEVICE, but it has no bind(2), so a probe cannot be given its source address: with
 * two addresses on the port, probes left from the kernel's pick. It also needs a compiler on
 * every image build. koffi is already here and gives the whole socket API.
 *
 * The socket is bound to the interface (SO_BINDTODEVICE: probes leave by it whatever the
 * routes say, and only replies arriving on it are queued) and, with a source, to that address
 * (IP_FREEBIND, so it may be bound before a takeover has added it). ICMP_FILTER keeps every
 * type but echo reply out of the queue. Receive timestamps are switched on by asking for one
 * (SIOCGSTAMPNS, abi.ts) at open; afterwards the same ioctl returns the last packet's arrival time.
 */
import { parseIpv4, writeIpv4 } from '../../lib/ip-text.js';
import { ABI } from '../abi.js';
import { HalError } from '../errors.js';
import { AF_INET, CLOCK_REALTIME, E, errno, errnoText, ioctl, libc, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_RAW, SOL_SOCKET, timespecMs, } from '../libc.js';
import { ECHO_REQUEST_BYTES, encodeEchoRequest, parseEchoReply } from './echo-packet.js';
const IPPROTO_IP = 0;
const IPPROTO_ICMP = 1;
const SOL_RAW = 255;
const ICMP_FILTER = 1;
const IP_FREEBIND = 15;
const SO_BINDTODEVICE = 25;
const IFNAMSIZ = 16;
const SOCKADDR_IN_BYTES = 16;
const RECV_BYTES = 2048;
/** Bounds one drain, so a flood cannot hold the main thread; the rest waits for the next drain. */
const MAX_PER_DRAIN = 256;
function device(ifname) {
    return `icmp ${ifname}`;
}
/** struct sockaddr_in for `ipv4`, port 0; undefined when `ipv4` is not a dotted quad. */
function sockaddrIn(ipv4) {
    const addr = new Uint8Array(SOCKADDR_IN_BYTES);
    new DataView(addr.buffer).setUint16(0, AF_INET, true);
    return writeIpv4(addr, 4, ipv4) ? addr : undefined;
}
function checkOptions({ ifname, source, id }) {
    const bad = (detail) => {
        throw new HalError(device(ifname), 'openPinger', E.EINVAL, detail);
    };
    const bytes = Buffer.byteLength(ifname);
    if (bytes === 0 || bytes >= IFNAMSIZ || ifname.includes('\0'))
        bad(`interface name "${ifname}": must be 1..${IFNAMSIZ - 1} bytes`);
    if (source !== undefined && !parseIpv4(source))
        bad(`source ${source}: must be an IPv4 address a.b.c.d`);
    if (!Number.isInteger(id) || id < 0 || id > 0xffff)
        bad(`id ${id}: must be an integer 0..65535`);
}
class RawPinger {
    fd;
    ifname;
    source;
    id;
    counters = { sent: 0, sendErrors: 0, lastSendErrno: 0, received: 0, ignored: 0 };
    request = new Uint8Array(ECHO_REQUEST_BYTES);
    packet = new Uint8Array(RECV_BYTES);
    timespec = new BigInt64Array(2);
    destinations = new Map();
    closed = false;
    constructor(fd, ifname, source, id) {
        this.fd = fd;
        this.ifname = ifname;
        this.source = source;
        this.id = id;
    }
    send(dst, seq) {
        if (this.closed)
            return this.failed(E.EBADF);
        let addr = this.destinations.get(dst);
        if (!addr) {
            addr = sockaddrIn(dst);
            if (!addr)
                return this.failed(E.EINVAL);
            // A monitor probes a handful of servers; the cap only guards against a caller's bug.
            if (this.destinations.size < 64)
                this.destinations.set(dst, addr);
        }
        const length = encodeEchoRequest(this.request, this.id, seq, this.realtimeMs());
        if (libc.sendto(this.fd, this.request, length, 0, addr, SOCKADDR_IN_BYTES) === length) {
            this.counters.sent++;
            return true;
        }
        return this.failed(errno() || E.EINVAL);
    }
    receive() {
        const replies = [];
        if (this.closed)
            return replies;
        for (let i = 0; i < MAX_PER_DRAIN; i++) {
            const n = libc.recv(this.fd, this.packet, RECV_BYTES, 0);
            if (n < 0)
                break;
            const parsed = parseEchoReply(this.packet, n, this.id);
            if (!parsed.ok) {
                this.counters.ignored++;
                continue;
            }
            this.counters.received++;
            const rtt = this.arrivalRealtimeMs() - parsed.sentRealtimeMs;
            // NaN (not our payload) or a step of the wall clock between send and receive.
            replies.push({ from: parsed.from, seq: parsed.seq, rttMs: Number.isFinite(rtt) && rtt >= 0 ? rtt : -1 });
        }
        return replies;
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        libc.close(this.fd);
    }
    failed(err) {
        this.counters.sendErrors++;
        this.counters.lastSendErrno = err;
        return false;
    }
    realtimeMs() {
        libc.clock_gettime(CLOCK_REALTIME, this.timespec);
        return timespecMs(this.timespec);
    }
    /** When the packet just read reached the host; now, when the kernel has no stamp for it. */
    arrivalRealtimeMs() {
        if (ioctl(this.fd, ABI.siocgstampns, this.timespec) < 0)
            return this.realtimeMs();
        return timespecMs(this.timespec);
    }
}
function setInt(fd, level, name, value) {
    return libc.setsockopt(fd, level, name, new Int32Array([value]), 4) === 0;
}
export function openRawPinger(options) {
    checkOptions(options);
    const { ifname, source, id } = options;
    const fd = libc.socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
    const fail = (operation) => {
        const err = errno();
        if (fd >= 0)
            libc.close(fd);
        throw new HalError(device(ifname), `openPinger: ${operation}`, err, errnoText(err));
    };
    if (fd < 0)
        fail('socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)');
    const name = new Uint8Array(IFNAMSIZ);
    Buffer.from(name.buffer).write(ifname, 0, IFNAMSIZ - 1, 'utf8');
    if (libc.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, IFNAMSIZ) < 0)
        fail(`SO_BINDTODEVICE ${ifname}`);
    // struct icmp_filter: a bit set for each type to drop.
    if (libc.setsockopt(fd, SOL_RAW, ICMP_FILTER, new Uint32Array([~(1 << 0) >>> 0]), 4) < 0)
        fail('ICMP_FILTER');
    if (source !== undefined) {
        if (!setInt(fd, IPPROTO_IP, IP_FREEBIND, 1))
            fail('IP_FREEBIND');
        if (libc.bind(fd, sockaddrIn(source), SOCKADDR_IN_BYTES) < 0)
            fail(`bind ${source}`);
    }
    // Nothing has arrived yet, so this fails with ENOENT; it turns the timestamps on all the same.
    ioctl(fd, ABI.siocgstampns, new BigInt64Array(2));
    return new RawPinger(fd, ifname, source, id);
}
export function createLinuxIcmp() {
    return { openPinger: openRawPinger };
}
//# sourceMappingURL=linux.js.map