/**
 * The sim boards' LEDs: folders shaped like the sysfs LED class under each board's `ledRoot`
 * (made dark at every boot, before the firmware opens them, and at a power loss), and what they show at a given moment,
 * as the live view and the scenarios read them back. A blink's phase starts when the trigger
 * or a delay was last written, as the kernel's timer trigger restarts then.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { simBoard } from '../board/sim/index.js';
import type { BoardDefinition } from '../board/types.js';
import type { LedColour, LedRole } from '../firmware/leds/patterns.js';
import type { LedPattern } from '../hal/led/index.js';
import { readSysfsLed } from '../hal/led/sysfs.js';
import { makeSysfsLed } from '../hal/led/sysfs-folder.testkit.js';
import { type BoardLetter, boardDir } from './paths.js';

export interface SimLed {
  role: LedRole;
  colour: LedColour;
  name: string;
  /** Null when the folder cannot be read (not made yet, being rewritten) or another trigger runs it. */
  pattern: LedPattern | null;
  /** Wall-clock ms of the last write to its trigger or delays: where a blink's phase starts. */
  sinceMs: number;
}

/** The board definition the rig's board `letter` runs with (its LEDs and their folder). */
export function rigBoardLeds(rig: string, letter: BoardLetter): Pick<BoardDefinition, 'leds' | 'ledRoot'> {
  return simBoard({ dir: boardDir(rig, letter), serial: '', tty: '' });
}

/** Makes the board's LED folders, or resets them: dark, no trigger, as after power-on. */
export function resetSimLeds(board: Pick<BoardDefinition, 'leds' | 'ledRoot'>): void {
  for (const led of board.leds) for (const name of Object.values(led.colours)) makeSysfsLed(board.ledRoot, String(name));
}

export function readSimLeds(board: Pick<BoardDefinition, 'leds' | 'ledRoot'>): SimLed[] {
  return board.leds.flatMap((led) =>
    (Object.entries(led.colours) as [LedColour, string | number][]).map(([colour, id]) => {
      const dir = join(board.ledRoot, String(id));
      try {
        const sinceMs = Math.max(...['trigger', 'delay_on', 'delay_off'].map((f) => statSync(join(dir, f)).mtimeMs));
        return { role: led.role, colour, name: String(id), pattern: readSysfsLed(dir), sinceMs };
      } catch {
        return { role: led.role, colour, name: String(id), pattern: null, sinceMs: 0 };
      }
    }),
  );
}

/** Whether the LED is lit at wall-clock `nowMs`: steady on, or inside a blink's on phase. */
export function litAt(led: SimLed, nowMs: number): boolean {
  const p = led.pattern;
  if (!p || p.kind === 'off') return false;
  if (p.kind === 'on') return true;
  const period = p.onMs + p.offMs;
  if (!(period > 0)) return p.onMs > 0;
  return (((nowMs - led.sinceMs) % period) + period) % period < p.onMs;
}
