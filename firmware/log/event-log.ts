/**
 * The persistent event log (`execute log display`): operator events appended to the board's
 * flash, one line each, rotated to `<file>.1` past a size limit so flash never fills up.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Clock, wallTimeIso } from '../../hal/clock/index.js';
import type { LogRecord } from './logger.js';

const MAX_BYTES = 1 << 20;

export class EventLog {
  private size: number;

  constructor(
    private readonly path: string,
    private readonly clock: Clock,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      this.size = statSync(path).size;
    } catch {
      this.size = 0;
    }
  }

  append(r: LogRecord): void {
    const line = `${wallTimeIso(this.clock)} ${r.level} ${r.namespace}: ${r.message}\n`;
    if (this.size + line.length > MAX_BYTES) {
      renameSync(this.path, `${this.path}.1`);
      this.size = 0;
    }
    appendFileSync(this.path, line);
    this.size += line.length;
  }
}

/**
 * The console and daemon log line: wall time, monotonic ms (comparable across the rig), text.
 * A record stamped by the heartbeat worker keeps its own time: the main thread may write it late.
 */
export function formatLogLine(r: LogRecord, clock: Clock): string {
  const at = r.atMs ?? clock.nowMs();
  const wall = wallTimeIso(clock, at);
  return `${wall} [${at.toFixed(3)}] ${r.level} ${r.namespace}: ${r.message}\n`;
}
