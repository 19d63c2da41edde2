/** Helpers for the scenarios that install images on rig boards (deploy, rolling-upgrade). */
import assert from 'node:assert/strict';
import { simBoard } from '../../board/sim/index.js';
import { HANDOVER_WAIT_MS } from '../../firmware/ha/graceful-leave.js';
import { boardDir } from '../paths.js';
import { stateOf } from './scenario-rig.testkit.js';
/** The sim board's health bound: an image on trial not healthy by then is rolled back. */
export const BOUND_S = simBoard({ dir: '', serial: '', tty: '' }).boot.healthBoundS;
/** Longer than a graceful leave's make-before-break (see watchOnePrimary). */
const SAMPLE_MS = 2 * HANDOVER_WAIT_MS;
/** Where the board looks for the release key its images must be signed with. */
export function releaseKeyOf(rig, board) {
    return simBoard({ dir: boardDir(rig, board), serial: '', tty: '' }).boot.releaseKey;
}
/** Polls a console command until its output matches (the board may be restarting meanwhile). */
export async function untilOutput(sr, board, line, re, timeoutMs) {
    const until = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < until) {
        last = await sr.rig.exec(board, line).catch((e) => e.message);
        if (re.test(last))
            return last;
        await new Promise((r) => setTimeout(r, 500));
    }
    assert.fail(`board ${board}: \`${line}\` did not match ${re} in ${timeoutMs} ms; last:\n${last}`);
}
/**
 * Samples the rig every SAMPLE_MS until stopped, and fails when two units work in two samples
 * in a row. One sample may catch a graceful leave's make-before-break: the leaving primary
 * forwards until its successor's heartbeat says it works, at most HANDOVER_WAIT_MS (shorter
 * than the sampling period), so two samples in a row are a real second primary.
 */
export function watchOnePrimary(sr) {
    let running = true;
    let samples = 0;
    let doubled = null;
    let failure = null;
    const loop = (async () => {
        while (running && failure === null) {
            // A status the rig cannot give (it is going down) is no sample.
            const s = await sr.rig.status().catch(() => null);
            if (s !== null) {
                const working = ['A', 'B'].filter((b) => stateOf(s, b) === 'work');
                const now = working.length > 1 ? working.join(', ') : null;
                if (now !== null && doubled !== null)
                    failure = `two primaries in two samples ${SAMPLE_MS} ms apart: ${now}`;
                doubled = now;
                samples++;
            }
            await new Promise((r) => setTimeout(r, SAMPLE_MS));
        }
    })();
    return {
        async stop() {
            running = false;
            await loop;
            assert.equal(failure, null);
            return samples;
        },
    };
}
//# sourceMappingURL=images.testkit.js.map