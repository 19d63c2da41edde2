/**
 * LEDs: the sysfs LED class (/sys/class/leds/<name>/). A pattern is off, steady on, or a blink
 * the kernel's `timer` trigger runs, so blinking costs no user-space timer.
 *
 * GPIO-wired LEDs (the board data's `driver: 'gpio'`) have no driver yet; see hal/led/README.md.
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

export function samePattern(a: LedPattern, b: LedPattern): boolean {
  if (a.kind !== 'blink' || b.kind !== 'blink') return a.kind === b.kind;
  return a.onMs === b.onMs && a.offMs === b.offMs;
}
