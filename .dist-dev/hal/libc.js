/**
 * The libc calls the Linux drivers make, bound once per thread through koffi (a module instance
 * lives per isolate, so each worker that imports this loads its own bindings).
 *
 * Memory arguments are declared `void *` and take Uint8Array/typed-array views: koffi passes the
 * view's own memory (offset included), so the kernel reads and writes JS buffers directly and a
 * call allocates nothing. Sizes returned as ssize_t come back as numbers.
 */
import { getSystemErrorName } from 'node:util';
import koffi from 'koffi';
import { ABI } from './abi.js';
const lib = koffi.load('libc.so.6');
const ioctlVariadic = lib.func('int ioctl(int fd, unsigned long request, ...)');
export const libc = {
    socket: lib.func('int socket(int domain, int type, int protocol)'),
    bind: lib.func('int bind(int fd, void *addr, uint32_t addrlen)'),
    send: lib.func('long send(int fd, void *buf, size_t len, int flags)'),
    sendto: lib.func('long sendto(int fd, void *buf, size_t len, int flags, void *addr, uint32_t addrlen)'),
    recv: lib.func('long recv(int fd, void *buf, size_t len, int flags)'),
    recvmmsg: lib.func('int recvmmsg(int fd, void *msgvec, unsigned int vlen, int flags, void *timeout)'),
    setsockopt: lib.func('int setsockopt(int fd, int level, int name, void *value, uint32_t len)'),
    getsockopt: lib.func('int getsockopt(int fd, int level, int name, void *value, void *len)'),
    close: lib.func('int close(int fd)'),
    read: lib.func('long read(int fd, void *buf, size_t len)'),
    write: lib.func('long write(int fd, void *buf, size_t len)'),
    poll: lib.func('int poll(void *fds, unsigned long nfds, int timeout)'),
    timerfd_create: lib.func('int timerfd_create(int clockid, int flags)'),
    timerfd_settime: lib.func(`int ${ABI.timerfdSettime}(int fd, int flags, void *value, void *old)`),
    eventfd: lib.func('int eventfd(unsigned int initval, int flags)'),
    clock_gettime: lib.func(`int ${ABI.clockGettime}(int clockid, void *ts)`),
    if_nametoindex: lib.func('unsigned int if_nametoindex(const char *name)'),
    sched_setscheduler: lib.func('int sched_setscheduler(int pid, int policy, void *param)'),
    setns: lib.func('int setns(int fd, int nstype)'),
    posix_openpt: lib.func('int posix_openpt(int flags)'),
    grantpt: lib.func('int grantpt(int fd)'),
    unlockpt: lib.func('int unlockpt(int fd)'),
    ptsname_r: lib.func('int ptsname_r(int fd, void *buf, size_t len)'),
    tcgetattr: lib.func('int tcgetattr(int fd, void *termios)'),
    tcsetattr: lib.func('int tcsetattr(int fd, int action, void *termios)'),
    cfmakeraw: lib.func('void cfmakeraw(void *termios)'),
    strerror: lib.func('const char *strerror(int errnum)'),
    socketpair: lib.func('int socketpair(int domain, int type, int protocol, void *fds)'),
    memfd_create: lib.func('int memfd_create(const char *name, unsigned int flags)'),
    ftruncate: lib.func('int ftruncate(int fd, long length)'),
    mmap: lib.func('void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset)'),
    prctl: lib.func('int prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5)'),
    getppid: lib.func('int getppid(void)'),
};
export function nativeBuffer(bytes) {
    const ptr = koffi.alloc('uint8_t', bytes);
    return { ptr, address: koffi.address(ptr), view: new Uint8Array(koffi.view(ptr, bytes)) };
}
export function freeNative(buffer) {
    koffi.free(buffer.ptr);
}
/** ioctl with a pointer argument (the request's struct, e.g. an ifreq). */
export function ioctl(fd, request, arg) {
    return ioctlVariadic(fd, request, 'void *', arg);
}
/** errno left by the most recent libc call made on this thread. */
export function errno() {
    return koffi.errno();
}
/** "ENODEV (No such device)" for an errno value. */
export function errnoText(err) {
    let name;
    try {
        name = getSystemErrorName(-err);
    }
    catch {
        name = `errno ${err}`;
    }
    return `${name} (${libc.strerror(err)})`;
}
/**
 * A struct timespec (64-bit seconds, then nanoseconds) in milliseconds. Only the low 32 bits of
 * the nanoseconds are read: on 32-bit ARM glibc's 64-bit timespec has a 32-bit tv_nsec followed
 * by padding it need not clear; on the 64-bit architectures the value fits in those bits.
 */
export function timespecMs(ts) {
    return Number(ts[0]) * 1000 + Number(BigInt.asIntN(32, ts[1])) / 1e6;
}
export function htons(value) {
    return ((value & 0xff) << 8) | ((value >> 8) & 0xff);
}
/** The errno values the drivers test for (hal/errors.ts, where fakes find them without libc). */
export { E } from './errors.js';
export const O_RDWR = 0o2;
export const O_NOCTTY = 0o400;
export const O_NONBLOCK = 0o4000;
export const O_CLOEXEC = 0o2000000;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const SOCK_NONBLOCK = O_NONBLOCK;
export const SOCK_CLOEXEC = O_CLOEXEC;
export const AF_UNIX = 1;
export const AF_INET = 2;
export const AF_INET6 = 10;
export const AF_NETLINK = 16;
export const AF_PACKET = 17;
export const SOL_SOCKET = 1;
export const SO_RCVBUF = 8;
export const SO_RCVBUFFORCE = 33;
export const SOL_PACKET = 263;
export const PACKET_IGNORE_OUTGOING = 23;
export const POLLIN = 0x1;
export const POLLERR = 0x8;
export const POLLHUP = 0x10;
export const CLOCK_REALTIME = 0;
export const CLOCK_MONOTONIC = 1;
export const SCHED_OTHER = 0;
export const SCHED_FIFO = 1;
export const CLONE_NEWNET = 0x40000000;
export const TCSANOW = 0;
//# sourceMappingURL=libc.js.map