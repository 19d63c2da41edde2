/** What the session sync scenarios read of the traffic tool's TCP streams and of a board's kernel table. */
import { type BoardLetter, boardNamespace } from '../paths.js';
import { run } from '../shell.js';
import { STREAM_PORT } from '../traffic/protocol.js';
import type { TrafficReport } from '../traffic/report.js';

/**
 * The streams' established sessions in a board's kernel table, as sorted "src:sport" of their
 * original tuples (closed streams linger in TIME_WAIT and are left out; `any`: in they go).
 */
export async function streamTuples(
  rig: string,
  board: BoardLetter,
  states: 'established' | 'any' = 'established',
): Promise<string[]> {
  const args = ['-L', '-p', 'tcp', '--dport', `${STREAM_PORT}`, ...(states === 'any' ? [] : ['--state', 'ESTABLISHED'])];
  const { stdout } = await run('ip', ['netns', 'exec', boardNamespace(rig, board), 'conntrack', ...args]);
  return stdout
    .split('\n')
    .map((l) => /src=(\S+) dst=\S+ sport=(\d+) dport=/.exec(l))
    .filter((m) => m !== null)
    .map((m) => `${m[1]}:${m[2]}`)
    .sort();
}

/** When both ends of a stream last heard from the other (the earlier of the two). */
export function lastHeard(s: TrafficReport['streams']['list'][number]): number {
  return Math.min(s.toServer.lastArrivalMs ?? 0, s.toClient.lastArrivalMs ?? 0);
}
