// Downloads and slow results the release build keeps between runs (Node runtimes, compressed
// runtime frames, the qemu sysroot), under $XDG_CACHE_HOME/tandem-release (~/.cache by default).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tandem-release');

/** A path in the cache; its folder exists. */
export function cachePath(...parts) {
  const path = join(CACHE_DIR, ...parts);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** Writes a cache entry whole or not at all, so an interrupted build leaves nothing half-written. */
export function writeCacheFile(path, data) {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}
