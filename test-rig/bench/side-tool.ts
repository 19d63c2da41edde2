/**
 * A measuring tool run beside a benchmark window (cyclictest, perf): started with an output file
 * in a folder of its own, stopped with SIGINT, its file read, the folder removed. A tool that is
 * missing or fails costs the benchmark that one reading, not the run: `stop` says why and
 * returns null.
 *
 * A window starts once the tool measures (`ready`): `perf record -a` spends 130–180 ms of both
 * CPUs getting there on this VM (it reads every process's maps first), so a fault injected at
 * its spawn, as the gap benchmark did until 2026-12-03, fell before its recording and beside
 * that work.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { progress } from './emit.js';

export interface SideTool<T> {
  /** Settles once the tool measures (its ready line seen), has failed or exited, or READY_TIMEOUT_MS passed; never rejects. */
  readonly ready: Promise<void>;
  stop(): Promise<T | null>;
}

export interface SideToolSpec<T> {
  command: string;
  /** The Debian package that brings it (`npm run bench` installs it). */
  pkg: string;
  /** What the benchmark loses without it, for the progress line. */
  what: string;
  args(file: string): string[];
  /** A line on its stderr saying it measures now; without one it measures from its start. */
  readyLine?: RegExp;
  read(file: string): T | Promise<T>;
}

const READY_TIMEOUT_MS = 10_000;

function notMeasured(what: string, why: string): void {
  progress(`${what} not measured: ${why}`);
}

/** A tool that cannot be run here (`why`): ready at once, and its stop says why and returns null. */
export function unavailableSideTool<T>(what: string, why: string): SideTool<T> {
  return {
    ready: Promise.resolve(),
    stop: async () => {
      notMeasured(what, why);
      return null;
    },
  };
}

export function startSideTool<T>(spec: SideToolSpec<T>): SideTool<T> {
  const dir = mkdtempSync(join(tmpdir(), `tandem-${basename(spec.command)}-`));
  const file = join(dir, 'out');
  const child = spawn(spec.command, spec.args(file), { stdio: ['ignore', 'ignore', 'pipe'] });
  let failed: string | null = null;
  /** How the tool ended, when not as asked: said when its output cannot be read. */
  let ended: string | null = null;
  /** The end of what the tool said on stderr. */
  let said = '';
  // Read to the end whatever the tool is: a full pipe would stall it.
  child.stderr?.on('data', (d: Buffer) => {
    said = (said + d.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      failed =
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${spec.command} is not installed (${spec.pkg}; npm run bench installs it)`
          : e.message;
      resolve();
    });
    child.on('exit', (code) => {
      if (code) ended = `${basename(spec.command)} exited with ${code}: ${said.trim().split('\n').at(-1) ?? ''}`;
      resolve();
    });
  });
  const ready = new Promise<void>((resolve) => {
    const line = spec.readyLine;
    if (!line) return resolve();
    let seen = false;
    const timer = setTimeout(() => {
      progress(`${spec.what}: ${spec.command} did not say it measures within ${READY_TIMEOUT_MS} ms`);
      resolve();
    }, READY_TIMEOUT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    child.stderr?.on('data', () => {
      if (seen) return;
      seen = line.test(said);
      if (seen) done();
    });
    void exited.then(done);
  });
  return {
    ready,
    async stop() {
      child.kill('SIGINT');
      await exited;
      try {
        if (failed) throw new Error(failed);
        return await spec.read(file);
      } catch (e) {
        notMeasured(spec.what, `${(e as Error).message}${ended ? ` (${ended})` : ''}`);
        return null;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
