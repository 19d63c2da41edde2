// zstd compression of the bundle. The archive is a series of zstd frames (a zstd stream may hold
// several; `zstd -d` and `tar --zstd` read them as one): the Node runtime's entry is a frame of
// its own, cached by its content, because it is 85 % of the bytes and level 19 takes about a
// minute on it with both cores (two without threads). zstd's output depends only on the input,
// the level and whether threads are used, not on how many (checked: -T1 and -T2 give the same
// bytes), so a cached frame is the frame this build would make.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cachePath, writeCacheFile } from './cache.js';

export const ZSTD_LEVEL = 19;
const ARGS = [`-${ZSTD_LEVEL}`, '-T0', '-c'];

let version;
function zstdVersion() {
  version ??= execFileSync('zstd', ['--version'], { encoding: 'utf8' }).trim();
  return version;
}

/** One zstd frame holding `bytes`; zstd's progress shows on a terminal. */
export function zstdFrame(bytes) {
  const tty = process.stderr.isTTY;
  const r = spawnSync('zstd', [...ARGS, tty ? '--progress' : '-q'], {
    input: bytes,
    maxBuffer: 2 * bytes.length + (1 << 20),
    stdio: ['pipe', 'pipe', tty ? 'inherit' : 'pipe'],
  });
  if (r.status !== 0) throw new Error(`zstd ${ARGS.join(' ')} failed: ${r.error?.message ?? r.stderr?.toString().trim()}`);
  return r.stdout;
}

/** Like zstdFrame, from the cache when this zstd compressed these bytes before. */
export function cachedZstdFrame(bytes) {
  const key = createHash('sha256')
    .update(`${zstdVersion()}\n${ARGS.join(' ')}\n`)
    .update(bytes)
    .digest('hex');
  const path = cachePath('frames', `${key}.zst`);
  if (existsSync(path)) return { frame: readFileSync(path), cached: true };
  const frame = zstdFrame(bytes);
  writeCacheFile(path, frame);
  return { frame, cached: false };
}
