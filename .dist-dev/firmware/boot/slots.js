/**
 * The board's A/B firmware slots as the firmware sees them: which one runs, what each holds,
 * and the boot state it shares with the boot selector (scripts/tandem-boot, boot-state.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FILE, parseManifest } from '../release/manifest.js';
import { BOOT_STATE_FILE, otherSlot, parseBootState, renderBootState, slotDir } from './boot-state.js';
export class FirmwareSlots {
    dir;
    storage;
    /** The slot this firmware runs from: the selector says so (TANDEM_SLOT); else the active one. */
    running;
    constructor(dir, storage, runningFromEnv) {
        this.dir = dir;
        this.storage = storage;
        this.running = runningFromEnv === 'a' || runningFromEnv === 'b' ? runningFromEnv : this.state().active;
    }
    get statePath() {
        return join(this.dir, BOOT_STATE_FILE);
    }
    state() {
        return parseBootState(this.storage.read(this.statePath));
    }
    /** The slot an install writes: never the running one. */
    get inactive() {
        return otherSlot(this.running);
    }
    path(slot) {
        return slotDir(this.dir, slot);
    }
    /** This boot runs an image that is on trial (installed, not yet confirmed healthy). */
    onTrial() {
        return this.state().trial === this.running;
    }
    /** The running image is good: it boots from now on; the other slot keeps the previous one. */
    confirm() {
        const s = this.state();
        this.write({ ...s, active: this.running, trial: null, tries: 0 });
    }
    /** The image just installed in `slot` boots next, once (the selector counts it). */
    stageTrial(slot) {
        this.write({ ...this.state(), trial: slot, tries: 0 });
    }
    /** The slot the selector rolled back from before this boot, cleared once read. */
    takeRolledBack() {
        const s = this.state();
        if (s.rolledBack === null)
            return null;
        this.write({ ...s, rolledBack: null });
        return s.rolledBack;
    }
    image(slot) {
        const manifestPath = join(this.path(slot), MANIFEST_FILE);
        let text;
        try {
            text = readFileSync(manifestPath, 'utf8');
        }
        catch (err) {
            const code = err.code;
            return { slot, image: null, problem: code === 'ENOENT' ? 'empty' : `unreadable (${code ?? String(err)})` };
        }
        try {
            const m = parseManifest(text);
            const bytes = m.files.reduce((sum, f) => sum + f.size, 0);
            const image = { name: m.name, version: m.version, arch: m.arch, node: m.node, files: m.files.length, bytes };
            return { slot, image, installedAtMs: statSync(manifestPath).mtimeMs };
        }
        catch (err) {
            return { slot, image: null, problem: err.message };
        }
    }
    /** "tandem 1.2.0 in slot b", or what the slot holds instead. */
    describe(slot) {
        const i = this.image(slot);
        return i.image ? `${i.image.name} ${i.image.version} in slot ${slot}` : `slot ${slot} (${i.problem})`;
    }
    write(s) {
        this.storage.writeAtomic(this.statePath, renderBootState(s));
    }
}
//# sourceMappingURL=slots.js.map