/**
 * Boards that run the arm64 release bundle under qemu-user instead of this machine's Node: the
 * bundle is built and unpacked into the rig's folder, it is each emulated board's slot a
 * (boot-slots.ts), and the boot selector starts it as
 * `qemu-aarch64-static -L <arm64 sysroot> <slot>/node/bin/node … <slot>/dist/firmware/main.js`.
 * Without binfmt_misc the emulated Node cannot exec ARM programs itself, so the firmware is told
 * to put the same emulator in front of its heartbeat worker (TANDEM_EXEC_WRAPPER).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RigError } from './errors.js';
import { buildRelease, releaseUnavailable, sysrootOf, targetOf, unpack } from './release/release-build.js';
/** Fast: the bundle lives as long as the rig, its size does not matter. */
const RIG_ZSTD_LEVEL = 3;
/** Builds the arm64 bundle and unpacks it into `dir`; fails naming a missing tool or sysroot. */
export async function prepareArm64(dir) {
    const why = await releaseUnavailable('arm64', true);
    if (why !== null)
        throw new RigError(`arm64 boards cannot run here: ${why}`);
    const build = await buildRelease('arm64', join(dir, 'build'), null, RIG_ZSTD_LEVEL);
    const bundle = join(dir, 'bundle');
    await unpack(build.archive, bundle);
    rmSync(join(dir, 'build'), { recursive: true, force: true });
    return { qemu: (await targetOf('arm64')).qemu.command, sysroot: await sysrootOf('arm64'), bundle };
}
/** The environment of an emulated board: the boot selector puts the emulator in front of Node. */
export function emulatedEnv(e) {
    return { TANDEM_EXEC_WRAPPER: [e.qemu, '-L', e.sysroot].join(' ') };
}
//# sourceMappingURL=emulated-board.js.map