/**
 * Linux clock driver: CLOCK_MONOTONIC and CLOCK_REALTIME time, timerfd tickers and a poll(2)
 * loop.
 *
 * Tickers and pollers keep their buffers from construction on: the heartbeat worker
 * calls `wait` and `take` every few milliseconds and must not feed the garbage collector.
 */
import { HalError } from '../errors.js';
import { CLOCK_MONOTONIC, CLOCK_REALTIME, E, errno, errnoText, libc, O_CLOEXEC, O_NONBLOCK, POLLERR, POLLHUP, POLLIN, SCHED_FIFO, SCHED_OTHER, timespecMs, } from '../libc.js';
const DEVICE = 'clock';
const READABLE = POLLIN | POLLERR | POLLHUP;
const POLLFD_BYTES = 8;
const INT_MAX = 0x7fffffff;
/** CLOCK_MONOTONIC milliseconds: process.hrtime is uv_hrtime, which reads it on Linux. */
export function monotonicMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}
/** One per thread (a module instance per isolate), so reading the wall clock allocates nothing. */
const realtime = new BigInt64Array(2);
function wallMs() {
    if (libc.clock_gettime(CLOCK_REALTIME, realtime) < 0)
        fail('clock_gettime(CLOCK_REALTIME)');
    return timespecMs(realtime);
}
function fail(operation, detail) {
    const err = errno();
    throw new HalError(DEVICE, operation, err, detail ?? errnoText(err));
}
function checkPeriod(ms) {
    if (!Number.isFinite(ms) || ms <= 0) {
        throw new HalError(DEVICE, 'setPeriod', E.EINVAL, `period ${ms} ms: must be a finite number > 0`);
    }
}
class TimerfdTicker {
    fd;
    spec = new BigInt64Array(4);
    count = new BigUint64Array(1);
    closed = false;
    constructor(periodMs) {
        checkPeriod(periodMs);
        this.fd = libc.timerfd_create(CLOCK_MONOTONIC, O_NONBLOCK | O_CLOEXEC);
        if (this.fd < 0)
            fail('timerfd_create');
        try {
            this.setPeriod(periodMs);
        }
        catch (err) {
            libc.close(this.fd);
            throw err;
        }
    }
    setPeriod(ms) {
        checkPeriod(ms);
        const ns = BigInt(Math.round(ms * 1e6));
        const sec = ns / 1000000000n;
        const nsec = ns % 1000000000n;
        // struct itimerspec { it_interval; it_value; }, both relative to now.
        this.spec[0] = sec;
        this.spec[1] = nsec;
        this.spec[2] = sec;
        this.spec[3] = nsec;
        if (libc.timerfd_settime(this.fd, 0, this.spec, null) < 0)
            fail('timerfd_settime');
        // Expirations of the old period no longer mean anything.
        this.take();
    }
    take() {
        if (this.closed)
            return 0;
        const n = libc.read(this.fd, this.count, 8);
        return n === 8 ? Number(this.count[0]) : 0;
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        libc.close(this.fd);
    }
}
class PollPoller {
    pollfds = new Uint8Array(0);
    fds = new Int32Array(0);
    events = new Int16Array(0);
    count = 0;
    watch(items) {
        if (items.length * POLLFD_BYTES > this.pollfds.byteLength) {
            const buffer = new ArrayBuffer(items.length * POLLFD_BYTES);
            this.pollfds = new Uint8Array(buffer);
            this.fds = new Int32Array(buffer);
            this.events = new Int16Array(buffer);
        }
        this.count = items.length;
        // struct pollfd { int fd; short events; short revents; }
        for (let i = 0; i < items.length; i++) {
            this.fds[i * 2] = items[i].fd;
            this.events[i * 4 + 2] = POLLIN;
            this.events[i * 4 + 3] = 0;
        }
    }
    wait(timeoutMs) {
        const timeout = timeoutMs < 0 ? -1 : Math.min(Math.ceil(timeoutMs), INT_MAX);
        const n = libc.poll(this.pollfds, this.count, timeout);
        if (n >= 0)
            return n;
        const err = errno();
        for (let i = 0; i < this.count; i++)
            this.events[i * 4 + 3] = 0;
        if (err === E.EINTR || err === E.ENOMEM || err === E.EAGAIN)
            return 0;
        return fail('poll');
    }
    readable(index) {
        return index >= 0 && index < this.count && (this.events[index * 4 + 3] & READABLE) !== 0;
    }
}
function raiseThreadPriority(priority) {
    if (!Number.isInteger(priority) || priority < 1 || priority > 99) {
        return { ok: false, reason: `SCHED_FIFO priority ${priority}: must be an integer 1..99` };
    }
    // pid 0 is the calling thread: scheduling policy is per thread on Linux.
    if (libc.sched_setscheduler(0, SCHED_FIFO, new Int32Array([priority])) === 0)
        return { ok: true };
    return { ok: false, reason: `sched_setscheduler(SCHED_FIFO, ${priority}): ${errnoText(errno())}` };
}
function lowerThreadPriority() {
    if (libc.sched_setscheduler(0, SCHED_OTHER, new Int32Array([0])) === 0)
        return { ok: true };
    return { ok: false, reason: `sched_setscheduler(SCHED_OTHER): ${errnoText(errno())}` };
}
export function createLinuxClock() {
    return {
        nowMs: monotonicMs,
        wallMs,
        openTicker: (periodMs) => new TimerfdTicker(periodMs),
        openPoller: () => new PollPoller(),
        raiseThreadPriority,
        lowerThreadPriority,
    };
}
//# sourceMappingURL=linux.js.map