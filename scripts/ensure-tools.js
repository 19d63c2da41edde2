#!/usr/bin/env node
// The rig needs root, iproute2, nftables, the conntrack tool (the session sync scenarios read
// the boards' session tables with it) and vsftpd (the FTP server the expectation scenario runs in
// the rig's server namespace) and rsyslog (the syslog server the boards report to there); install
// what is missing (Debian) and say so, rather than leaving a newcomer with a cryptic failure
// halfway through a test. Debian's vsftpd and rsyslog packages also set up system services;
// the rig never uses them, only the binaries, which it runs in its own namespace.
import { execFileSync, spawnSync } from 'node:child_process';

const needed = [
  { command: 'ip', pkg: 'iproute2' },
  { command: 'nft', pkg: 'nftables' },
  { command: 'conntrack', pkg: 'conntrack' },
  { command: 'vsftpd', pkg: 'vsftpd' },
  { command: 'rsyslogd', pkg: 'rsyslog' },
];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (process.getuid?.() !== 0) {
  process.stderr.write('tandem: the test rig builds network namespaces and needs root. Run as root (sudo -E npm ...).\n');
  process.exit(1);
}

const missing = needed.filter((n) => !has(n.command));
if (missing.length > 0) {
  const pkgs = missing.map((m) => m.pkg);
  process.stderr.write(`tandem: installing ${pkgs.join(', ')} (needed by the test rig) with apt-get...\n`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...pkgs], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    process.stderr.write(`tandem: could not install ${pkgs.join(', ')}; install them and retry.\n`);
    process.exit(1);
  }
}
