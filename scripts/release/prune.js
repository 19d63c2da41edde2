// What of the production dependencies stays on the board: what runs. Removed from node_modules:
// npm's own bookkeeping (.bin links, .package-lock.json), documentation (*.md, doc/, docs/),
// TypeScript declarations and source maps, the C/C++ sources and build files the packages ship
// for rebuilding their native parts, and the native builds for other systems: serialport's
// prebuilds for every platform but linux-<arch>, and the musl builds that koffi and cbor-extract
// ship beside the glibc ones (the boards run Debian).
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const DROP_DIRS = new Set(['.bin', 'doc', 'docs']);
const DROP_FILES = new Set(['.package-lock.json', 'CMakeLists.txt', 'binding.gyp']);
const DROP_SUFFIXES = [
  '.md',
  '.d.ts',
  '.d.cts',
  '.d.mts',
  '.map',
  '.c',
  '.cc',
  '.cpp',
  '.h',
  '.hh',
  '.hpp',
  '.inc',
  '.S',
  '.asm',
  '.def',
  '.gyp',
  '.gypi',
];

/** Whether `rel` (a path below node_modules) is a native build for another system than linux-<npmCpu> glibc. */
function foreignNative(rel, npmCpu) {
  const steps = rel.split('/');
  const prebuilds = steps.indexOf('prebuilds');
  if (prebuilds >= 0 && steps.length > prebuilds + 1 && steps[prebuilds + 1] !== `linux-${npmCpu}`) return true;
  return steps.some((s) => s.includes('musl'));
}

function size(path) {
  const st = lstatSync(path);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(path)) {
    const inner = size(join(path, name));
    bytes += inner.bytes;
    files += inner.files;
  }
  return { bytes, files };
}

/** Prunes `nodeModules` for `target`; returns the bytes and files removed. */
export function pruneNodeModules(nodeModules, target) {
  const removed = { bytes: 0, files: 0 };
  const drop = (path) => {
    const s = size(path);
    removed.bytes += s.bytes;
    removed.files += s.files;
    rmSync(path, { recursive: true });
  };
  const walk = (rel) => {
    for (const name of readdirSync(join(nodeModules, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = join(nodeModules, path);
      const dir = lstatSync(full).isDirectory();
      const unwanted = dir ? DROP_DIRS.has(name) : DROP_FILES.has(name) || DROP_SUFFIXES.some((suffix) => name.endsWith(suffix));
      if (unwanted || foreignNative(path, target.npmCpu)) drop(full);
      else if (dir) walk(path);
    }
  };
  walk('');
  return removed;
}
