/**
 * The boot state the boot selector (scripts/tandem-boot) and the firmware share: which A/B
 * slot boots, which holds an image on trial, how often that image has booted, and which trial
 * image the selector gave up on. Lines of `key=value`, read as the selector reads them: an
 * unknown key or a bad value is ignored and the default stands, so both sides always agree on
 * what a damaged file means.
 */
import { join } from 'node:path';
export const SLOTS = ['a', 'b'];
export const BOOT_STATE_FILE = 'boot-state';
export const FRESH_BOOT_STATE = { active: 'a', trial: null, tries: 0, rolledBack: null };
const slotOf = (v) => (v === 'a' || v === 'b' ? v : null);
export function otherSlot(slot) {
    return slot === 'a' ? 'b' : 'a';
}
export function slotDir(bootDir, slot) {
    return join(bootDir, `slot-${slot}`);
}
export function parseBootState(text) {
    const s = { ...FRESH_BOOT_STATE };
    for (const line of (text ?? '').split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const key = line.slice(0, eq);
        const value = line.slice(eq + 1);
        if (key === 'active')
            s.active = slotOf(value) ?? s.active;
        else if (key === 'trial')
            s.trial = slotOf(value) ?? s.trial;
        else if (key === 'tries' && /^[0-9]$/.test(value))
            s.tries = Number(value);
        else if (key === 'rolled_back')
            s.rolledBack = slotOf(value) ?? s.rolledBack;
    }
    if (s.trial === s.active)
        s.trial = null;
    return s;
}
export function renderBootState(s) {
    return `active=${s.active}\ntrial=${s.trial ?? ''}\ntries=${s.tries}\nrolled_back=${s.rolledBack ?? ''}\n`;
}
//# sourceMappingURL=boot-state.js.map