import { unhealthy } from './health.js';
export class WatchdogKeeper {
    d;
    starvingSince = null;
    kickErrno = 0;
    lastPingMs = Number.NEGATIVE_INFINITY;
    pingErrno = 0;
    kicks = 0;
    pings = 0;
    constructor(d) {
        this.d = d;
    }
    get starving() {
        return this.starvingSince !== null;
    }
    /** One kick period: kicks (and pings when a ping is due), or starts or goes on starving the watchdogs. */
    check() {
        const now = this.d.clock.nowMs();
        const why = unhealthy(this.d.stamps, now, this.d.limits);
        if (why !== null) {
            if (this.starvingSince === null) {
                this.starvingSince = now;
                this.d.record('starving', why);
                const reset = this.d.watchdog ? `: the board resets ${this.d.timeoutS} s after the last kick unless it recovers` : '';
                const service = this.d.service;
                const restart = service
                    ? `; the service manager restarts the firmware ${(service.intervalMs / 500).toFixed(1)} s after the last ping`
                    : '';
                this.d.log.event(`watchdog no longer kicked, ${why}${reset}${restart}`, 'error');
            }
            return;
        }
        if (this.starvingSince !== null) {
            const ms = now - this.starvingSince;
            this.starvingSince = null;
            this.d.record('running');
            this.d.log.event(`runtime healthy again after ${(ms / 1000).toFixed(1)} s: watchdog kicked again`, 'warn');
        }
        this.ping(now);
        if (!this.d.watchdog)
            return;
        const err = this.d.watchdog.kick();
        if (err === 0)
            this.kicks++;
        else if (err !== this.kickErrno)
            this.d.log.event(`watchdog kick failed (errno ${err})`, 'error');
        this.kickErrno = err;
    }
    /** WATCHDOG=1 once `intervalMs` has passed since the last ping that went out; a failed one is tried again next period. */
    ping(now) {
        const service = this.d.service;
        if (!service || now - this.lastPingMs < service.intervalMs)
            return;
        const err = service.notifier.send('WATCHDOG=1');
        if (err === 0) {
            this.pings++;
            this.lastPingMs = now;
        }
        else if (err !== this.pingErrno) {
            this.d.log.event(`service manager watchdog ping failed (errno ${err})`, 'error');
        }
        this.pingErrno = err;
    }
}
//# sourceMappingURL=keeper.js.map