/**
 * Rigs for benchmarks: each under a unique name, each taken down when its benchmark ends, and
 * every one still up taken down when the process ends early (the supervisor is detached, so
 * Ctrl-C does not reach it). Also reads the boards' firmware.log, which the rig deletes on
 * its way down.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { type BoardLetter, boardLogFile, uniqueRigName } from '../paths.js';
import { type Rig, up } from '../rig.js';
import { type RigConfigOptions, rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { progress } from './emit.js';

const live = new Set<Rig>();
/** One take-down per rig: an early exit's and the benchmark's own must not race (two unmounts of one folder). */
const downs = new Map<Rig, Promise<boolean>>();

function downOnce(rig: Rig): Promise<boolean> {
  let done = downs.get(rig);
  if (!done) {
    done = rig.down();
    downs.set(rig, done);
  }
  return done;
}
const UP_TIMEOUT_MS = 60_000;

/**
 * Brings a formed rig up with `configs`, runs `body`, and takes the rig down however it ends.
 * `arm64Boards` run the arm64 bundle under qemu-user (they boot in seconds: up waits longer).
 */
export async function withRig<T>(
  what: string,
  configs: string[],
  body: (rig: Rig) => Promise<T>,
  o: { arm64Boards?: string[] } = {},
): Promise<T> {
  const name = uniqueRigName('b');
  progress(`${what}: rig ${name} coming up`);
  const timeoutMs = o.arm64Boards?.length ? 3 * UP_TIMEOUT_MS : UP_TIMEOUT_MS;
  const rig = await up({ name, boards: configs.length, configs, timeoutMs, arm64Boards: o.arm64Boards });
  live.add(rig);
  let failed = false;
  try {
    return await body(rig);
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    live.delete(rig);
    if (failed && process.env.TANDEM_BENCH_KEEP_FAILED) {
      progress(
        `${what}: rig ${name} kept for inspection (TANDEM_BENCH_KEEP_FAILED); remove it with: tandem-rig down --name ${name}`,
      );
    } else {
      await downOnce(rig);
      progress(`${what}: rig ${name} down`);
    }
  }
}

/** Takes down every rig a benchmark still holds. */
export async function downLiveRigs(): Promise<void> {
  const rigs = [...live];
  live.clear();
  await Promise.all(rigs.map((r) => downOnce(r).catch((e) => progress(`rig ${r.name}: down failed: ${(e as Error).message}`))));
}

/**
 * Every way a benchmark process can end early takes its rigs down first, then exits: SIGINT
 * (130), SIGTERM (143), the reader of its results going away (`run.js … | head`: stdout's
 * EPIPE, 141 as for SIGPIPE) and an uncaught exception (1). A second one while that runs is
 * ignored, so an impatient Ctrl-C does not leave namespaces behind. A closed stdout once ended
 * the process at the next result, leaving its rig up with both boards running.
 */
export function downRigsOnEarlyExit(): void {
  let stopping = false;
  const stop = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    progress(`${why}: taking rigs down`);
    void downLiveRigs().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => stop('SIGINT', 130));
  process.on('SIGTERM', () => stop('SIGTERM', 143));
  process.stdout.on('error', (e: NodeJS.ErrnoException) =>
    stop(e.code === 'EPIPE' ? 'the results reader went away' : `stdout: ${e.message}`, e.code === 'EPIPE' ? 141 : 1),
  );
  process.on('uncaughtException', (e) => stop(`uncaught: ${e.stack ?? e}`, 1));
}

/** Size of a board's firmware.log, to read what is written after this point. */
export function logSize(rig: Rig, board: BoardLetter): number {
  return statSync(boardLogFile(rig.name, board)).size;
}

/** What a board's firmware.log gained since byte `offset`. */
export function logSince(rig: Rig, board: BoardLetter, offset: number): string {
  const file = boardLogFile(rig.name, board);
  const fd = openSync(file, 'r');
  try {
    const length = Math.max(0, statSync(file).size - offset);
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, offset);
    return buf.subarray(0, n).toString();
  } finally {
    closeSync(fd);
  }
}

/**
 * The configs of a benchmark pair running the rig's gateway: hello-holddown 5 s (the minimum)
 * keeps re-forming short, and a 1 s margin lets age decide, so a board brought back stays
 * secondary unless the case says otherwise.
 */
export function gatewayPair(o: RigConfigOptions): string[] {
  return [0, 1].map((i) => rigConfig(i, { helloHolddownS: 5, marginS: 1, extra: gatewayConfig(), ...o }));
}
