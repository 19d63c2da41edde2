/**
 * Netlink plumbing shared by the drivers that speak it (rtnetlink for the NIC, nfnetlink for
 * conntrack): the message header's constants, alignment, sequence numbers and opening a
 * socket in the calling thread's network namespace.
 */
import { monotonicMs } from './clock/linux.js';
import { HalError } from './errors.js';
import { AF_NETLINK, E, errno, errnoText, libc, POLLIN, SO_RCVBUF, SO_RCVBUFFORCE, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_RAW, SOL_SOCKET, } from './libc.js';
const SOCKADDR_NL_BYTES = 12;
export const ACK_WAIT_MS = 5000;
export const NLMSG_HDR_BYTES = 16;
export const NLMSG_ERROR = 2;
export const NLMSG_DONE = 3;
export const NLM_F_REQUEST = 0x1;
export const NLM_F_MULTI = 0x2;
export const NLM_F_ACK = 0x4;
export const NLM_F_DUMP = 0x300;
export const NLM_F_EXCL = 0x200;
export const NLM_F_CREATE = 0x400;
/**
 * Opens a non-blocking netlink socket of `protocol` subscribed to the multicast `groups`
 * (a bit mask) with a receive buffer of `rcvbufBytes`: SO_RCVBUFFORCE past the system's
 * rmem_max when the process may (CAP_NET_ADMIN), else SO_RCVBUF within it. Returns the fd or
 * -errno.
 */
export function openNetlinkSocket(protocol, groups, rcvbufBytes) {
    const fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd < 0)
        return -errno();
    const size = new Int32Array([rcvbufBytes]);
    if (libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, size, 4) < 0) {
        libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, size, 4);
    }
    // struct sockaddr_nl { u16 family; u16 pad; u32 pid (0: kernel assigns); u32 groups; }
    const addr = new Uint8Array(SOCKADDR_NL_BYTES);
    const view = new DataView(addr.buffer);
    view.setUint16(0, AF_NETLINK, true);
    view.setUint32(8, groups, true);
    if (libc.bind(fd, addr, SOCKADDR_NL_BYTES) < 0) {
        const err = errno();
        libc.close(fd);
        return -err;
    }
    return fd;
}
export function align4(n) {
    return (n + 3) & ~3;
}
let nextSeq = 1;
export function sequence() {
    nextSeq = (nextSeq + 1) >>> 0 || 1;
    return nextSeq;
}
/**
 * One receive buffer per thread (each isolate has its own module instance): a takeover adds
 * several addresses in a row, and a 32 KB allocation per request on the heartbeat worker could
 * start a collection in the middle of it. Replies are consumed before awaitAck returns.
 */
const RECV = new Uint8Array(32 * 1024);
const RECV_VIEW = new DataView(RECV.buffer);
const POLL_FD = new Int32Array(2);
/**
 * Reads from `fd` until the kernel has acked every request of `seqs` and returns each ack's
 * errno (0 on success), in order; every other message goes to `onReply`. Polls while nothing
 * is queued, up to ACK_WAIT_MS, then throws HalError ETIMEDOUT; throws HalError on a failed
 * receive.
 */
export function awaitAcks(fd, seqs, device, operation, onReply) {
    const results = seqs.map(() => Number.NaN);
    let pending = seqs.length;
    const buf = RECV;
    const view = RECV_VIEW;
    const pollfd = POLL_FD;
    pollfd[0] = fd;
    pollfd[1] = POLLIN;
    // On CLOCK_MONOTONIC, so setting the wall clock can neither stretch nor cut the wait; and
    // checked after every read, so replies that never end in our ack cannot hold us past it.
    const deadline = monotonicMs() + ACK_WAIT_MS;
    for (;;) {
        const n = libc.recv(fd, buf, buf.length, 0);
        if (n < 0) {
            const err = errno();
            if (err !== E.EAGAIN && err !== E.EINTR) {
                throw new HalError(device, `${operation}: netlink recv`, err, errnoText(err));
            }
        }
        for (let off = 0; off + NLMSG_HDR_BYTES <= n;) {
            const len = view.getUint32(off, true);
            if (len < NLMSG_HDR_BYTES || off + len > n)
                break;
            const type = view.getUint16(off + 4, true);
            const i = type === NLMSG_ERROR && len >= NLMSG_HDR_BYTES + 4 ? seqs.indexOf(view.getUint32(off + 8, true)) : -1;
            if (i >= 0 && Number.isNaN(results[i])) {
                results[i] = -view.getInt32(off + NLMSG_HDR_BYTES, true);
                if (--pending === 0)
                    return results;
            }
            else {
                onReply?.(buf, off, len);
            }
            off += align4(len);
        }
        const left = deadline - monotonicMs();
        if (left <= 0) {
            throw new HalError(device, operation, E.ETIMEDOUT, `no netlink ack within ${ACK_WAIT_MS} ms`);
        }
        if (n < 0)
            libc.poll(pollfd, 1, Math.ceil(left));
    }
}
//# sourceMappingURL=netlink.js.map