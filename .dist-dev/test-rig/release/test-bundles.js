/**
 * Signed x64 bundles of given versions for the scenarios that install images (deploy,
 * rolling-upgrade), built once per state of the firmware and shared between test files: a build
 * is a CPU-bound quarter minute, and the files run side by side. The cache is keyed by the
 * compiled firmware and the lock file; one key pair signs every bundle in it. A build under way
 * is waited for (a lock folder), never started twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../launcher.js';
import { keyPair } from './release.testkit.js';
import { buildRelease } from './release-build.js';
const LEVEL = 3;
const LOCK_STALE_MS = 300_000;
/** Bundles of an older firmware are removed once this old: a test running now may still read them. */
const PRUNE_AFTER_MS = 3_600_000;
function filesBelow(dir) {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const path = join(dir, e.name);
        if (e.isDirectory())
            return filesBelow(path);
        return e.name.endsWith('.js') && !/\.(test|fake|fixture|testkit)\.js$/.test(e.name) ? [path] : [];
    });
}
/** What the bundle is built from: the compiled firmware (tsconfig.firmware.json's folders) and the lock. */
function sourceKey() {
    const hash = createHash('sha256');
    const dist = join(REPO_ROOT, 'dist');
    for (const top of ['board', 'hal', 'lib', 'firmware']) {
        for (const file of filesBelow(join(dist, top)).sort())
            hash.update(relative(dist, file)).update(readFileSync(file));
    }
    for (const file of ['package-lock.json', 'scripts/tandem-boot', 'scripts/tandem.service']) {
        hash.update(readFileSync(join(REPO_ROOT, file)));
    }
    return hash.digest('hex').slice(0, 16);
}
async function locked(lock, body) {
    for (;;) {
        try {
            mkdirSync(lock);
            break;
        }
        catch {
            const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
            if (age > LOCK_STALE_MS)
                rmSync(lock, { recursive: true, force: true });
            await new Promise((r) => setTimeout(r, 500));
        }
    }
    try {
        return await body();
    }
    finally {
        rmSync(lock, { recursive: true, force: true });
    }
}
function pruneOthers(root, keep) {
    for (const name of readdirSync(root)) {
        const path = join(root, name);
        if (name !== keep && Date.now() - statSync(path).mtimeMs > PRUNE_AFTER_MS)
            rmSync(path, { recursive: true, force: true });
    }
}
/** The signed x64 bundle of `version` for the firmware as built now. */
export async function testBundle(version) {
    const root = join(tmpdir(), 'tandem-test-bundles');
    const key = sourceKey();
    const dir = join(root, key);
    mkdirSync(dir, { recursive: true });
    pruneOthers(root, key);
    return locked(join(dir, '.lock'), async () => {
        if (!existsSync(join(dir, 'release.pem')))
            keyPair(dir, 'release');
        const publicKey = join(dir, 'release.pub.pem');
        const archive = join(dir, `tandem-${version}-linux-x64.tar.zst`);
        if (existsSync(archive) && existsSync(`${archive}.sig`))
            return { version, archive, publicKey };
        const build = await buildRelease('x64', join(dir, `.build-${version}`), join(dir, 'release.pem'), LEVEL, version);
        renameSync(`${build.archive}.sig`, `${archive}.sig`);
        renameSync(build.archive, archive);
        rmSync(join(dir, `.build-${version}`), { recursive: true, force: true });
        return { version, archive, publicKey };
    });
}
//# sourceMappingURL=test-bundles.js.map