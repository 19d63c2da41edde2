import { HalError } from '../../hal/errors.js';
import { samePattern } from '../../hal/led/index.js';
import { gpioLedId } from './board-leds.js';
/** The consumer label the kernel shows for the lines (gpioinfo). */
const GPIO_CONSUMER = 'tandem';
export class GpioLeds {
    #leds = new Map();
    #requests = [];
    constructor(o) {
        for (const [chip, offsets] of linesByChip(o.leds)) {
            let lines;
            try {
                lines = o.device.request(chip, offsets, GPIO_CONSUMER);
            }
            catch (err) {
                if (!(err instanceof HalError))
                    throw err;
                o.onError(chip, err);
                continue;
            }
            this.#requests.push(lines);
            offsets.forEach((line, i) => {
                const id = gpioLedId(chip, line);
                this.#leds.set(id, new GpioLed(id, lines, 1n << BigInt(i), o.timers, (err) => o.onError(id, err)));
            });
        }
    }
    /** The GPIO LEDs by id (board-leds.ts); those of a chip that could not be requested are missing. */
    get leds() {
        return this.#leds;
    }
    /** Cancels every blink and releases the lines (darken them first: a released line keeps its value on most chips). */
    close() {
        for (const led of this.#leds.values())
            led.stopBlink();
        for (const lines of this.#requests)
            lines.close();
    }
}
class GpioLed {
    name;
    lines;
    bit;
    timers;
    onError;
    /** The pattern shown; null after a failed write, so the next `set` writes whatever it asks. */
    #shown = { kind: 'off' };
    /** What the line is driven to: requested outputs start low; null after a failed write. */
    #high = false;
    #cancel = null;
    constructor(name, lines, bit, timers, onError) {
        this.name = name;
        this.lines = lines;
        this.bit = bit;
        this.timers = timers;
        this.onError = onError;
    }
    set(pattern) {
        if (this.#shown && samePattern(pattern, this.#shown))
            return;
        this.stopBlink();
        this.#shown = null;
        // A blink with an empty phase is steady, dark without an on phase, as in the kernel's timer trigger.
        if (pattern.kind === 'blink' && pattern.onMs > 0 && pattern.offMs > 0) {
            this.#drive(true);
            this.#arm(pattern, true);
        }
        else
            this.#drive(pattern.kind === 'on' || (pattern.kind === 'blink' && pattern.onMs > 0));
        this.#shown = pattern;
    }
    stopBlink() {
        this.#cancel?.();
        this.#cancel = null;
    }
    /** After this phase (lit for `onMs`, dark for `offMs`) the line switches and the next phase starts. */
    #arm(pattern, lit) {
        this.#cancel = this.timers.after(lit ? pattern.onMs : pattern.offMs, () => {
            this.#cancel = null;
            try {
                this.#drive(!lit);
            }
            catch (err) {
                if (!(err instanceof HalError))
                    throw err;
                this.#shown = null;
                this.onError(err);
                return;
            }
            this.#arm(pattern, !lit);
        });
    }
    #drive(high) {
        if (this.#high === high)
            return;
        this.#high = null;
        this.lines.set(high ? this.bit : 0n, this.bit);
        this.#high = high;
    }
}
/** The GPIO LEDs' lines per chip, each line once, in the order the board lists them. */
function linesByChip(leds) {
    const out = new Map();
    for (const led of leds) {
        if (led.driver !== 'gpio')
            continue;
        const lines = out.get(led.chip) ?? [];
        out.set(led.chip, lines);
        for (const line of Object.values(led.colours))
            if (!lines.includes(line))
                lines.push(line);
    }
    return out;
}
//# sourceMappingURL=gpio-leds.js.map