/**
 * Installing a release bundle into the inactive A/B slot: the signature is checked over the
 * whole archive before anything is unpacked; the archive is unpacked beside the slot, every file
 * checked against the manifest, and only then does the folder replace the slot (a rename), so a
 * power loss at any step leaves either the old image or the new one, never half of one. The new
 * image boots once on trial (probation.ts); the running slot is never touched.
 */
import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BundleError } from '../release/errors.js';
import { verifyUnpackedAsync } from '../release/manifest.js';
import { SIGNATURE_SUFFIX, verifyBundleSignature } from '../release/signature.js';
/** The bundle architecture this board runs (scripts/release/targets.js names them). */
export function boardBundleArch(nodeArch = process.arch) {
    return nodeArch === 'arm' ? 'armhf' : nodeArch;
}
function readOrRefuse(path, what) {
    try {
        return readFileSync(path);
    }
    catch (err) {
        throw new BundleError(`${what} ${path}: ${err.code ?? String(err)}`);
    }
}
/** `tar --zstd -xf`: GNU tar and zstd are part of the board's OS (README, "Deploying to a board"). */
function untar(archive, into) {
    return new Promise((resolve, reject) => {
        const child = spawn('tar', ['--zstd', '-xf', archive, '-C', into], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d) => {
            stderr += d.toString();
        });
        child.on('error', (err) => reject(new BundleError(`cannot run tar to unpack ${archive}: ${err.message}`)));
        child.on('close', (code) => {
            if (code === 0)
                resolve();
            else
                reject(new BundleError(`unpacking ${archive} failed (tar exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
        });
    });
}
function fsyncDir(dir) {
    const fd = openSync(dir, 'r');
    try {
        fsyncSync(fd);
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Refuses the archive unless its `.sig` verifies with the release key; returns its bytes.
 * The one check an image passes before a unit installs it or a primary rolls it out.
 */
export function verifiedArchive(archive, releaseKey) {
    const key = readOrRefuse(releaseKey, 'release key').toString('utf8');
    const signature = readOrRefuse(`${archive}${SIGNATURE_SUFFIX}`, 'signature').toString('utf8');
    const bytes = readOrRefuse(archive, 'image');
    verifyBundleSignature(bytes, signature, key, { archive, key: releaseKey });
    return bytes;
}
export async function installImage(archive, o) {
    const { slots } = o;
    if (slots.onTrial()) {
        throw new BundleError(`this unit runs ${slots.describe(slots.running)} on trial; the other slot holds the image to fall back to: ` +
            'install once this one is confirmed (diagnose sys flash list) or rolled back');
    }
    let t = o.now();
    const step = (what) => {
        const now = o.now();
        o.progress(`${what} (${((now - t) / 1000).toFixed(1)} s)`);
        t = now;
    };
    const bytes = verifiedArchive(archive, o.releaseKey);
    step(`Signature verified with ${o.releaseKey}: ${(bytes.length / 1e6).toFixed(1)} MB`);
    const slot = slots.inactive;
    const staging = join(slots.dir, `.slot-${slot}.new`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    try {
        await untar(archive, staging);
        const manifest = await verifyUnpackedAsync(staging);
        const arch = boardBundleArch();
        if (manifest.arch !== arch)
            throw new BundleError(`${archive} is for ${manifest.arch}; this board runs ${arch}`);
        if (manifest.name !== 'tandem')
            throw new BundleError(`${archive} holds ${JSON.stringify(manifest.name)}, not tandem`);
        step(`Unpacked and checked: ${manifest.files.length} files match the manifest of tandem ${manifest.version} (${arch})`);
        rmSync(slots.path(slot), { recursive: true, force: true });
        renameSync(staging, slots.path(slot));
        fsyncDir(slots.dir);
        slots.stageTrial(slot);
        step(`Installed into slot ${slot}; it boots next, on trial`);
        return { slot, manifest };
    }
    finally {
        rmSync(staging, { recursive: true, force: true });
    }
}
//# sourceMappingURL=install.js.map