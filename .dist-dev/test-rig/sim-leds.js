/**
 * The sim boards' LEDs: folders shaped like the sysfs LED class under each board's `ledRoot`
 * (made dark at every boot, before the firmware opens them, and at a power loss), and what they show at a given moment,
 * as the live view and the scenarios read them back. A blink's phase starts when the trigger
 * or a delay was last written, as the kernel's timer trigger restarts then.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { simBoard } from '../board/sim/index.js';
import { readSysfsLed } from '../hal/led/sysfs.js';
import { makeSysfsLed } from '../hal/led/sysfs-folder.testkit.js';
import { boardDir } from './paths.js';
/** The board definition the rig's board `letter` runs with (its LEDs and their folder). */
export function rigBoardLeds(rig, letter) {
    return simBoard({ dir: boardDir(rig, letter), serial: '', tty: '' });
}
/** Makes the board's LED folders, or resets them: dark, no trigger, as after power-on. */
export function resetSimLeds(board) {
    for (const led of board.leds)
        for (const name of Object.values(led.colours))
            makeSysfsLed(board.ledRoot, String(name));
}
export function readSimLeds(board) {
    return board.leds.flatMap((led) => Object.entries(led.colours).map(([colour, id]) => {
        const dir = join(board.ledRoot, String(id));
        try {
            const sinceMs = Math.max(...['trigger', 'delay_on', 'delay_off'].map((f) => statSync(join(dir, f)).mtimeMs));
            return { role: led.role, colour, name: String(id), pattern: readSysfsLed(dir), sinceMs };
        }
        catch {
            return { role: led.role, colour, name: String(id), pattern: null, sinceMs: 0 };
        }
    }));
}
/** Whether the LED is lit at wall-clock `nowMs`: steady on, or inside a blink's on phase. */
export function litAt(led, nowMs) {
    const p = led.pattern;
    if (!p || p.kind === 'off')
        return false;
    if (p.kind === 'on')
        return true;
    const period = p.onMs + p.offMs;
    if (!(period > 0))
        return p.onMs > 0;
    return (((nowMs - led.sinceMs) % period) + period) % period < p.onMs;
}
//# sourceMappingURL=sim-leds.js.map