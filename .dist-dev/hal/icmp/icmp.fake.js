import { HalError } from '../errors.js';
export class FakePinger {
    device;
    ifname;
    source;
    id;
    fd = -1;
    counters = { sent: 0, sendErrors: 0, lastSendErrno: 0, received: 0, ignored: 0 };
    probes = [];
    closed = false;
    queued = [];
    constructor(device, ifname, source, id) {
        this.device = device;
        this.ifname = ifname;
        this.source = source;
        this.id = id;
    }
    send(dst, seq) {
        if (this.closed || this.device.sendFails) {
            this.counters.sendErrors++;
            return false;
        }
        this.counters.sent++;
        this.probes.push({ dst, seq });
        const rttMs = this.device.rttMs;
        if (this.device.reachable.has(dst))
            this.queued.push({ from: dst, seq, rttMs, atMs: this.device.clock.nowMs() + rttMs });
        return true;
    }
    /** The replies that have arrived by now. */
    receive() {
        if (this.closed)
            return [];
        const now = this.device.clock.nowMs();
        const out = this.queued.filter((r) => r.atMs <= now).map(({ atMs: _, ...r }) => r);
        this.queued = this.queued.filter((r) => r.atMs > now);
        this.counters.received += out.length;
        return out;
    }
    close() {
        this.closed = true;
    }
}
export class FakeIcmp {
    clock;
    constructor(clock) {
        this.clock = clock;
    }
    /** Servers that answer, `rttMs` after the probe; a probe to any other is lost. */
    reachable = new Set();
    rttMs = 1.5;
    /** Every send fails (no source address yet, no route). */
    sendFails = false;
    /** When set, openPinger throws a HalError with this errno. */
    openErrno = 0;
    opened = [];
    openPinger(options) {
        if (this.openErrno) {
            throw new HalError(`icmp ${options.ifname}`, 'openPinger: SO_BINDTODEVICE', this.openErrno, 'ENODEV (No such device)');
        }
        const p = new FakePinger(this, options.ifname, options.source, options.id);
        this.opened.push(p);
        return p;
    }
    /** The pingers still open. */
    get open() {
        return this.opened.filter((p) => !p.closed);
    }
}
//# sourceMappingURL=icmp.fake.js.map