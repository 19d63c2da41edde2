import { HalError } from '../../hal/errors.js';
import { boardPatterns, sysfsLedNames } from './board-leds.js';
import { GpioLeds } from './gpio-leds.js';
import { ledLights } from './patterns.js';
export const LED_REFRESH_MS = 1000;
export class LedRuntime {
    #o;
    /** Every LED by id (board-leds.ts). */
    #leds = new Map();
    #gpio;
    /** The last failure logged per LED, so a persistent one is said once. */
    #failed = new Map();
    #sources = null;
    #cancel = () => { };
    #stopped = false;
    constructor(o) {
        this.#o = o;
        for (const name of sysfsLedNames(o.board.leds)) {
            try {
                this.#leds.set(name, o.device.open(o.board.ledRoot, name));
            }
            catch (err) {
                this.#report(name, err);
            }
        }
        this.#gpio = new GpioLeds({
            device: o.gpio,
            timers: o.timers,
            leds: o.board.leds,
            onError: (id, err) => this.#report(id, err),
        });
        for (const [id, led] of this.#gpio.leds)
            this.#leds.set(id, led);
        this.refresh();
    }
    /** From now on the unit runs: the state comes from these sources. */
    running(sources) {
        this.#sources = sources;
        this.refresh();
    }
    /** Shows the current state; the sources call it on every change. Does nothing once stopped. */
    refresh() {
        if (this.#stopped)
            return;
        this.#cancel();
        this.#show(this.#inputs());
        this.#cancel = this.#o.timers.after(LED_REFRESH_MS, () => this.refresh());
    }
    /** Darkens every LED (a stopped firmware must not leave a role lit), then releases the GPIO lines. */
    stop() {
        this.#cancel();
        this.#show(null);
        this.#gpio.close();
        this.#stopped = true;
    }
    #inputs() {
        const s = this.#sources;
        const snap = s?.ha() ?? null;
        return {
            running: s !== null,
            alarm: s?.alarm(),
            ha: snap && {
                enabled: snap.enabled,
                state: snap.state,
                members: snap.members.length,
                refused: snap.refused.length,
                rivals: snap.beacons.rivals.length,
            },
            configSync: s?.configSync() ?? [],
            sessionsReady: s?.sessionsReady() ?? false,
        };
    }
    #show(inputs) {
        const lights = inputs ? ledLights(inputs) : { status: null, ha: null, sync: null };
        for (const [name, pattern] of boardPatterns(this.#o.board.leds, lights)) {
            try {
                this.#leds.get(name)?.set(pattern);
                this.#failed.delete(name);
            }
            catch (err) {
                this.#report(name, err);
            }
        }
    }
    #report(name, err) {
        if (!(err instanceof HalError))
            throw err;
        if (this.#failed.get(name) === err.message)
            return;
        this.#failed.set(name, err.message);
        this.#o.log.event(`LED ${name} cannot be driven: ${err.message}`, 'warn');
    }
}
//# sourceMappingURL=runtime.js.map