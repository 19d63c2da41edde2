/**
 * The clock device for tests of a synchronous poll loop (the heartbeat worker): tickers and a
 * poller on a FakeClock, over a table of fake file descriptors that other fakes put their
 * pollable ends in (hal/nic/nic.fake.ts, hal/ipc/ipc.fake.ts). `Poller.wait` is where fake
 * time moves: it advances the clock to the earliest of its timeout, the next expiry of a
 * watched ticker and the moment a watched fd has something to read (a command, a frame, a link
 * event), then reports readability like poll(2).
 *
 * It fails the way the driver does: a ticker period that is not a finite number > 0 is HalError
 * EINVAL; a watched fd that is closed or unknown ends the wait at once and is never readable
 * (POLLNVAL); fd -1 is ignored; a closed ticker takes nothing. Stricter than the driver, where
 * a mistake would only show as a silent hang: a wait with no timeout that nothing watched can
 * end throws (poll(2) would block the test forever).
 */
import { E, HalError } from '../errors.js';
import { FakeClock } from './clock.fake.js';
/** The process's fake file descriptors, numbered from 100 so they never look like stdio. */
export class FakeFdTable {
    #next = 100;
    #open = new Map();
    open(fd) {
        const n = this.#next++;
        this.#open.set(n, fd);
        return n;
    }
    close(fd) {
        this.#open.delete(fd);
    }
    get(fd) {
        return this.#open.get(fd);
    }
}
const NEVER = Number.POSITIVE_INFINITY;
function checkPeriod(ms) {
    if (!Number.isFinite(ms) || ms <= 0) {
        throw new HalError('clock', 'setPeriod', E.EINVAL, `period ${ms} ms: must be a finite number > 0`);
    }
}
export class FakeTicker {
    device;
    fd;
    #periodMs = 0;
    #nextAt = 0;
    #closed = false;
    constructor(device, periodMs) {
        this.device = device;
        checkPeriod(periodMs);
        this.fd = device.fds.open(this);
        this.setPeriod(periodMs);
    }
    get periodMs() {
        return this.#periodMs;
    }
    get closed() {
        return this.#closed;
    }
    setPeriod(ms) {
        checkPeriod(ms);
        this.#periodMs = ms;
        this.#nextAt = this.device.nowMs() + ms;
    }
    take() {
        const now = this.device.nowMs();
        if (this.#closed || now < this.#nextAt)
            return 0;
        const n = Math.floor((now - this.#nextAt) / this.#periodMs) + 1;
        this.#nextAt += n * this.#periodMs;
        return n;
    }
    readableAt() {
        return this.#closed ? NEVER : this.#nextAt;
    }
    close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.device.fds.close(this.fd);
    }
}
export class FakePoller {
    device;
    #fds = [];
    #readable = [];
    /** How many times wait() was called. */
    waits = 0;
    constructor(device) {
        this.device = device;
    }
    watch(items) {
        this.#fds = items.map((i) => i.fd);
        this.#readable = this.#fds.map(() => false);
    }
    wait(timeoutMs) {
        this.waits++;
        const { clock, fds } = this.device;
        const now = clock.nowMs();
        let due = NEVER;
        let invalid = 0;
        for (const fd of this.#fds) {
            if (fd < 0)
                continue;
            const f = fds.get(fd);
            if (f)
                due = Math.min(due, f.readableAt());
            else
                invalid++;
        }
        if (invalid === 0 && due > now) {
            const until = timeoutMs < 0 ? due : Math.min(due, now + Math.ceil(timeoutMs));
            if (until === NEVER)
                throw new Error('FakePoller.wait: no timeout and nothing watched will become readable (poll(2) would block forever)');
            clock.advanceTo(until);
        }
        const at = clock.nowMs();
        let n = invalid;
        for (let i = 0; i < this.#fds.length; i++) {
            const fd = this.#fds[i] ?? -1;
            const f = fd < 0 ? undefined : fds.get(fd);
            this.#readable[i] = f !== undefined && f.readableAt() <= at;
            if (this.#readable[i])
                n++;
        }
        return n;
    }
    readable(index) {
        return this.#readable[index] ?? false;
    }
}
export class FakeClockDevice {
    clock;
    fds = new FakeFdTable();
    tickers = [];
    pollers = [];
    /** What raiseThreadPriority answers to a valid priority: refused, as for a process without CAP_SYS_NICE. */
    priority = { ok: false, reason: 'sched_setscheduler(SCHED_FIFO): EPERM (operation not permitted)' };
    /** Priorities asked for. */
    priorityAsked = [];
    /** How many times the thread went back to the normal policy. */
    lowered = 0;
    constructor(clock = new FakeClock()) {
        this.clock = clock;
    }
    nowMs() {
        return this.clock.nowMs();
    }
    wallMs() {
        return this.clock.wallMs();
    }
    openTicker(periodMs) {
        const t = new FakeTicker(this, periodMs);
        this.tickers.push(t);
        return t;
    }
    openPoller() {
        const p = new FakePoller(this);
        this.pollers.push(p);
        return p;
    }
    lowerThreadPriority() {
        this.lowered++;
        return { ok: true };
    }
    raiseThreadPriority(priority) {
        this.priorityAsked.push(priority);
        if (!Number.isInteger(priority) || priority < 1 || priority > 99) {
            return { ok: false, reason: `SCHED_FIFO priority ${priority}: must be an integer 1..99` };
        }
        return this.priority;
    }
}
//# sourceMappingURL=clock-device.fake.js.map