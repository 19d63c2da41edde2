/**
 * Boards that run the arm64 release bundle under qemu-user instead of this machine's Node: the
 * bundle is built and unpacked into the rig's folder, and each emulated board starts as
 * `qemu-aarch64-static -L <arm64 sysroot> <bundle>/node/bin/node … <bundle>/dist/firmware/main.js`.
 * Without binfmt_misc the emulated Node cannot exec ARM programs itself, so the firmware is told
 * to put the same emulator in front of its heartbeat worker (TANDEM_EXEC_WRAPPER).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { RigError } from './errors.js';
import { buildRelease, releaseUnavailable, sysrootOf, targetOf, unpack } from './release/release-build.js';

/** What an emulated board runs: the emulator, the target's C runtime, the unpacked bundle. */
export interface Emulation {
  qemu: string;
  sysroot: string;
  bundle: string;
}

/** Fast: the bundle lives as long as the rig, its size does not matter. */
const RIG_ZSTD_LEVEL = 3;

/** Builds the arm64 bundle and unpacks it into `dir`; fails naming a missing tool or sysroot. */
export async function prepareArm64(dir: string): Promise<Emulation> {
  const why = await releaseUnavailable('arm64', true);
  if (why !== null) throw new RigError(`arm64 boards cannot run here: ${why}`);
  const build = await buildRelease('arm64', join(dir, 'build'), null, RIG_ZSTD_LEVEL);
  const bundle = join(dir, 'bundle');
  await unpack(build.archive, bundle);
  rmSync(join(dir, 'build'), { recursive: true, force: true });
  return { qemu: (await targetOf('arm64')).qemu.command, sysroot: await sysrootOf('arm64'), bundle };
}

/** The command line, environment and working folder of an emulated board's firmware. */
export function emulatedFirmware(
  e: Emulation,
  nodeFlags: readonly string[],
): { argv: string[]; env: Record<string, string>; cwd: string } {
  const wrapper = [e.qemu, '-L', e.sysroot];
  return {
    argv: [...wrapper, join(e.bundle, 'node/bin/node'), ...nodeFlags, join(e.bundle, 'dist/firmware/main.js')],
    env: { TANDEM_EXEC_WRAPPER: wrapper.join(' ') },
    cwd: e.bundle,
  };
}
