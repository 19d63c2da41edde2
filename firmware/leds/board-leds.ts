/**
 * From role lights to the board's LEDs: a board names, per role, one LED per colour it has
 * (board/types.ts). The lit colour's LED takes the pattern and the role's others go dark. A
 * colour the board lacks for a role falls back to the first one it lists, so a board with one
 * LED for a role still shows the pattern. Two roles may share an LED (a board with few LEDs):
 * a lit role wins over a dark one, the earlier role (status, ha, sync) over a later one.
 *
 * An LED is known by an id: a sysfs LED by its name, a GPIO LED by its chip and line.
 */
import type { BoardLed } from '../../board/types.js';
import type { LedPattern } from '../../hal/led/index.js';
import type { Blink, LedColour, LedLight, LedRole } from './patterns.js';

const BLINK: Record<Blink, LedPattern> = {
  steady: { kind: 'on' },
  '1hz': { kind: 'blink', onMs: 500, offMs: 500 },
  '4hz': { kind: 'blink', onMs: 125, offMs: 125 },
};

/** A GPIO LED's id, "/dev/gpiochip0:17": never a sysfs LED's name, which holds no '/'. */
export function gpioLedId(chip: string, line: number): string {
  return `${chip}:${line}`;
}

/** The sysfs LED names the board drives. */
export function sysfsLedNames(leds: readonly BoardLed[]): string[] {
  const names = leds.flatMap((l) => (l.driver === 'sysfs' ? Object.values(l.colours) : []));
  return [...new Set(names)];
}

/** Every LED's id, sysfs and GPIO, each once. */
export function ledIds(leds: readonly BoardLed[]): string[] {
  return [...new Set(leds.flatMap((l) => colourIds(l).map(([, id]) => id)))];
}

/** Each LED's pattern for these lights, by id. */
export function boardPatterns(leds: readonly BoardLed[], lights: Record<LedRole, LedLight>): Map<string, LedPattern> {
  const out = new Map<string, LedPattern>(ledIds(leds).map((id) => [id, { kind: 'off' }]));
  const lit = new Set<string>();
  for (const role of ['status', 'ha', 'sync'] as const) {
    const light = lights[role];
    const led = leds.find((l) => l.role === role);
    if (!light || !led) continue;
    const ids = colourIds(led);
    const id = (ids.find(([colour]) => colour === light.colour) ?? ids[0])?.[1];
    if (id === undefined || lit.has(id)) continue;
    lit.add(id);
    out.set(id, BLINK[light.blink]);
  }
  return out;
}

/** A board LED's colours and their LEDs' ids, in the order the board lists them. */
function colourIds(led: BoardLed): [LedColour, string][] {
  if (led.driver === 'sysfs') return Object.entries(led.colours) as [LedColour, string][];
  return (Object.entries(led.colours) as [LedColour, number][]).map(([colour, line]) => [colour, gpioLedId(led.chip, line)]);
}
