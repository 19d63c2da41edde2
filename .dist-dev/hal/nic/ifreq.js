/**
 * Interface ioctls through a `struct ifreq`: index and hardware address.
 *
 * Each call opens a short-lived datagram socket, so it acts in the network namespace of the
 * calling thread at the time of the call (like the rest of the NIC driver).
 * ifreq layout (IFREQ_BYTES, abi.ts): name in bytes 0–15 (NUL-terminated), then the union at 16:
 * ifr_ifindex (int) or ifr_hwaddr (sa_family u16 at 16, bytes at 18).
 */
import { formatMac } from '../../lib/ethernet.js';
import { IFREQ_BYTES } from '../abi.js';
import { HalError } from '../errors.js';
import { AF_INET, E, errno, errnoText, ioctl, libc, SOCK_CLOEXEC, SOCK_DGRAM } from '../libc.js';
const IFNAMSIZ = 16;
const SIOCSIFHWADDR = 0x8924;
const SIOCGIFHWADDR = 0x8927;
const SIOCGIFINDEX = 0x8933;
const ARPHRD_ETHER = 1;
/** net_device flags as rtnetlink reports them (all 32 bits, unlike SIOCGIFFLAGS' 16). */
export const IFF_UP = 0x1;
export const IFF_LOWER_UP = 0x10000;
export function nicDevice(ifname) {
    return `nic ${ifname}`;
}
/** Throws HalError(EINVAL) unless `ifname` fits IFNAMSIZ with its terminating NUL. */
export function checkIfname(ifname, operation) {
    const bytes = Buffer.byteLength(ifname);
    if (bytes === 0 || bytes >= IFNAMSIZ || ifname.includes('\0')) {
        throw new HalError(nicDevice(ifname), operation, E.EINVAL, `interface name "${ifname}": must be 1..${IFNAMSIZ - 1} bytes`);
    }
}
function ifreqFor(ifname) {
    const req = new Uint8Array(IFREQ_BYTES);
    Buffer.from(req.buffer).write(ifname, 0, IFNAMSIZ - 1, 'utf8');
    return req;
}
/** Runs the ioctls of one operation on a control socket; throws HalError naming the interface. */
function withControlSocket(ifname, operation, body) {
    checkIfname(ifname, operation);
    const fd = libc.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        const err = errno();
        throw new HalError(nicDevice(ifname), `${operation}: socket`, err, errnoText(err));
    }
    try {
        return body(fd);
    }
    finally {
        libc.close(fd);
    }
}
function call(fd, ifname, operation, request, req) {
    if (ioctl(fd, request, req) < 0) {
        const err = errno();
        throw new HalError(nicDevice(ifname), operation, err, errnoText(err));
    }
}
/** The interface's index; throws HalError (ENODEV when it does not exist) for `operation`. */
export function ifindexOf(ifname, operation) {
    return withControlSocket(ifname, operation, (fd) => {
        const req = ifreqFor(ifname);
        call(fd, ifname, `${operation}: SIOCGIFINDEX`, SIOCGIFINDEX, req);
        return new DataView(req.buffer).getInt32(16, true);
    });
}
export function readMac(ifname) {
    return withControlSocket(ifname, 'SIOCGIFHWADDR', (fd) => {
        const req = ifreqFor(ifname);
        call(fd, ifname, 'SIOCGIFHWADDR', SIOCGIFHWADDR, req);
        return req.slice(18, 24);
    });
}
export function writeMac(ifname, mac) {
    if (mac.length !== 6) {
        throw new HalError(nicDevice(ifname), 'setMac', E.EINVAL, `MAC of ${mac.length} bytes: must be 6`);
    }
    if ((mac[0] & 1) !== 0) {
        throw new HalError(nicDevice(ifname), 'setMac', E.EINVAL, `MAC ${formatMac(mac)}: must be unicast`);
    }
    withControlSocket(ifname, 'setMac', (fd) => {
        const req = ifreqFor(ifname);
        new DataView(req.buffer).setUint16(16, ARPHRD_ETHER, true);
        req.set(mac, 18);
        call(fd, ifname, 'setMac: SIOCSIFHWADDR', SIOCSIFHWADDR, req);
    });
}
//# sourceMappingURL=ifreq.js.map