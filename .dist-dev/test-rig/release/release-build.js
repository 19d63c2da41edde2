/**
 * The release build driven from the rig and its tests: the build as a child process, its tools
 * and the qemu sysroot (scripts/ensure-tools.js installs them), and unpacking a bundle. x64
 * bundles run natively on this machine; the ARM ones under qemu-user.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../launcher.js';
import { run } from '../shell.js';
/** The release build's own modules, plain JavaScript under scripts/. */
const scripts = (path) => import(pathToFileURL(join(REPO_ROOT, 'scripts', path)).href);
const targets = () => scripts('release/targets.js');
export async function targetOf(arch) {
    return (await targets()).TARGETS[arch];
}
async function sysrootDir(target) {
    return (await scripts('release/sysroot.js')).sysrootDir(target);
}
export async function sysrootOf(arch) {
    return sysrootDir(await targetOf(arch));
}
async function missing(tools) {
    for (const { command, pkg } of tools) {
        try {
            await run('sh', ['-c', `command -v ${command}`]);
        }
        catch {
            return `needs ${pkg} (\`${command}\`) on PATH; node scripts/ensure-tools.js installs it`;
        }
    }
    return null;
}
/**
 * Why a release for `arch` cannot be built (and, with `qemu`, run: under qemu-user, or natively
 * for a target without an emulator) here, or null.
 */
export async function releaseUnavailable(arch, qemu) {
    if (process.platform !== 'linux')
        return `needs Linux, this is ${process.platform}`;
    const tools = (await targets()).buildTools(arch);
    const target = await targetOf(arch);
    const emulator = qemu && target.qemu !== null ? [target.qemu] : [];
    const why = await missing([...tools, ...emulator]);
    if (why !== null || !qemu)
        return why;
    if (target.qemu === null) {
        return process.arch === target.npmCpu ? null : `runs natively on ${target.npmCpu} only, this is ${process.arch}`;
    }
    // The sysroot is renamed into place once complete: its folder existing means it is whole.
    const sysroot = await sysrootDir(target);
    return existsSync(sysroot)
        ? null
        : `needs the ${arch} C runtime unpacked in ${sysroot}; node scripts/ensure-tools.js unpacks it`;
}
/**
 * `npm run release -- --arch <arch> --out <out> [--key <key>] [--version <version>]`, timed;
 * `zstdLevel` below 19 builds faster and bigger (scripts/release/zstd.js); `version` stamps the
 * bundle with another version than package.json's (an upgrade test's next version).
 */
export async function buildRelease(arch, out, key, zstdLevel = 19, version) {
    const start = performance.now();
    const script = join(REPO_ROOT, 'scripts/release.js');
    const level = `TANDEM_RELEASE_ZSTD_LEVEL=${zstdLevel}`;
    const signed = key === null ? [] : ['--key', key];
    const stamped = version === undefined ? [] : ['--version', version];
    const r = await run('env', [level, process.execPath, script, '--arch', arch, '--out', out, ...signed, ...stamped]);
    const seconds = (performance.now() - start) / 1000;
    const archive = r.stdout.trim();
    const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
    return { archive, sha256, seconds, log: r.stderr };
}
export async function unpack(archive, into) {
    mkdirSync(into, { recursive: true });
    await run('tar', ['--zstd', '-xf', archive, '-C', into]);
}
//# sourceMappingURL=release-build.js.map