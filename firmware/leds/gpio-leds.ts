/**
 * The board's GPIO-wired LEDs (`driver: 'gpio'`) as `Led`s. Every LED line of a chip is in one
 * request, held as outputs while the firmware runs: the kernel keeps a line's value only while
 * its request is open. A line has no trigger, so a blink is a timer on the main thread's
 * timers, one per blinking LED, switching its line at `onMs` and `offMs` (a new pattern starts
 * lit, as the kernel's timer trigger does); a steady pattern arms none. Like the sysfs driver,
 * a line is written only when its value changes.
 */
import type { BoardLed } from '../../board/types.js';
import { HalError } from '../../hal/errors.js';
import { type GpioDevice, type GpioLines, type Led, type LedPattern, samePattern } from '../../hal/led/index.js';
import type { Cancel, Timers } from '../time/timers.js';
import { gpioLedId } from './board-leds.js';

/** The consumer label the kernel shows for the lines (gpioinfo). */
const GPIO_CONSUMER = 'tandem';

export interface GpioLedsOptions {
  device: GpioDevice;
  timers: Timers;
  leds: readonly BoardLed[];
  /**
   * A chip whose lines could not be requested (`id` is the chip), or a blink's write that failed
   * in its timer (`id` is the LED's): that blink stops and the LED's next `set` writes again.
   */
  onError(id: string, err: HalError): void;
}

export class GpioLeds {
  readonly #leds = new Map<string, GpioLed>();
  readonly #requests: GpioLines[] = [];

  constructor(o: GpioLedsOptions) {
    for (const [chip, offsets] of linesByChip(o.leds)) {
      let lines: GpioLines;
      try {
        lines = o.device.request(chip, offsets, GPIO_CONSUMER);
      } catch (err) {
        if (!(err instanceof HalError)) throw err;
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
  get leds(): ReadonlyMap<string, Led> {
    return this.#leds;
  }

  /** Cancels every blink and releases the lines (darken them first: a released line keeps its value on most chips). */
  close(): void {
    for (const led of this.#leds.values()) led.stopBlink();
    for (const lines of this.#requests) lines.close();
  }
}

type BlinkPattern = Extract<LedPattern, { kind: 'blink' }>;

class GpioLed implements Led {
  /** The pattern shown; null after a failed write, so the next `set` writes whatever it asks. */
  #shown: LedPattern | null = { kind: 'off' };
  /** What the line is driven to: requested outputs start low; null after a failed write. */
  #high: boolean | null = false;
  #cancel: Cancel | null = null;

  constructor(
    readonly name: string,
    private readonly lines: GpioLines,
    private readonly bit: bigint,
    private readonly timers: Timers,
    private readonly onError: (err: HalError) => void,
  ) {}

  set(pattern: LedPattern): void {
    if (this.#shown && samePattern(pattern, this.#shown)) return;
    this.stopBlink();
    this.#shown = null;
    // A blink with an empty phase is steady, dark without an on phase, as in the kernel's timer trigger.
    if (pattern.kind === 'blink' && pattern.onMs > 0 && pattern.offMs > 0) {
      this.#drive(true);
      this.#arm(pattern, true);
    } else this.#drive(pattern.kind === 'on' || (pattern.kind === 'blink' && pattern.onMs > 0));
    this.#shown = pattern;
  }

  stopBlink(): void {
    this.#cancel?.();
    this.#cancel = null;
  }

  /** After this phase (lit for `onMs`, dark for `offMs`) the line switches and the next phase starts. */
  #arm(pattern: BlinkPattern, lit: boolean): void {
    this.#cancel = this.timers.after(lit ? pattern.onMs : pattern.offMs, () => {
      this.#cancel = null;
      try {
        this.#drive(!lit);
      } catch (err) {
        if (!(err instanceof HalError)) throw err;
        this.#shown = null;
        this.onError(err);
        return;
      }
      this.#arm(pattern, !lit);
    });
  }

  #drive(high: boolean): void {
    if (this.#high === high) return;
    this.#high = null;
    this.lines.set(high ? this.bit : 0n, this.bit);
    this.#high = high;
  }
}

/** The GPIO LEDs' lines per chip, each line once, in the order the board lists them. */
function linesByChip(leds: readonly BoardLed[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const led of leds) {
    if (led.driver !== 'gpio') continue;
    const lines = out.get(led.chip) ?? [];
    out.set(led.chip, lines);
    for (const line of Object.values(led.colours)) if (!lines.includes(line)) lines.push(line);
  }
  return out;
}
