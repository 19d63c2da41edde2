// Debian packages the project's tools need, installed when missing: a newcomer gets a line
// saying what is being installed rather than a cryptic failure halfway through.
import { execFileSync, spawnSync } from 'node:child_process';

export function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs apt-get with the answers a script cannot give interactively. */
export function aptGet(args) {
  execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * Installs the packages of `needed` ({ command, pkg }) whose command is missing; `purpose` says
 * who needs them. Exits the process with the reason when it cannot.
 */
export function installMissing(needed, purpose) {
  const pkgs = [...new Set(needed.filter((n) => !hasCommand(n.command)).map((n) => n.pkg))];
  if (pkgs.length === 0) return;
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `tandem: ${purpose} needs ${pkgs.join(', ')}; install them as root (apt-get install ${pkgs.join(' ')}).\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`tandem: installing ${pkgs.join(', ')} (needed by ${purpose}) with apt-get...\n`);
  try {
    aptGet(['update', '-qq']);
    aptGet(['install', '-y', '-qq', ...pkgs]);
  } catch {
    process.stderr.write(`tandem: could not install ${pkgs.join(', ')}; install them and retry.\n`);
    process.exit(1);
  }
}
