/**
 * Netlink plumbing shared by the drivers that speak it (rtnetlink for the NIC, nfnetlink for
 * conntrack): the message header's constants, alignment, sequence numbers and opening a
 * socket in the calling thread's network namespace.
 */
import { AF_NETLINK, errno, libc, SO_RCVBUF, SO_RCVBUFFORCE, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_RAW, SOL_SOCKET } from './libc.js';

const SOCKADDR_NL_BYTES = 12;

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
export function openNetlinkSocket(protocol: number, groups: number, rcvbufBytes: number): number {
  const fd = libc.socket(AF_NETLINK, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
  if (fd < 0) return -errno();
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

export function align4(n: number): number {
  return (n + 3) & ~3;
}

let nextSeq = 1;
export function sequence(): number {
  nextSeq = (nextSeq + 1) >>> 0 || 1;
  return nextSeq;
}
