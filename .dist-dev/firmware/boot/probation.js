/** Health is checked on every HA snapshot and at least this often (config sync has no events to wait on). */
const CHECK_EVERY_MS = 1000;
export class Probation {
    o;
    #state = 'none';
    #startedAt = 0;
    #cancel = null;
    #cancelPoll = null;
    #lastWhy = null;
    constructor(o) {
        this.o = o;
    }
    get state() {
        return this.#state;
    }
    /** At boot: logs a rollback the selector made, and starts the trial when this image is on one. */
    start() {
        const { slots, log } = this.o;
        const rolledBack = slots.takeRolledBack();
        if (rolledBack !== null) {
            log.event(`firmware ${slots.describe(rolledBack)} was not confirmed healthy on its trial boot: rolled back to ${slots.describe(slots.running)}`, 'error', { subtype: 'system', fields: { action: 'image-rolled-back' } });
        }
        if (!slots.onTrial())
            return;
        this.#state = 'on-trial';
        this.#startedAt = this.o.now();
        this.o.setProbation(true);
        log.event(`firmware ${slots.describe(slots.running)} on trial: confirmed once joined and in sync, rolled back unless within ${this.o.boundMs / 1000} s`, 'info', { subtype: 'system', fields: { action: 'image-trial' } });
        this.#cancel = this.o.timers.after(this.o.boundMs, () => this.#expire());
        this.#poll();
    }
    #poll() {
        this.#cancelPoll = null;
        this.check();
        if (this.#state === 'on-trial')
            this.#cancelPoll = this.o.timers.after(CHECK_EVERY_MS, () => this.#poll());
    }
    /** Called whenever an input of the health check may have changed. */
    check() {
        if (this.#state !== 'on-trial')
            return;
        const why = this.o.health();
        this.#lastWhy = why;
        if (why === null)
            this.#confirm();
    }
    /** Why the trial image is not healthy yet (null once it is, or with no trial). */
    get waitingFor() {
        return this.#state === 'on-trial' ? this.#lastWhy : null;
    }
    get elapsedMs() {
        return this.#state === 'on-trial' ? this.o.now() - this.#startedAt : 0;
    }
    stop() {
        this.#cancel?.();
        this.#cancel = null;
        this.#cancelPoll?.();
        this.#cancelPoll = null;
    }
    #confirm() {
        const { slots } = this.o;
        this.stop();
        slots.confirm();
        this.#state = 'confirmed';
        this.o.setProbation(false);
        const s = ((this.o.now() - this.#startedAt) / 1000).toFixed(1);
        this.o.log.event(`firmware ${slots.describe(slots.running)} confirmed healthy after ${s} s: it boots from now on, ${slots.describe(slots.inactive)} is the fallback`, 'info', { subtype: 'system', fields: { action: 'image-confirmed' } });
        this.o.onConfirmed?.();
    }
    #expire() {
        this.#cancel = null;
        this.check();
        if (this.#state !== 'on-trial')
            return;
        this.#state = 'failed';
        const { slots } = this.o;
        const why = `firmware ${slots.describe(slots.running)} not healthy within ${this.o.boundMs / 1000} s (${this.#lastWhy}): restarting into ${slots.describe(slots.inactive)}`;
        this.o.log.event(why, 'error', { subtype: 'system', fields: { action: 'image-unhealthy' } });
        this.o.restart(why);
    }
}
//# sourceMappingURL=probation.js.map