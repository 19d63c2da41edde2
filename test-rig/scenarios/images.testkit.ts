/** Helpers for the scenarios that install images on rig boards (deploy, rolling-upgrade). */
import assert from 'node:assert/strict';
import { simBoard } from '../../board/sim/index.js';
import { type BoardLetter, boardDir } from '../paths.js';
import { type ScenarioRig, stateOf } from './scenario-rig.testkit.js';

/** The sim board's health bound: an image on trial not healthy by then is rolled back. */
export const BOUND_S = simBoard({ dir: '', serial: '', tty: '' }).boot.healthBoundS;

/** Where the board looks for the release key its images must be signed with. */
export function releaseKeyOf(rig: string, board: BoardLetter): string {
  return simBoard({ dir: boardDir(rig, board), serial: '', tty: '' }).boot.releaseKey;
}

/** Polls a console command until its output matches (the board may be restarting meanwhile). */
export async function untilOutput(sr: ScenarioRig, board: BoardLetter, line: string, re: RegExp, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = await sr.rig.exec(board, line).catch((e: Error) => e.message);
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`board ${board}: \`${line}\` did not match ${re} in ${timeoutMs} ms; last:\n${last}`);
}

/** Samples the rig until stopped, failing on any moment with two units working. */
export function watchOnePrimary(sr: ScenarioRig): { stop(): Promise<number> } {
  let running = true;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      // A status the rig cannot give (it is going down) is no sample.
      const s = await sr.rig.status().catch(() => null);
      if (s !== null) {
        const working = (['A', 'B'] as const).filter((b) => stateOf(s, b) === 'work');
        assert.ok(working.length <= 1, `two primaries: ${working.join(', ')}`);
        samples++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}
