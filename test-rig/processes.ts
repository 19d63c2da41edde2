/**
 * Process identity and state from /proc. A pid alone can be reused after a crash, so records
 * keep the process start time too: cleanup never signals a stranger that inherited a pid.
 */
import { readFileSync } from 'node:fs';

export interface ProcessRecord {
  pid: number;
  /** Start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  startTicks: number;
}

export type RunState = 'running' | 'stopped' | 'zombie' | 'gone';

interface Stat {
  state: string;
  startTicks: number;
}

function readStat(pid: number): Stat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name may contain spaces and parentheses; fields resume after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '?', startTicks: Number(fields[19]) };
}

export function processRecord(pid: number): ProcessRecord | null {
  const stat = readStat(pid);
  return stat ? { pid, startTicks: stat.startTicks } : null;
}

export function runState(pid: number): RunState {
  const stat = readStat(pid);
  if (!stat) return 'gone';
  if (stat.state === 'Z' || stat.state === 'X') return 'zombie';
  if (stat.state === 'T' || stat.state === 't') return 'stopped';
  return 'running';
}

/** The recorded process still exists (same pid, same start time) and has not exited. */
export function isAlive(rec: ProcessRecord): boolean {
  const stat = readStat(rec.pid);
  return stat !== null && stat.startTicks === rec.startTicks && stat.state !== 'Z' && stat.state !== 'X';
}

/** Sends a signal, ignoring a process that is already gone. */
export function signalQuietly(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** CLOCK_MONOTONIC in milliseconds, the clock the firmware and benchmarks share. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
