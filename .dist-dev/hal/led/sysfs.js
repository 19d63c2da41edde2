/**
 * The sysfs LED class driver: `<root>/<name>/{brightness,max_brightness,trigger,delay_on,delay_off}`.
 *
 * Steady patterns select the `none` trigger and write `brightness` (0 or `max_brightness`); a
 * blink selects the `timer` trigger (which creates `delay_on`/`delay_off`) and writes the two
 * delays. The kernel answers a trigger it does not offer with EINVAL; the driver also reads the
 * trigger back, so a file that took the text without switching (the test rig's stand-in, an
 * odd driver) fails the same way instead of leaving the LED steady.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E, HalError } from '../errors.js';
import { samePattern } from './index.js';
export function createSysfsLeds() {
    return {
        open(root, name) {
            const dir = join(root, name);
            const device = `led ${dir}`;
            const max = Number(attribute(device, dir, 'max_brightness'));
            if (!Number.isInteger(max) || max < 1)
                throw new HalError(device, 'read max_brightness', E.EINVAL, `not a positive integer`);
            let shown = readSysfsLed(dir);
            return {
                name,
                set(pattern) {
                    if (shown && samePattern(pattern, shown))
                        return;
                    show(device, dir, pattern, max);
                    shown = pattern;
                },
            };
        },
    };
}
/**
 * The pattern an LED folder shows now: the selected trigger and the brightness or delays; null
 * while another trigger (heartbeat, mmc0, default-on…) runs the LED.
 */
export function readSysfsLed(dir) {
    const device = `led ${dir}`;
    const trigger = selectedTrigger(attribute(device, dir, 'trigger'));
    if (trigger === 'timer')
        return {
            kind: 'blink',
            onMs: Number(attribute(device, dir, 'delay_on')),
            offMs: Number(attribute(device, dir, 'delay_off')),
        };
    if (trigger !== 'none')
        return null;
    return Number(attribute(device, dir, 'brightness')) > 0 ? { kind: 'on' } : { kind: 'off' };
}
/** The kernel lists every trigger with the selected one in brackets; a bare word is the selection itself. */
export function selectedTrigger(text) {
    return /\[([^\]]+)\]/.exec(text)?.[1] ?? text.trim();
}
function show(device, dir, pattern, max) {
    if (pattern.kind !== 'blink') {
        // `none` first: a brightness written under the timer trigger would only change the blink's level.
        write(device, dir, 'trigger', 'none');
        write(device, dir, 'brightness', pattern.kind === 'on' ? String(max) : '0');
        return;
    }
    write(device, dir, 'trigger', 'timer');
    const selected = selectedTrigger(attribute(device, dir, 'trigger'));
    if (selected !== 'timer')
        throw new HalError(device, 'write trigger timer', E.EINVAL, `the trigger reads back as "${selected}"`);
    write(device, dir, 'delay_on', String(pattern.onMs));
    write(device, dir, 'delay_off', String(pattern.offMs));
}
function attribute(device, dir, file) {
    try {
        return readFileSync(join(dir, file), 'utf8').trim();
    }
    catch (err) {
        throw halError(device, `read ${file}`, err);
    }
}
function write(device, dir, file, text) {
    try {
        writeFileSync(join(dir, file), text);
    }
    catch (err) {
        throw halError(device, `write ${file} ${text}`, err);
    }
}
function halError(device, operation, err) {
    const e = err;
    return new HalError(device, operation, Math.abs(e.errno ?? 0), e.code);
}
//# sourceMappingURL=sysfs.js.map