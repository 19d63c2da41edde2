/**
 * The release bundle (`run.js release`): its size per architecture at the release's zstd level
 * (target ≤ 30 MB), and how long a build takes with the Node runtime's frame cached.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '../release/release-build.js';
import { emit, progress } from './emit.js';
const SIZE_TARGET_MB = 30;
export async function benchRelease() {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-release-'));
    try {
        const key = join(dir, 'release.pem');
        writeFileSync(key, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
        for (const arch of ['arm64', 'armhf']) {
            progress(`release: building ${arch} (level 19; the first build on a machine compresses the Node runtime for a minute)`);
            const first = await buildRelease(arch, join(dir, `${arch}-1`), key);
            const cached = await buildRelease(arch, join(dir, `${arch}-2`), key);
            const mb = readFileSync(first.archive).length / 1e6;
            emit({
                bench: 'release-bundle',
                arch,
                sizeMb: Math.round(mb * 10) / 10,
                targetMb: SIZE_TARGET_MB,
                met: mb <= SIZE_TARGET_MB,
                firstBuildS: Math.round(first.seconds * 10) / 10,
                cachedBuildS: Math.round(cached.seconds * 10) / 10,
                reproducible: first.sha256 === cached.sha256,
            });
        }
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
//# sourceMappingURL=release.js.map