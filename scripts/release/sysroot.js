// The target's C runtime for running its binaries on this machine under qemu-user: Debian's
// packages of it for the architecture (the target's `runtime`, targets.js), unpacked into a folder that qemu uses as
// its root for libraries (QEMU_LD_PREFIX / -L). The release tests run the bundle's Node with it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { aptGet } from '../apt.js';
import { CACHE_DIR, cachePath } from './cache.js';

/** The folder holding the target's libraries (it exists once ensureSysroot has run). */
export function sysrootDir(target) {
  return join(CACHE_DIR, `sysroot-${target.debianArch}`);
}

/** Unpacks the target's libraries unless they are there; needs root (dpkg, apt-get). */
export function ensureSysroot(target, log) {
  const dir = sysrootDir(target);
  if (existsSync(dir)) return dir;
  const arch = target.debianArch;
  const packages = target.runtime;
  log(`unpacking Debian's ${packages.join(', ')} for ${arch} into ${dir} (qemu runs the ${arch} bundle with them)...`);
  const foreign = execFileSync('dpkg', ['--print-foreign-architectures'], { encoding: 'utf8' }).split('\n');
  if (!foreign.includes(arch)) execFileSync('dpkg', ['--add-architecture', arch]);
  aptGet(['update', '-qq']);
  // Unpacked beside the final folder and renamed into place: a half-made sysroot is never used.
  const work = mkdtempSync(`${cachePath(`sysroot-${arch}`)}.`);
  try {
    // As root: apt's download user cannot write into root's cache.
    const download = ['-o', 'APT::Sandbox::User=root', 'download', '-qq', ...packages.map((p) => `${p}:${arch}`)];
    execFileSync('apt-get', download, { cwd: work, stdio: 'inherit' });
    const root = join(work, 'root');
    for (const deb of readdirSync(work).filter((f) => f.endsWith('.deb')))
      execFileSync('dpkg-deb', ['-x', join(work, deb), root]);
    renameSync(root, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return dir;
}
