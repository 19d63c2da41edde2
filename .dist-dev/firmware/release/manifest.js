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
export const BUNDLE_ARCHES = ['arm64', 'armhf', 'x64'];
/** A bundle's files are plain or executable; nothing else survives the build. */
export const FILE_MODES = [0o644, 0o755];
/** Byte order, not locale order: the same on every machine. */
function byPath(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Every path below `root` (folders end in `/`), sorted; refuses anything but files and folders. */
export function bundlePaths(root) {
    const found = [];
    const walk = (rel) => {
        for (const name of readdirSync(join(root, rel))) {
            const path = rel === '' ? name : `${rel}/${name}`;
            const st = lstatSync(join(root, path));
            if (st.isDirectory()) {
                found.push(`${path}/`);
                walk(path);
            }
            else if (st.isFile())
                found.push(path);
            else
                throw new BundleError(`${join(root, path)}: a bundle holds only files and folders, this is neither`);
        }
    };
    walk('');
    return found.sort(byPath);
}
function hashFile(root, path) {
    const full = join(root, path);
    const st = lstatSync(full);
    const sha256 = createHash('sha256').update(readFileSync(full)).digest('hex');
    return { path, size: st.size, mode: (st.mode & 0o111) !== 0 ? 0o755 : 0o644, sha256 };
}
/** Hashed by streaming: a running firmware's event loop turns between the chunks of a 90 MB tree. */
async function hashFileAsync(root, path) {
    const full = join(root, path);
    const st = lstatSync(full);
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(full))
        hash.update(chunk);
    return { path, size: st.size, mode: (st.mode & 0o111) !== 0 ? 0o755 : 0o644, sha256: hash.digest('hex') };
}
function filePaths(root) {
    return bundlePaths(root).filter((p) => !p.endsWith('/') && p !== MANIFEST_FILE);
}
/** The files below `root` except the manifest itself, sorted and hashed. */
export function bundleFiles(root) {
    return filePaths(root).map((p) => hashFile(root, p));
}
/** The manifest of the tree at `root`. */
export function buildManifest(head, root) {
    return { format: MANIFEST_FORMAT, ...head, files: bundleFiles(root) };
}
export function renderManifest(manifest) {
    return `${JSON.stringify(manifest, null, 2)}\n`;
}
function fail(where, value, allowed) {
    throw new BundleError(`${MANIFEST_FILE}: ${where} is ${JSON.stringify(value)}; allowed: ${allowed}`);
}
function text(obj, key, where) {
    const value = obj[key];
    if (typeof value !== 'string' || value === '')
        fail(`${where}${key}`, value, 'a non-empty string');
    return value;
}
/** A path inside the bundle: relative, forward slashes, no `.` or `..` step, not the manifest. */
function bundlePath(value, where) {
    const ok = typeof value === 'string' &&
        value !== MANIFEST_FILE &&
        value.split('/').every((step) => step !== '' && step !== '.' && step !== '..');
    if (!ok)
        fail(where, value, 'a relative path inside the bundle without "." or ".." steps, not the manifest');
    return value;
}
function parseFile(value, index) {
    const where = `files[${index}].`;
    if (typeof value !== 'object' || value === null)
        fail(`files[${index}]`, value, 'an object');
    const entry = value;
    const path = bundlePath(entry.path, `${where}path`);
    const { size, mode, sha256 } = entry;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
        fail(`${where}size`, size, 'an integer ≥ 0');
    if (!FILE_MODES.includes(mode))
        fail(`${where}mode`, mode, `${FILE_MODES.join(' or ')} (0644 or 0755)`);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
        fail(`${where}sha256`, sha256, '64 lower-case hex digits');
    return { path, size, mode: mode, sha256 };
}
export function parseManifest(source) {
    let raw;
    try {
        raw = JSON.parse(source);
    }
    catch (err) {
        throw new BundleError(`${MANIFEST_FILE}: not JSON (${err.message})`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        fail('the document', raw, 'an object');
    const obj = raw;
    if (obj.format !== MANIFEST_FORMAT)
        fail('format', obj.format, String(MANIFEST_FORMAT));
    const arch = obj.arch;
    if (!BUNDLE_ARCHES.includes(arch))
        fail('arch', arch, BUNDLE_ARCHES.join(', '));
    if (!Array.isArray(obj.files))
        fail('files', obj.files, 'an array');
    const files = obj.files.map(parseFile);
    const seen = new Set();
    for (const f of files) {
        if (seen.has(f.path))
            fail('a path listed twice', f.path, 'each path once');
        seen.add(f.path);
    }
    return {
        format: MANIFEST_FORMAT,
        name: text(obj, 'name', ''),
        version: text(obj, 'version', ''),
        arch: arch,
        node: text(obj, 'node', ''),
        files,
    };
}
const LISTED = 5;
/**
 * Checks an unpacked bundle against its manifest: every listed file present with its size, mode
 * and SHA-256, and nothing else. Returns the manifest; throws BundleError naming what differs.
 */
export function verifyUnpacked(root) {
    const manifest = readManifestOf(root);
    return compareWithManifest(root, manifest, bundleFiles(root));
}
/** verifyUnpacked without holding the event loop: for the firmware, which installs while it runs. */
export async function verifyUnpackedAsync(root) {
    const manifest = readManifestOf(root);
    const files = [];
    for (const p of filePaths(root))
        files.push(await hashFileAsync(root, p));
    return compareWithManifest(root, manifest, files);
}
function readManifestOf(root) {
    let source;
    try {
        source = readFileSync(join(root, MANIFEST_FILE), 'utf8');
    }
    catch (err) {
        throw new BundleError(`${root}: no readable ${MANIFEST_FILE} (${err.code ?? String(err)})`);
    }
    return parseManifest(source);
}
function compareWithManifest(root, manifest, files) {
    const actual = new Map(files.map((f) => [f.path, f]));
    const problems = [];
    for (const want of manifest.files) {
        const got = actual.get(want.path);
        actual.delete(want.path);
        if (got === undefined)
            problems.push(`${want.path} is missing`);
        else if (got.sha256 !== want.sha256 || got.size !== want.size)
            problems.push(`${want.path} has changed (sha256 ${got.sha256})`);
        else if (got.mode !== want.mode)
            problems.push(`${want.path} has mode ${got.mode.toString(8)}, the manifest says ${want.mode.toString(8)}`);
    }
    for (const extra of actual.keys())
        problems.push(`${extra} is not in the manifest`);
    if (problems.length > 0) {
        const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : '';
        throw new BundleError(`${root} does not match its manifest: ${problems.slice(0, LISTED).join('; ')}${more}`);
    }
    return manifest;
}
//# sourceMappingURL=manifest.js.map