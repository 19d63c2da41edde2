/**
 * The release build driven from the rig and its tests: the build as a child process, its tools
 * and the qemu sysroot (scripts/ensure-tools.js installs them), and unpacking a bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../launcher.js';
import { run } from '../shell.js';

export type Arch = 'arm64' | 'armhf';

interface Tool {
  command: string;
  pkg: string;
}

/** scripts/release/targets.js's description of an architecture (the parts the tests use). */
export interface Target {
  npmCpu: string;
  nodePackage: string;
  strip: Tool;
  qemu: Tool;
}

interface TargetsModule {
  TARGETS: Record<Arch, Target>;
  buildTools(arch: Arch): Tool[];
}

interface SysrootModule {
  sysrootDir(target: Target): string;
}

/** The release build's own modules, plain JavaScript under scripts/. */
const scripts = <T>(path: string): Promise<T> => import(pathToFileURL(join(REPO_ROOT, 'scripts', path)).href) as Promise<T>;
const targets = () => scripts<TargetsModule>('release/targets.js');

export async function targetOf(arch: Arch): Promise<Target> {
  return (await targets()).TARGETS[arch];
}

export async function sysrootOf(arch: Arch): Promise<string> {
  return (await scripts<SysrootModule>('release/sysroot.js')).sysrootDir(await targetOf(arch));
}

async function missing(tools: readonly Tool[]): Promise<string | null> {
  for (const { command, pkg } of tools) {
    try {
      await run('sh', ['-c', `command -v ${command}`]);
    } catch {
      return `needs ${pkg} (\`${command}\`) on PATH; node scripts/ensure-tools.js installs it`;
    }
  }
  return null;
}

/** Why a release for `arch` cannot be built (and, with `qemu`, run) here, or null. */
export async function releaseUnavailable(arch: Arch, qemu: boolean): Promise<string | null> {
  if (process.platform !== 'linux') return `needs Linux, this is ${process.platform}`;
  const tools = (await targets()).buildTools(arch);
  const target = await targetOf(arch);
  const why = await missing(qemu ? [...tools, target.qemu] : tools);
  if (why !== null || !qemu) return why;
  // The sysroot is renamed into place once complete: its folder existing means it is whole.
  const sysroot = await sysrootOf(arch);
  return existsSync(sysroot)
    ? null
    : `needs the ${arch} C runtime unpacked in ${sysroot}; node scripts/ensure-tools.js unpacks it`;
}

export interface Build {
  archive: string;
  sha256: string;
  seconds: number;
  /** The build's progress lines. */
  log: string;
}

/**
 * `npm run release -- --arch <arch> --out <out> [--key <key>]`, timed; `zstdLevel` below 19
 * builds faster and bigger (scripts/release/zstd.js).
 */
export async function buildRelease(arch: Arch, out: string, key: string | null, zstdLevel = 19): Promise<Build> {
  const start = performance.now();
  const script = join(REPO_ROOT, 'scripts/release.js');
  const level = `TANDEM_RELEASE_ZSTD_LEVEL=${zstdLevel}`;
  const signed = key === null ? [] : ['--key', key];
  const r = await run('env', [level, process.execPath, script, '--arch', arch, '--out', out, ...signed]);
  const seconds = (performance.now() - start) / 1000;
  const archive = r.stdout.trim();
  const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
  return { archive, sha256, seconds, log: r.stderr };
}

export async function unpack(archive: string, into: string): Promise<void> {
  mkdirSync(into, { recursive: true });
  await run('tar', ['--zstd', '-xf', archive, '-C', into]);
}
