/** Waiting for a board's firmware.log to gain a line, and reading its CLOCK_MONOTONIC stamp. */
import type { Rig } from '../rig.js';
import { logSince } from './bench-rig.js';
import { linesMatching, stampOf } from './log-lines.js';
import { BenchError } from './options.js';

const LINE_TIMEOUT_MS = 30_000;
const POLL_MS = 20;

/** The stamp of the first line matching `re` the board's log gains after `offset`, waiting for it. */
export async function stampAfter(
  rig: Rig,
  board: 'A' | 'B',
  offset: number,
  re: RegExp,
  timeoutMs = LINE_TIMEOUT_MS,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const line = linesMatching(logSince(rig, board, offset), re)[0];
    const t = line === undefined ? null : stampOf(line);
    if (t !== null) return t;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const seen = linesMatching(logSince(rig, board, offset), /config|control|key-change|boot|upgrade|ha:/).slice(-10);
  throw new BenchError(
    `${rig.name} board ${board}: no line matching ${re} within ${timeoutMs} ms; since then:\n${seen.join('\n')}`,
  );
}
