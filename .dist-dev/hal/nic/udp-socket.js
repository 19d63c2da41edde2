/**
 * UdpPort: a non-blocking IPv4 UDP socket bound to 0.0.0.0:port (unicast heartbeat fallback).
 *
 * The destination's sockaddr_in is kept and re-encoded only when the address or port changes,
 * so sending to the same peer again and again allocates nothing.
 */
import { writeIpv4 } from '../../lib/ip-text.js';
import { HalError } from '../errors.js';
import { AF_INET, E, errno, errnoText, libc, SOCK_CLOEXEC, SOCK_DGRAM, SOCK_NONBLOCK } from '../libc.js';
import { DatagramSocket } from './datagram-socket.js';
const SOCKADDR_IN_BYTES = 16;
/** struct sockaddr_in { u16 family; be16 port; be32 addr; u8 zero[8]; }; false when `ipv4` is not a dotted quad. */
function encodeSockaddrIn(into, ipv4, port) {
    const view = new DataView(into.buffer, into.byteOffset, SOCKADDR_IN_BYTES);
    view.setUint16(0, AF_INET, true);
    view.setUint16(2, port, false);
    return writeIpv4(into, 4, ipv4);
}
class InetUdpPort extends DatagramSocket {
    dest = new Uint8Array(SOCKADDR_IN_BYTES);
    destIp = '';
    destPort = -1;
    sendTo(ipv4, port, data, length) {
        if (this.closed)
            return this.failed(E.EBADF);
        if (!(length >= 0 && length <= data.byteLength))
            return this.failed(E.EINVAL);
        if (ipv4 !== this.destIp || port !== this.destPort) {
            if (!Number.isInteger(port) || port < 1 || port > 0xffff)
                return this.failed(E.EINVAL);
            if (!encodeSockaddrIn(this.dest, ipv4, port)) {
                // The half-written address must not be reused for the previous destination.
                this.destIp = '';
                return this.failed(E.EINVAL);
            }
            this.destIp = ipv4;
            this.destPort = port;
        }
        if (libc.sendto(this.fd, data, length, 0, this.dest, SOCKADDR_IN_BYTES) === length)
            return this.sent();
        return this.failed(errno() || E.EINVAL);
    }
}
export function openUdpPort(port, address = '0.0.0.0') {
    const device = `nic udp/${port}`;
    if (!Number.isInteger(port) || port < 0 || port > 0xffff) {
        throw new HalError(device, 'openUdp', E.EINVAL, `port ${port}: must be an integer 0..65535 (0: any free port)`);
    }
    const fd = libc.socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        const err = errno();
        throw new HalError(device, 'openUdp: socket', err, errnoText(err));
    }
    const addr = new Uint8Array(SOCKADDR_IN_BYTES);
    encodeSockaddrIn(addr, address, port);
    if (libc.bind(fd, addr, SOCKADDR_IN_BYTES) < 0) {
        const err = errno();
        libc.close(fd);
        throw new HalError(device, 'openUdp: bind', err, errnoText(err));
    }
    return new InetUdpPort(fd);
}
//# sourceMappingURL=udp-socket.js.map