/**
 * Helpers for the release tests: whether a release can be built and run here (a test fails in CI
 * when a tool is missing and is skipped with the reason elsewhere), an archive's listing, and the
 * target's Node run (under qemu-user unless it is this machine's). Building and unpacking are
 * release-build.ts's.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../shell.js';
import { releaseUnavailable, sysrootOf, targetOf } from './release-build.js';
/** True when the test may go on; otherwise skips it (or throws in CI) and returns false. */
export async function releaseAvailable(t, arch, o) {
    const why = await releaseUnavailable(arch, o.qemu);
    if (why === null)
        return true;
    if (process.env.CI)
        throw new Error(`release test cannot run: ${why}`);
    t.skip(why);
    return false;
}
/** `tar -tv` lines: mode, owner/group, size, date, time, path. */
export async function listing(archive) {
    const r = await run('tar', ['--zstd', '--numeric-owner', '-tvf', archive]);
    return r.stdout.split('\n').filter((l) => l !== '');
}
/**
 * Runs the target's `node` with `args`: under qemu-user and the target's C runtime, or as it is
 * for x64; returns its output.
 */
export async function onTarget(arch, node, args) {
    if (arch === 'x64')
        return (await run(node, args)).stdout;
    const target = await targetOf(arch);
    const r = await run(target.qemu.command, ['-L', await sysrootOf(arch), node, ...args]);
    return r.stdout;
}
/** A fresh ed25519 release key pair in `dir`: `<name>.pem` (signs) and `<name>.pub.pem` (boards verify). */
export function keyPair(dir, name) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const paths = { private: join(dir, `${name}.pem`), public: join(dir, `${name}.pub.pem`) };
    writeFileSync(paths.private, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(paths.public, publicKey.export({ type: 'spki', format: 'pem' }));
    return paths;
}
//# sourceMappingURL=release.testkit.js.map