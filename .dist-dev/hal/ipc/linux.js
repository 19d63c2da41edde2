/**
 * Linux IPC: stream sockets driven with MSG_DONTWAIT (whatever blocking mode the inherited
 * socket was left in), memfd shared memory mapped through koffi, and PR_SET_PDEATHSIG.
 */
import koffi from 'koffi';
import { MAP_FAILED } from '../abi.js';
import { E, HalError } from '../errors.js';
import { AF_UNIX, errno, errnoText, libc, SOCK_CLOEXEC, SOCK_STREAM, SOL_SOCKET } from '../libc.js';
const DEVICE = 'ipc';
const MSG_DONTWAIT = 0x40;
/** A peer that went away must be an error code, not a SIGPIPE that kills the writer. */
const MSG_NOSIGNAL = 0x4000;
const SO_SNDBUF = 7;
const SO_SNDBUFFORCE = 32;
/** Room for a burst of reports while the main thread is busy (events are small; snapshots ~2 kB). */
const SEND_BUFFER_BYTES = 1 << 20;
const MFD_CLOEXEC = 1;
const PROT_READ_WRITE = 3;
const MAP_SHARED = 1;
const PR_SET_PDEATHSIG = 1;
const SIGKILL = 9;
function fail(operation, err = errno()) {
    throw new HalError(DEVICE, operation, err, errnoText(err));
}
class SocketStream {
    fd;
    constructor(fd) {
        this.fd = fd;
        const size = new Int32Array([SEND_BUFFER_BYTES]);
        if (libc.setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, size, 4) < 0) {
            if (libc.setsockopt(fd, SOL_SOCKET, SO_SNDBUF, size, 4) < 0 && errno() === E.EBADF)
                fail('adopt stream', E.EBADF);
        }
    }
    read(buf) {
        const n = libc.recv(this.fd, buf, buf.length, MSG_DONTWAIT);
        if (n > 0)
            return n;
        if (n === 0)
            return -1;
        const err = errno();
        if (err === E.EAGAIN || err === E.EINTR)
            return 0;
        return -1;
    }
    write(buf, length) {
        const n = libc.send(this.fd, buf, length, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n >= 0)
            return n;
        const err = errno();
        if (err === E.EAGAIN || err === E.EINTR || err === E.ENOBUFS)
            return 0;
        return -1;
    }
    close() {
        if (this.fd < 0)
            return;
        libc.close(this.fd);
        this.fd = -1;
    }
}
function mapShared(fd, bytes) {
    const addr = libc.mmap(null, bytes, PROT_READ_WRITE, MAP_SHARED, fd, 0);
    if (koffi.address(addr) === MAP_FAILED)
        fail('mmap');
    return koffi.view(addr, bytes);
}
export function createLinuxIpc() {
    return {
        adoptStream: (fd) => new SocketStream(fd),
        streamPair: () => {
            const fds = new Int32Array(2);
            if (libc.socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) < 0)
                fail('socketpair');
            return [new SocketStream(fds[0] ?? -1), new SocketStream(fds[1] ?? -1)];
        },
        createSharedMemory: (bytes) => {
            // Close-on-exec: a child gets it only through an explicit stdio slot (dup2 there clears the flag).
            const fd = libc.memfd_create('tandem-shared', MFD_CLOEXEC);
            if (fd < 0)
                fail('memfd_create');
            if (libc.ftruncate(fd, bytes) < 0) {
                const err = errno();
                libc.close(fd);
                fail('ftruncate', err);
            }
            return { fd, buffer: mapShared(fd, bytes) };
        },
        mapSharedMemory: (fd, bytes) => ({ fd, buffer: mapShared(fd, bytes) }),
        dieWithParent: (parentPid) => {
            if (libc.prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0)
                fail('prctl(PR_SET_PDEATHSIG)');
            // The parent may have died before the request: then we were already reparented.
            return libc.getppid() === parentPid;
        },
    };
}
//# sourceMappingURL=linux.js.map