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

export type Arch = 'arm64' | 'armhf' | 'x64';
/** The architectures whose bundles run here under qemu-user. */
export type EmulatedArch = Exclude<Arch, 'x64'>;

interface Tool {
  command: string;
  pkg: string;
}

/** scripts/release/targets.js's description of an architecture (the parts the tests use). */
export interface Target {
  npmCpu: string;
  nodePackage: string;
  strip: Tool;
  /** Null for a target this machine runs natively. */
  qemu: Tool | null;
}

export interface EmulatedTarget extends Target {
  qemu: Tool;
}

type Targets = { [A in Arch]: A extends EmulatedArch ? EmulatedTarget : Target };

interface TargetsModule {
  TARGETS: Targets;
  buildTools(arch: Arch): Tool[];
}

interface SysrootModule {
  sysrootDir(target: Target): string;
}

/** The release build's own modules, plain JavaScript under scripts/. */
const scripts = <T>(path: string): Promise<T> => import(pathToFileURL(join(REPO_ROOT, 'scripts', path)).href) as Promise<T>;
const targets = () => scripts<TargetsModule>('release/targets.js');

export async function targetOf<A extends Arch>(arch: A): Promise<Targets[A]> {
  return (await targets()).TARGETS[arch];
}

async function sysrootDir(target: Target): Promise<string> {
  return (await scripts<SysrootModule>('release/sysroot.js')).sysrootDir(target);
}

export async function sysrootOf(arch: EmulatedArch): Promise<string> {
  return sysrootDir(await targetOf(arch));
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

/**
 * Why a release for `arch` cannot be built (and, with `qemu`, run: under qemu-user, or natively
 * for a target without an emulator) here, or null.
 */
export async function releaseUnavailable(arch: Arch, qemu: boolean): Promise<string | null> {
  if (process.platform !== 'linux') return `needs Linux, this is ${process.platform}`;
  const tools = (await targets()).buildTools(arch);
  const target = await targetOf(arch);
  const emulator = qemu && target.qemu !== null ? [target.qemu] : [];
  const why = await missing([...tools, ...emulator]);
  if (why !== null || !qemu) return why;
  if (target.qemu === null) {
    return process.arch === target.npmCpu ? null : `runs natively on ${target.npmCpu} only, this is ${process.arch}`;
  }
  // The sysroot is renamed into place once complete: its folder existing means it is whole.
  const sysroot = await sysrootDir(target);
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
 * `npm run release -- --arch <arch> --out <out> [--key <key>] [--version <version>]`, timed;
 * `zstdLevel` below 19 builds faster and bigger (scripts/release/zstd.js); `version` stamps the
 * bundle with another version than package.json's (an upgrade test's next version).
 */
export async function buildRelease(
  arch: Arch,
  out: string,
  key: string | null,
  zstdLevel = 19,
  version?: string,
): Promise<Build> {
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

export async function unpack(archive: string, into: string): Promise<void> {
  mkdirSync(into, { recursive: true });
  await run('tar', ['--zstd', '-xf', archive, '-C', into]);
}
