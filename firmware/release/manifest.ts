/**
 * The release bundle's manifest (`manifest.json` at the bundle's root): what the bundle is
 * (version, architecture, the Node runtime's version) and every other file in it with its size,
 * mode and SHA-256. The release build writes it (scripts/release.js uses this module, compiled);
 * the board checks an unpacked bundle against it before installing, so a file changed, added or
 * lost after the build is refused. The archive's signature covers the manifest with the rest.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BundleError } from './errors.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 1;
export const BUNDLE_ARCHES = ['arm64', 'armhf', 'x64'] as const;
export type BundleArch = (typeof BUNDLE_ARCHES)[number];
/** A bundle's files are plain or executable; nothing else survives the build. */
export const FILE_MODES = [0o644, 0o755] as const;
export type FileMode = (typeof FILE_MODES)[number];

export interface BundleFile {
  /** Relative to the bundle's root, with forward slashes. */
  path: string;
  size: number;
  mode: FileMode;
  sha256: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  name: string;
  version: string;
  arch: BundleArch;
  /** The version of the Node runtime in `node/bin/node`. */
  node: string;
  files: BundleFile[];
}

export type ManifestHead = Omit<Manifest, 'format' | 'files'>;

/** Byte order, not locale order: the same on every machine. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every path below `root` (folders end in `/`), sorted; refuses anything but files and folders. */
export function bundlePaths(root: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel))) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(join(root, path));
      if (st.isDirectory()) {
        found.push(`${path}/`);
        walk(path);
      } else if (st.isFile()) found.push(path);
      else throw new BundleError(`${join(root, path)}: a bundle holds only files and folders, this is neither`);
    }
  };
  walk('');
  return found.sort(byPath);
}

function hashFile(root: string, path: string): BundleFile {
  const full = join(root, path);
  const st = lstatSync(full);
  const sha256 = createHash('sha256').update(readFileSync(full)).digest('hex');
  return { path, size: st.size, mode: (st.mode & 0o111) !== 0 ? 0o755 : 0o644, sha256 };
}

/** Hashed by streaming: a running firmware's event loop turns between the chunks of a 90 MB tree. */
async function hashFileAsync(root: string, path: string): Promise<BundleFile> {
  const full = join(root, path);
  const st = lstatSync(full);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(full)) hash.update(chunk as Buffer);
  return { path, size: st.size, mode: (st.mode & 0o111) !== 0 ? 0o755 : 0o644, sha256: hash.digest('hex') };
}

function filePaths(root: string): string[] {
  return bundlePaths(root).filter((p) => !p.endsWith('/') && p !== MANIFEST_FILE);
}

/** The files below `root` except the manifest itself, sorted and hashed. */
export function bundleFiles(root: string): BundleFile[] {
  return filePaths(root).map((p) => hashFile(root, p));
}

/** The manifest of the tree at `root`. */
export function buildManifest(head: ManifestHead, root: string): Manifest {
  return { format: MANIFEST_FORMAT, ...head, files: bundleFiles(root) };
}

export function renderManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function fail(where: string, value: unknown, allowed: string): never {
  throw new BundleError(`${MANIFEST_FILE}: ${where} is ${JSON.stringify(value)}; allowed: ${allowed}`);
}

function text(obj: Record<string, unknown>, key: string, where: string): string {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') fail(`${where}${key}`, value, 'a non-empty string');
  return value;
}

/** A path inside the bundle: relative, forward slashes, no `.` or `..` step, not the manifest. */
function bundlePath(value: unknown, where: string): string {
  const ok =
    typeof value === 'string' &&
    value !== MANIFEST_FILE &&
    value.split('/').every((step) => step !== '' && step !== '.' && step !== '..');
  if (!ok) fail(where, value, 'a relative path inside the bundle without "." or ".." steps, not the manifest');
  return value as string;
}

function parseFile(value: unknown, index: number): BundleFile {
  const where = `files[${index}].`;
  if (typeof value !== 'object' || value === null) fail(`files[${index}]`, value, 'an object');
  const entry = value as Record<string, unknown>;
  const path = bundlePath(entry.path, `${where}path`);
  const { size, mode, sha256 } = entry;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) fail(`${where}size`, size, 'an integer ≥ 0');
  if (!FILE_MODES.includes(mode as FileMode)) fail(`${where}mode`, mode, `${FILE_MODES.join(' or ')} (0644 or 0755)`);
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) fail(`${where}sha256`, sha256, '64 lower-case hex digits');
  return { path, size, mode: mode as FileMode, sha256 };
}

export function parseManifest(source: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new BundleError(`${MANIFEST_FILE}: not JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('the document', raw, 'an object');
  const obj = raw as Record<string, unknown>;
  if (obj.format !== MANIFEST_FORMAT) fail('format', obj.format, String(MANIFEST_FORMAT));
  const arch = obj.arch;
  if (!BUNDLE_ARCHES.includes(arch as BundleArch)) fail('arch', arch, BUNDLE_ARCHES.join(', '));
  if (!Array.isArray(obj.files)) fail('files', obj.files, 'an array');
  const files = obj.files.map(parseFile);
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) fail('a path listed twice', f.path, 'each path once');
    seen.add(f.path);
  }
  return {
    format: MANIFEST_FORMAT,
    name: text(obj, 'name', ''),
    version: text(obj, 'version', ''),
    arch: arch as BundleArch,
    node: text(obj, 'node', ''),
    files,
  };
}

const LISTED = 5;

/**
 * Checks an unpacked bundle against its manifest: every listed file present with its size, mode
 * and SHA-256, and nothing else. Returns the manifest; throws BundleError naming what differs.
 */
export function verifyUnpacked(root: string): Manifest {
  const manifest = readManifestOf(root);
  return compareWithManifest(root, manifest, bundleFiles(root));
}

/** verifyUnpacked without holding the event loop: for the firmware, which installs while it runs. */
export async function verifyUnpackedAsync(root: string): Promise<Manifest> {
  const manifest = readManifestOf(root);
  const files: BundleFile[] = [];
  for (const p of filePaths(root)) files.push(await hashFileAsync(root, p));
  return compareWithManifest(root, manifest, files);
}

function readManifestOf(root: string): Manifest {
  let source: string;
  try {
    source = readFileSync(join(root, MANIFEST_FILE), 'utf8');
  } catch (err) {
    throw new BundleError(`${root}: no readable ${MANIFEST_FILE} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return parseManifest(source);
}

function compareWithManifest(root: string, manifest: Manifest, files: readonly BundleFile[]): Manifest {
  const actual = new Map(files.map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const want of manifest.files) {
    const got = actual.get(want.path);
    actual.delete(want.path);
    if (got === undefined) problems.push(`${want.path} is missing`);
    else if (got.sha256 !== want.sha256 || got.size !== want.size)
      problems.push(`${want.path} has changed (sha256 ${got.sha256})`);
    else if (got.mode !== want.mode)
      problems.push(`${want.path} has mode ${got.mode.toString(8)}, the manifest says ${want.mode.toString(8)}`);
  }
  for (const extra of actual.keys()) problems.push(`${extra} is not in the manifest`);
  if (problems.length > 0) {
    const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : '';
    throw new BundleError(`${root} does not match its manifest: ${problems.slice(0, LISTED).join('; ')}${more}`);
  }
  return manifest;
}
