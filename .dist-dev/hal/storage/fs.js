/**
 * Storage on a mounted filesystem (the board's flash). A write never leaves a half-written
 * file behind a power cut: the text goes to a temp file in the same folder, is fsynced,
 * renamed over the old file (atomic within one filesystem), and the folder is fsynced so the
 * rename itself is durable.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HalError } from '../errors.js';
export function createFileStorage() {
    return {
        read(path) {
            try {
                return readFileSync(path, 'utf8');
            }
            catch (err) {
                if (errorCode(err) === 'ENOENT')
                    return undefined;
                throw halError(err, `read ${path}`);
            }
        },
        writeAtomic(path, text) {
            const dir = dirname(path);
            makeFolder(dir);
            const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
            try {
                // 0600: the config holds the (only obfuscated) cluster password.
                const fd = openSync(temp, 'wx', 0o600);
                try {
                    const bytes = Buffer.from(text, 'utf8');
                    let done = 0;
                    while (done < bytes.length)
                        done += writeSync(fd, bytes, done, bytes.length - done);
                    fsyncSync(fd);
                }
                finally {
                    closeSync(fd);
                }
                renameSync(temp, path);
            }
            catch (err) {
                removeQuietly(temp);
                throw halError(err, `write ${path}`);
            }
            syncFolder(dir);
        },
        list(folder) {
            try {
                return readdirSync(folder, { withFileTypes: true })
                    .filter((e) => e.isFile())
                    .map((e) => e.name)
                    .sort();
            }
            catch (err) {
                if (errorCode(err) === 'ENOENT')
                    return [];
                throw halError(err, `list ${folder}`);
            }
        },
        remove(path) {
            try {
                unlinkSync(path);
            }
            catch (err) {
                if (errorCode(err) === 'ENOENT')
                    return;
                throw halError(err, `remove ${path}`);
            }
            syncFolder(dirname(path));
        },
    };
}
/** Creates missing folders and makes their entries durable in each parent. */
function makeFolder(dir) {
    let first;
    try {
        first = mkdirSync(dir, { recursive: true });
    }
    catch (err) {
        throw halError(err, `mkdir ${dir}`);
    }
    if (first === undefined)
        return;
    for (let d = dir;; d = dirname(d)) {
        syncFolder(dirname(d));
        if (d === first || dirname(d) === d)
            break;
    }
}
function syncFolder(dir) {
    let fd;
    try {
        fd = openSync(dir, 'r');
        fsyncSync(fd);
    }
    catch (err) {
        throw halError(err, `fsync ${dir}`);
    }
    finally {
        if (fd !== undefined)
            closeSync(fd);
    }
}
function removeQuietly(path) {
    try {
        unlinkSync(path);
    }
    catch {
        // Already gone (the rename happened or the open failed): nothing to clean.
    }
}
function errorCode(err) {
    return err?.code;
}
function halError(err, operation) {
    const e = err;
    return new HalError('storage', operation, Math.abs(e?.errno ?? 0), e?.code ?? (err instanceof Error ? err.message : String(err)));
}
//# sourceMappingURL=fs.js.map