/**
 * sd_notify(3) through koffi, since Node has no AF_UNIX datagram sockets: one unconnected
 * datagram socket per notifier (per thread: koffi's bindings live per isolate), each
 * notification one sendto(2) to the manager's address.
 *
 * MSG_DONTWAIT because a datagram to a unix socket whose queue is full blocks the sender
 * (net.unix.max_dgram_qlen, 10 by default): a manager that does not read must cost a reported
 * EAGAIN, never a stuck keeper thread. MSG_NOSIGNAL as everywhere a peer may be gone.
 */
import { HalError } from '../errors.js';
import { AF_UNIX, errno, errnoText, libc, SOCK_CLOEXEC, SOCK_DGRAM } from '../libc.js';
import { notifySunPath } from './address.js';
import { SILENT_NOTIFIER } from './index.js';
const MSG_DONTWAIT = 0x40;
const MSG_NOSIGNAL = 0x4000;
/** sockaddr_un: sa_family_t (an unsigned short in host byte order on every architecture), then sun_path. */
const SUN_PATH_OFFSET = 2;
/** The sockaddr_un for `socket`, exactly as long as the address length says. */
function sockaddrUn(socket) {
    const path = notifySunPath(socket);
    const addr = new Uint8Array(SUN_PATH_OFFSET + path.length);
    new Uint16Array(addr.buffer, 0, 1)[0] = AF_UNIX;
    addr.set(path, SUN_PATH_OFFSET);
    return addr;
}
export function createLinuxNotify() {
    return {
        open(socket) {
            if (!socket)
                return SILENT_NOTIFIER;
            const addr = sockaddrUn(socket);
            const fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                const err = errno();
                throw new HalError(`notify ${socket}`, 'socket', err, errnoText(err));
            }
            return linuxNotifier(socket, fd, addr);
        },
    };
}
function linuxNotifier(socket, fd, addr) {
    const encoder = new TextEncoder();
    let open = true;
    return {
        socket,
        send(state) {
            if (!open)
                return 0;
            const bytes = encoder.encode(state);
            const n = libc.sendto(fd, bytes, bytes.length, MSG_DONTWAIT | MSG_NOSIGNAL, addr, addr.length);
            return n >= 0 ? 0 : errno();
        },
        close() {
            if (!open)
                return;
            open = false;
            libc.close(fd);
        },
    };
}
//# sourceMappingURL=linux.js.map