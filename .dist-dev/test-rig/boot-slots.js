/**
 * A sim board boots as a real one does: through the boot selector (scripts/tandem-boot) from
 * its A/B slots, folders in the board's flash. At rig start slot a holds the image the rig
 * runs: for a native board a "working tree" slot (links to this machine's Node and to the
 * build holding the firmware entry, and a manifest saying what it is, listing no files as
 * nothing was packed);
 * for an emulated board the unpacked arm64 bundle. Slot b is empty until an image is installed.
 */
import { chmodSync, copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { slotDir } from '../firmware/boot/boot-state.js';
import { boardBundleArch } from '../firmware/boot/install.js';
import { MANIFEST_FILE, MANIFEST_FORMAT } from '../firmware/release/manifest.js';
import { FIRMWARE_VERSION } from '../firmware/version.js';
import { RigError } from './errors.js';
import { REPO_ROOT } from './launcher.js';
/** The boot selector as the repository has it; each board gets a copy beside its slots. */
const BOOT_SELECTOR = join(REPO_ROOT, 'scripts', 'tandem-boot');
/** Where a board's boot selector lives, as on a real board (/opt/tandem/tandem-boot): beside its slots. */
export function bootSelectorOf(board) {
    return join(board.boot.dir, 'tandem-boot');
}
/**
 * Lays out a fresh board as the deploy script does a real one: the boot selector beside the
 * slots, and slot a holding the emulated bundle, or the working tree with `firmware` as its entry.
 */
export function prepareFactorySlot(board, firmware, emulatedBundle) {
    copyFileSync(BOOT_SELECTOR, bootSelectorOf(board));
    chmodSync(bootSelectorOf(board), 0o755);
    const slot = slotDir(board.boot.dir, 'a');
    rmSync(slot, { recursive: true, force: true });
    if (emulatedBundle !== undefined) {
        symlinkSync(emulatedBundle, slot);
        return;
    }
    const build = dirname(dirname(firmware));
    if (join(build, 'firmware', 'main.js') !== firmware) {
        throw new RigError(`firmware entry ${firmware}: boards boot from slots, so it must be a build's <dist>/firmware/main.js`);
    }
    mkdirSync(join(slot, 'node', 'bin'), { recursive: true });
    symlinkSync(process.execPath, join(slot, 'node', 'bin', 'node'));
    // Node runs the entry from its real path, so its imports resolve in the working tree.
    symlinkSync(build, join(slot, 'dist'));
    const manifest = {
        format: MANIFEST_FORMAT,
        name: 'tandem',
        version: FIRMWARE_VERSION,
        arch: boardBundleArch(),
        node: process.versions.node,
        files: [],
    };
    writeFileSync(join(slot, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}
//# sourceMappingURL=boot-slots.js.map