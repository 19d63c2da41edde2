/**
 * The Linux watchdog driver: /dev/watchdogN through write(2) and the WDIOC_* ioctls.
 *
 * A device that refuses the ioctls with ENOTTY (the test rig's FIFO stands in for the device)
 * is kicked by a write, which every Linux watchdog also accepts as a keepalive.
 */
import { closeSync, constants, openSync, readFileSync } from 'node:fs';
import { HalError } from '../errors.js';
import { errno, errnoText, ioctl, libc } from '../libc.js';
/** _IOR('W', 5, int), _IOWR('W', 6, int) from linux/watchdog.h (the generic ioctl encoding). */
const WDIOC_KEEPALIVE = 0x80045705;
const WDIOC_SETTIMEOUT = 0xc0045706;
const ENOTTY = 25;
const KEEPALIVE = new Uint8Array([0x6b]);
const MAGIC_CLOSE = new Uint8Array([0x56]);
export function createLinuxWatchdog() {
    return {
        open(path, timeoutS) {
            let fd;
            try {
                // Non-blocking: a FIFO without its reader fails at once (ENXIO) instead of hanging boot.
                // (libuv adds O_CLOEXEC itself.)
                fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
            }
            catch (err) {
                const e = err;
                throw new HalError(`watchdog ${path}`, 'open', -(e.errno ?? 0), e.code);
            }
            const timeout = new Int32Array([timeoutS]);
            let granted = null;
            if (ioctl(fd, WDIOC_SETTIMEOUT, timeout) === 0)
                granted = timeout[0] ?? timeoutS;
            else {
                const err = errno();
                if (err !== ENOTTY) {
                    closeSync(fd);
                    throw new HalError(`watchdog ${path}`, `WDIOC_SETTIMEOUT ${timeoutS} s`, err, errnoText(err));
                }
            }
            return linuxWatchdog(fd, granted);
        },
        bootStatus(path) {
            try {
                const text = readFileSync(path, 'utf8').trim();
                return /^\d+$/.test(text) ? Number(text) : undefined;
            }
            catch {
                return undefined;
            }
        },
    };
}
function linuxWatchdog(fd, timeoutS) {
    const arg = new Int32Array(1);
    let open = true;
    return {
        timeoutS,
        kick() {
            if (!open)
                return 0;
            const ok = timeoutS !== null ? ioctl(fd, WDIOC_KEEPALIVE, arg) === 0 : libc.write(fd, KEEPALIVE, 1) === 1;
            return ok ? 0 : errno();
        },
        close() {
            if (!open)
                return;
            open = false;
            libc.write(fd, MAGIC_CLOSE, 1);
            libc.close(fd);
        },
    };
}
//# sourceMappingURL=linux.js.map