/**
 * A measuring tool run beside a benchmark window (cyclictest, perf): started with an output file
 * in a folder of its own, stopped with SIGINT, its file read, the folder removed. A tool that is
 * missing or fails costs the benchmark that one reading, not the run: `stop` says why and
 * returns null.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progress } from './emit.js';

export interface SideTool<T> {
  stop(): Promise<T | null>;
}

export interface SideToolSpec<T> {
  command: string;
  /** The Debian package that brings it (`npm run bench` installs it). */
  pkg: string;
  /** What the benchmark loses without it, for the progress line. */
  what: string;
  args(file: string): string[];
  read(file: string): T | Promise<T>;
}

export function startSideTool<T>(spec: SideToolSpec<T>): SideTool<T> {
  const dir = mkdtempSync(join(tmpdir(), `tandem-${spec.command}-`));
  const file = join(dir, 'out');
  const child = spawn(spec.command, spec.args(file), { stdio: 'ignore' });
  let failed: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      failed =
        (e as NodeJS.ErrnoException).code === 'ENOENT'
          ? `${spec.command} is not installed (${spec.pkg}; npm run bench installs it)`
          : e.message;
      resolve();
    });
    child.on('exit', () => resolve());
  });
  return {
    async stop() {
      child.kill('SIGINT');
      await exited;
      try {
        if (failed) throw new Error(failed);
        return await spec.read(file);
      } catch (e) {
        progress(`${spec.what} not measured: ${(e as Error).message}`);
        return null;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
