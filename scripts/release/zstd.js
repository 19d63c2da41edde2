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

/**
 * Level 19 for releases. TANDEM_RELEASE_ZSTD_LEVEL (1-19) trades size for time: the release
 * tests build at a fast level, since what they check (same bytes twice, contents, signature)
 * does not depend on it; the release benchmark measures the size at 19.
 */
export const ZSTD_LEVEL = zstdLevel(process.env.TANDEM_RELEASE_ZSTD_LEVEL);
const ARGS = [`-${ZSTD_LEVEL}`, '-T0', '-c'];

function zstdLevel(text) {
  if (text === undefined || text === '') return 19;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 19) {
    throw new Error(`TANDEM_RELEASE_ZSTD_LEVEL=${text} is not allowed: use an integer 1-19 (19 for a release)`);
  }
  return n;
}

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
