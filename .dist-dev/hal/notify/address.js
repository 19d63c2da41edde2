/**
 * $NOTIFY_SOCKET as the bytes of a `sockaddr_un`'s sun_path, the same way sd_notify(3) reads it:
 * an absolute path is its bytes and the terminating NUL; `@name` is a name in the abstract
 * namespace, a leading NUL and the name's bytes, and the address length counts no trailing NUL
 * (it would be part of the name, and the manager's socket would not be found). Shared by the
 * driver and the fake, so both refuse the same values.
 */
import { E, HalError } from '../errors.js';
/** sizeof(sun_path) on Linux, the same on every architecture. */
export const SUN_PATH_BYTES = 108;
/** The bytes of sun_path that the address length covers. Throws HalError EINVAL or ENAMETOOLONG. */
export function notifySunPath(socket) {
    const device = `notify ${socket}`;
    const abstract = socket.startsWith('@');
    if (!abstract && !socket.startsWith('/')) {
        throw new HalError(device, 'parse NOTIFY_SOCKET', E.EINVAL, 'neither an absolute path nor an abstract name (@name)');
    }
    if (socket === '@')
        throw new HalError(device, 'parse NOTIFY_SOCKET', E.EINVAL, 'an empty abstract name');
    const name = new TextEncoder().encode(abstract ? socket.slice(1) : socket);
    const bytes = new Uint8Array(name.length + 1);
    if (abstract)
        bytes.set(name, 1);
    else
        bytes.set(name, 0);
    if (bytes.length > SUN_PATH_BYTES) {
        throw new HalError(device, 'parse NOTIFY_SOCKET', E.ENAMETOOLONG, `${bytes.length} bytes, sun_path holds ${SUN_PATH_BYTES}`);
    }
    return bytes;
}
//# sourceMappingURL=address.js.map