/**
 * Copies of the config a full sync from the primary replaced (docs/config-sync-plan.md §5):
 * `<config>.diverged-<YYYYmmdd-HHMMSS>-b<bootId>`, so a healed split brain or a unit edited by
 * hand while it was down loses nothing. The boards have no battery-backed clock, so the boot id
 * (which only grows) orders the copies before the stamp does; the newest few are kept.
 */
import { basename, dirname, join } from 'node:path';
import { fileStamp, unusedPath } from './last-good.js';
/** How many diverged copies stay on flash. */
export const KEEP_DIVERGED = 5;
/** `stamp`, boot id and the `-n` a second copy in the same second gets. */
const NAME = /^\.diverged-(\d{8}-\d{6})-b(\d+)(?:-(\d+))?$/;
/**
 * Writes `text` as a new diverged copy of `path`, then removes all but the newest
 * `KEEP_DIVERGED` copies. Returns the copy's path. Throws the storage's error when the copy
 * cannot be written (nothing else is done then).
 */
export function keepDiverged(storage, path, text, wallIso, bootId) {
    const copy = unusedPath(storage, `${path}.diverged-${fileStamp(wallIso)}-b${bootId}`);
    storage.writeAtomic(copy, text);
    for (const old of divergedCopies(storage, path).slice(0, -KEEP_DIVERGED))
        storage.remove(join(dirname(path), old));
    return copy;
}
/** The names of the diverged copies of `path` in its folder, oldest first. */
export function divergedCopies(storage, path) {
    const prefix = basename(path);
    const copies = [];
    for (const name of storage.list(dirname(path))) {
        const m = name.startsWith(prefix) ? NAME.exec(name.slice(prefix.length)) : null;
        if (m)
            copies.push({ name, boot: Number(m[2]), stamp: m[1], n: Number(m[3] ?? 1) });
    }
    copies.sort((a, b) => a.boot - b.boot || (a.stamp < b.stamp ? -1 : a.stamp > b.stamp ? 1 : 0) || a.n - b.n);
    return copies.map((c) => c.name);
}
//# sourceMappingURL=diverged.js.map