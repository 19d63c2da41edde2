/**
 * From role lights to the board's LEDs: a board names, per role, one LED per colour it has
 * (board/types.ts). The lit colour's LED takes the pattern and the role's others go dark. A
 * colour the board lacks for a role falls back to the first one it lists, so a board with one
 * LED for a role still shows the pattern. Two roles may share an LED (a board with few LEDs):
 * a lit role wins over a dark one, the earlier role (status, ha, sync) over a later one.
 */
import type { BoardLed } from '../../board/types.js';
import type { LedPattern } from '../../hal/led/index.js';
import type { Blink, LedLight, LedRole } from './patterns.js';

const BLINK: Record<Blink, LedPattern> = {
  steady: { kind: 'on' },
  '1hz': { kind: 'blink', onMs: 500, offMs: 500 },
  '4hz': { kind: 'blink', onMs: 125, offMs: 125 },
};

/** The sysfs LED names the board drives (GPIO lines have no driver yet: hal/led/README.md). */
export function sysfsLedNames(leds: readonly BoardLed[]): string[] {
  const names = leds.filter((l) => l.driver === 'sysfs').flatMap((l) => Object.values(l.colours).map(String));
  return [...new Set(names)];
}

/** Each sysfs LED's pattern for these lights. */
export function boardPatterns(leds: readonly BoardLed[], lights: Record<LedRole, LedLight>): Map<string, LedPattern> {
  const out = new Map<string, LedPattern>(sysfsLedNames(leds).map((n) => [n, { kind: 'off' }]));
  const lit = new Set<string>();
  for (const role of ['status', 'ha', 'sync'] as const) {
    const light = lights[role];
    const led = leds.find((l) => l.role === role && l.driver === 'sysfs');
    if (!light || !led) continue;
    const name = led.colours[light.colour] ?? Object.values(led.colours)[0];
    if (name === undefined || lit.has(String(name))) continue;
    lit.add(String(name));
    out.set(String(name), BLINK[light.blink]);
  }
  return out;
}
