/**
 * A pseudo-terminal whose master this process holds: the test rig's end of a board console.
 *
 * The master is read and written through a tty.ReadStream (libuv's tty handle; net.Socket
 * refuses a TTY fd on Node 20), whose writes are queued and non-blocking.
 * The pty also keeps its own slave fd open, never read: without it the master reads EIO and
 * the stream dies as soon as the firmware closes the slave, so a console would not survive a
 * board restart. That slave fd is set raw at once, so bytes typed before the firmware opens
 * the line are neither echoed nor held for a newline.
 */
import { closeSync, constants, openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { HalError } from '../errors.js';
import { errno, errnoText, libc, O_CLOEXEC, O_NOCTTY, O_RDWR, TCSANOW } from '../libc.js';
/** glibc's struct termios is 60 bytes; cfmakeraw only edits flags and c_cc inside it. */
const TERMIOS_BYTES = 64;
function fail(master, operation) {
    const err = errno();
    if (master >= 0)
        libc.close(master);
    throw new HalError('pty', operation, err, errnoText(err));
}
function makeRaw(fd) {
    const termios = new Uint8Array(TERMIOS_BYTES);
    if (libc.tcgetattr(fd, termios) < 0)
        return false;
    libc.cfmakeraw(termios);
    return libc.tcsetattr(fd, TCSANOW, termios) === 0;
}
export function openPty() {
    const master = libc.posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0)
        fail(master, 'posix_openpt');
    if (libc.grantpt(master) < 0)
        fail(master, 'grantpt');
    if (libc.unlockpt(master) < 0)
        fail(master, 'unlockpt');
    const name = Buffer.alloc(128);
    if (libc.ptsname_r(master, name, name.length) !== 0)
        fail(master, 'ptsname_r');
    const path = name.toString('utf8', 0, name.indexOf(0));
    let slave;
    try {
        slave = openSync(path, constants.O_RDWR | constants.O_NOCTTY);
    }
    catch (err) {
        libc.close(master);
        throw new HalError('pty', `open ${path}`, -(err.errno ?? 0), String(err));
    }
    if (!makeRaw(slave)) {
        closeSync(slave);
        fail(master, `raw mode on ${path}`);
    }
    const stream = new ReadStream(master);
    const handlers = [];
    stream.on('data', (chunk) => {
        for (const handler of handlers)
            handler(chunk);
    });
    // EIO cannot happen while the slave fd is held; any other error ends the console quietly.
    stream.on('error', () => undefined);
    let closed = false;
    return {
        path,
        write(data) {
            if (!closed)
                stream.write(data);
        },
        onData(handler) {
            handlers.push(handler);
        },
        close() {
            if (closed)
                return;
            closed = true;
            stream.destroy();
            closeSync(slave);
        },
    };
}
//# sourceMappingURL=pty.js.map