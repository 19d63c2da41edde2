import { GarpSchedule } from './garp-schedule.js';
export class GarpRounds {
    timers;
    now;
    burst;
    #schedule;
    #cancel = null;
    constructor(opts, timers, now, burst) {
        this.timers = timers;
        this.now = now;
        this.burst = burst;
        this.#schedule = new GarpSchedule(opts);
    }
    /** New `gratuitous-arps`/`arps`/`arps-interval`; a round under way is abandoned. */
    configure(opts) {
        this.stop();
        this.#schedule = new GarpSchedule(opts);
    }
    /** A round began at `atMs` and its first burst went out then. */
    begin(atMs) {
        this.#schedule.start(atMs);
        this.#schedule.sent(atMs);
        this.#arm();
    }
    stop() {
        this.#schedule.stop();
        this.#cancel?.();
        this.#cancel = null;
    }
    #arm() {
        this.#cancel?.();
        this.#cancel = null;
        const at = this.#schedule.nextAt();
        if (!Number.isFinite(at))
            return;
        this.#cancel = this.timers.after(Math.max(0, at - this.now()), () => {
            this.#cancel = null;
            const now = this.now();
            if (!this.#schedule.due(now))
                return this.#arm();
            this.burst();
            this.#schedule.sent(now);
            this.#arm();
        });
    }
}
//# sourceMappingURL=garp-rounds.js.map