#!/usr/bin/env node
// The rig needs root, iproute2, nftables, the conntrack tool (the session sync scenarios read
// the boards' session tables with it) and vsftpd (the FTP server the expectation scenario runs in
// the rig's server namespace) and rsyslog (the syslog server the boards report to there). The
// release tests build bundles (zstd, the targets' binutils) and run each target's Node: x64's as
// it is, the others' under qemu-user with Debian's C runtime for that architecture unpacked into
// a folder. The deploy test runs sshd (openssh-server) in a rig namespace and deploys to it
// with ssh. The GPIO LED driver's test compiles a C program against the kernel's
// linux/gpio.h (gcc brings libc6-dev and linux-libc-dev). Install what is missing (Debian) and say so, rather than leaving a newcomer with a
// cryptic failure halfway through a test.
// Debian's vsftpd and rsyslog packages also set up system services; the rig never uses them,
// only the binaries, which it runs in its own namespace.
import { installMissing } from './apt.js';
import { ensureSysroot } from './release/sysroot.js';
import { buildTools, TARGETS } from './release/targets.js';

const rig = [
  { command: 'ip', pkg: 'iproute2' },
  { command: 'nft', pkg: 'nftables' },
  { command: 'conntrack', pkg: 'conntrack' },
  { command: 'vsftpd', pkg: 'vsftpd' },
  { command: 'rsyslogd', pkg: 'rsyslog' },
  // A sim board unpacks the images `execute restore image` installs with tar --zstd, as a board does.
  { command: 'zstd', pkg: 'zstd' },
];
/** The targets this machine runs under qemu-user; the others (x64) run natively. */
const emulated = Object.entries(TARGETS).filter(([, target]) => target.qemu);
const deploy = [
  { command: 'sshd', pkg: 'openssh-server' },
  { command: 'ssh', pkg: 'openssh-client' },
  { command: 'gcc', pkg: 'gcc' },
];
const release = [...Object.keys(TARGETS).flatMap((arch) => buildTools(arch)), ...emulated.map(([, target]) => target.qemu)];

if (process.getuid?.() !== 0) {
  process.stderr.write('tandem: the test rig builds network namespaces and needs root. Run as root (sudo -E npm ...).\n');
  process.exit(1);
}

// `npm start` needs the rig only; `npm test` (and CI) pass --release for the release tests too;
// `npm run bench` passes --bench for cyclictest, the machine's own timing floor
// (test-rig/bench/host-floor.ts), and perf, which times the heartbeat worker's wake-ups against
// the CPUs' own pauses (test-rig/bench/cpu-pauses.ts), and gcc for the C listener that times the
// kernel's report of a pulled cable (test-rig/bench/link-floor.ts).
if (process.argv.includes('--bench')) {
  installMissing(
    [...rig, { command: 'cyclictest', pkg: 'rt-tests' }, { command: 'perf', pkg: 'linux-perf' }, { command: 'gcc', pkg: 'gcc' }],
    'the test rig and the benchmarks',
  );
  process.exit(0);
}
if (!process.argv.includes('--release')) {
  installMissing(rig, 'the test rig');
  process.exit(0);
}
installMissing([...rig, ...release, ...deploy], 'the test rig, the release, deploy and GPIO layout tests');
for (const [arch, target] of emulated) {
  try {
    ensureSysroot(target, (line) => process.stderr.write(`tandem: ${line}\n`));
  } catch (err) {
    process.stderr.write(`tandem: could not unpack the ${arch} C runtime for qemu: ${err.message}\n`);
    process.exit(1);
  }
}
