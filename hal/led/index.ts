/**
 * LEDs: the sysfs LED class (/sys/class/leds/<name>/). A pattern is off, steady on, or a blink
 * the kernel's `timer` trigger runs, so blinking costs no user-space timer.
 *
 * GPIO-wired LEDs (the board data's `driver: 'gpio'`) are lines of a GPIO character device
 * (/dev/gpiochipN) held as outputs; a line has no trigger, so their blinking is the firmware's
 * (firmware/leds/gpio-leds.ts). See hal/led/README.md.
 */

export type LedPattern = { kind: 'off' } | { kind: 'on' } | { kind: 'blink'; onMs: number; offMs: number };

export interface Led {
  readonly name: string;
  /**
   * Shows the pattern; writes only when it differs from the one shown. Throws HalError naming
   * the LED and the errno: ENOENT when its folder is gone, EINVAL when the kernel does not offer
   * the `timer` trigger (a blink on such an LED).
   */
  set(pattern: LedPattern): void;
}

export interface LedDevice {
  /** Opens `<root>/<name>`. Throws HalError with ENOENT when the board has no such LED. */
  open(root: string, name: string): Led;
}

/** Lines of one GPIO chip requested as outputs; the kernel holds their values until `close`. */
export interface GpioLines {
  /**
   * Drives the lines whose bits are set in `mask` (bit i is the request's i-th offset) to the
   * matching bits of `values` (1 high). Throws HalError: EINVAL when `mask` names none of the
   * lines, EBADF once closed, ENODEV when the chip is gone.
   */
  set(values: bigint, mask: bigint): void;
  /** Releases the lines; a second call does nothing. */
  close(): void;
}

export interface GpioDevice {
  /**
   * Requests `offsets` of the chip at `chip` (/dev/gpiochipN) as outputs, driven low, labelled
   * `consumer`. Throws HalError: ENOENT when there is no such chip, ENOTTY when the path is not
   * a GPIO chip, EBUSY when another consumer holds one of the lines (or an offset repeats),
   * EINVAL when an offset is beyond the chip's lines.
   */
  request(chip: string, offsets: readonly number[], consumer: string): GpioLines;
}

export function samePattern(a: LedPattern, b: LedPattern): boolean {
  if (a.kind !== 'blink' || b.kind !== 'blink') return a.kind === b.kind;
  return a.onMs === b.onMs && a.offMs === b.offMs;
}
