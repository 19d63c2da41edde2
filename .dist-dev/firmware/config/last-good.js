/**
 * The config file's companions on flash, so a unit never stays without a usable config: the
 * last config that was adopted and applied (`<config>.last-good`), a file found unusable at
 * boot kept for the operator (`<config>.bad-<stamp>`), and the sweep of temp files a kill -9 or
 * power cut left mid-write.
 */
import { basename, dirname, join } from 'node:path';
/** The comment a last-good copy starts with; the parser skips it like every `#` line. */
const SAVED_PREFIX = '#last-good-saved=';
export function lastGoodPath(path) {
    return `${path}.last-good`;
}
/** `20261202-103901`: a wall-clock time (ISO 8601 in UTC, as `wallTimeIso` gives it) as file names carry it. */
export function fileStamp(wallIso) {
    return wallIso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
/**
 * Deletes what `writeAtomic` left behind when killed mid-write: `.<base>.<pid>.<hex>.tmp` for
 * the config and for its companions. Returns the names removed.
 */
export function sweepTempFiles(storage, path) {
    const folder = dirname(path);
    const prefix = `.${basename(path)}.`;
    const stale = storage.list(folder).filter((name) => name.startsWith(prefix) && name.endsWith('.tmp'));
    for (const name of stale)
        storage.remove(join(folder, name));
    return stale;
}
/** Writes `text` as the last good copy, stamped; false (nothing written) when the copy already holds it. */
export function saveLastGood(storage, path, text, wallIso) {
    const current = storage.read(lastGoodPath(path));
    if (current !== undefined && lastGoodBody(current) === text)
        return false;
    storage.writeAtomic(lastGoodPath(path), `${SAVED_PREFIX}${fileStamp(wallIso)}\n${text}`);
    return true;
}
/** The config text of a last good copy, its stamp line taken off. */
export function lastGoodBody(copy) {
    return copy.startsWith(SAVED_PREFIX) ? copy.slice(copy.indexOf('\n') + 1) : copy;
}
/** When the copy was saved, as its stamp line says. */
export function lastGoodStamp(copy) {
    return copy.startsWith(SAVED_PREFIX) ? copy.slice(SAVED_PREFIX.length, copy.indexOf('\n')) : undefined;
}
/** `<config>.bad-<stamp>`, with `-2`, `-3`… when a file of that name exists already (two bad boots in one second). */
export function badCopyPath(storage, path, wallIso) {
    return unusedPath(storage, `${path}.bad-${fileStamp(wallIso)}`);
}
/** `path`, or `path-2`, `path-3`… : the first name no file in its folder has. */
export function unusedPath(storage, path) {
    const taken = new Set(storage.list(dirname(path)));
    const base = basename(path);
    let name = base;
    for (let n = 2; taken.has(name); n++)
        name = `${base}-${n}`;
    return join(dirname(path), name);
}
//# sourceMappingURL=last-good.js.map