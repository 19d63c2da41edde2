/**
 * What an archive holds, read before anything is unpacked: its manifest (`tar -xO`, one small
 * file), so the primary can name the version it rolls out and refuse a bundle for another
 * architecture before any unit installs it.
 */
import { spawn } from 'node:child_process';
import { BundleError } from '../release/errors.js';
import { MANIFEST_FILE, parseManifest } from '../release/manifest.js';
export function archiveManifest(archive) {
    return new Promise((resolve, reject) => {
        const child = spawn('tar', ['--zstd', '-xOf', archive, MANIFEST_FILE], { stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        let err = '';
        child.stdout.on('data', (d) => out.push(d));
        child.stderr.on('data', (d) => {
            err += d.toString();
        });
        child.on('error', (e) => reject(new BundleError(`cannot run tar to read ${archive}: ${e.message}`)));
        child.on('close', (code) => {
            if (code !== 0) {
                reject(new BundleError(`${archive}: no ${MANIFEST_FILE} in it (tar exit ${code}: ${err.trim().split('\n')[0] ?? ''})`));
                return;
            }
            try {
                resolve(parseManifest(Buffer.concat(out).toString('utf8')));
            }
            catch (e) {
                reject(e);
            }
        });
    });
}
//# sourceMappingURL=archive-manifest.js.map