/**
 * A sim board's watchdog: the rig holds the read side of the board's watchdog FIFO and plays
 * the hardware. Every byte is a kick; a 'V' as the last byte written is the magic close that
 * disarms it. Once armed (the first kick after a boot), a board whose process is alive or
 * frozen and sends nothing for the timeout is reset: `onStarved` power-cycles it.
 *
 * A board the rig killed is a board without power: its watchdog is disarmed, so `kill` keeps
 * meaning "this board is gone" until the rig restarts it.
 *
 * The FIFO is opened read-write, so it always has a writer and never reads as EOF between
 * boots, and the firmware's non-blocking open finds a reader.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { RigError } from './errors.js';
import { monotonicMs } from './processes.js';
const MAGIC_CLOSE = 0x56;
const CHECK_EVERY_MS = 200;
export class SimWatchdog {
    path;
    timeoutMs;
    powered;
    onStarved;
    socket = null;
    armed = false;
    lastKickMs = 0;
    timer = null;
    kicks = 0;
    resets = 0;
    constructor(path, timeoutMs, 
    /** Whether the board's process exists (alive or frozen): only a powered board is reset. */
    powered, onStarved) {
        this.path = path;
        this.timeoutMs = timeoutMs;
        this.powered = powered;
        this.onStarved = onStarved;
    }
    open() {
        if (!existsSync(this.path)) {
            const made = spawnSync('mkfifo', ['-m', '0600', this.path], { encoding: 'utf8' });
            if (made.status !== 0)
                throw new RigError(`mkfifo ${this.path}: ${made.stderr.trim() || made.error?.message}`);
        }
        const fd = openSync(this.path, constants.O_RDWR | constants.O_NONBLOCK);
        try {
            this.socket = new Socket({ fd, readable: true, writable: false });
        }
        catch (e) {
            closeSync(fd);
            throw e;
        }
        this.socket.on('data', (chunk) => this.written(chunk));
        this.socket.on('error', () => { });
        this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    }
    /** A boot (or a power loss): disarmed until the firmware's first kick. */
    rebooted() {
        this.armed = false;
    }
    written(chunk) {
        this.kicks += chunk.length;
        this.lastKickMs = monotonicMs();
        this.armed = chunk[chunk.length - 1] !== MAGIC_CLOSE;
    }
    check() {
        if (!this.armed)
            return;
        if (!this.powered()) {
            this.armed = false;
            return;
        }
        const silentMs = monotonicMs() - this.lastKickMs;
        if (silentMs <= this.timeoutMs)
            return;
        this.armed = false;
        this.resets++;
        this.onStarved(silentMs);
    }
    close() {
        if (this.timer)
            clearInterval(this.timer);
        this.socket?.destroy();
        this.socket = null;
    }
}
//# sourceMappingURL=sim-watchdog.js.map