/**
 * Failure detection: kill -9 the primary, measure until the secondary is in `work` (its
 * snapshot's stateSinceMs − the fault's atMs, both CLOCK_MONOTONIC). The kill lands at a random
 * phase against the heartbeat timer; between runs the killed board is restarted and the pair
 * allowed to form again, and the next run kills whichever board is primary then.
 */
import { rigConfig } from '../rig-config.js';
import { boardStatus, workingBoards } from '../status.js';
import { logSince, logSize, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { linesBetween, linesMatching } from './log-lines.js';
import { BenchError } from './options.js';
import { ms, summarize } from './stats.js';
import { preciseDelay } from './timing.js';
/** hb 10 ms × 3 (fast) and the FortiOS defaults, 200 ms × 6. */
export const FAILOVER_CASES = [
    { hbIntervalMs: 10, lostThreshold: 3 },
    { hbIntervalMs: 200, lostThreshold: 6 },
];
const SLACK_MS = 5;
const FORM_TIMEOUT_MS = 60_000;
const POLL_MS = 50;
export const failoverTargetMs = (c) => c.hbIntervalMs * c.lostThreshold + SLACK_MS;
/**
 * hello-holddown 5 s (the minimum) keeps re-forming short; a 1 s uptime margin lets age decide,
 * so the restarted board stays secondary and each run is one failover, not two.
 */
function configs(c) {
    return [0, 1].map((i) => rigConfig(i, { hbIntervalMs: c.hbIntervalMs, lostThreshold: c.lostThreshold, helloHolddownS: 5, marginS: 1 }));
}
async function oneRun(rig, c, target) {
    const formed = await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const primary = workingBoards(formed)[0];
    const survivor = formed.boards.find((b) => b.board !== primary)?.board;
    if (!primary || !survivor)
        throw new BenchError(`no primary and secondary in a formed pair of ${formed.name}`);
    const logFrom = logSize(rig, survivor);
    await preciseDelay(Math.random() * c.hbIntervalMs);
    const { atMs } = await rig.fault('kill', primary);
    const s = await rig.waitFor((x) => {
        const b = boardStatus(x, survivor);
        return b.state === 'work' && (b.ha?.stateSinceMs ?? 0) > atMs;
    }, target + 10_000, `${survivor} takes over after ${primary} was killed`, POLL_MS);
    const since = boardStatus(s, survivor).ha?.stateSinceMs ?? Number.NaN;
    const sampleMs = since - atMs;
    const evidence = sampleMs > target
        ? { evidence: linesBetween(logSince(rig, survivor, logFrom), atMs - 2 * target, since + 50).slice(-12) }
        : {};
    const restartFrom = logSize(rig, primary);
    await rig.fault('restart', primary);
    await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const rejoin = linesMatching(logSince(rig, primary, restartFrom), / HA state /).map((l) => l.replace(/^.* HA state /, ''));
    return { killed: primary, survivor, sampleMs, ...evidence, rejoin };
}
export async function benchFailover(c, runs) {
    const hb = `${c.hbIntervalMs}ms x ${c.lostThreshold}`;
    const target = failoverTargetMs(c);
    await withRig(`failover ${hb}`, configs(c), async (rig) => {
        const records = [];
        for (let i = 1; i <= runs; i++) {
            const r = await oneRun(rig, c, target);
            records.push(r);
            const over = r.sampleMs > target ? `  OVER TARGET ${target} ms` : '';
            const rejoin = r.rejoin.map((l) => l.replace(/:.*/, '')).join(', ');
            progress(`failover ${hb}: run ${i}/${runs}: killed ${r.killed}, ${r.survivor} in work after ${r.sampleMs.toFixed(2)} ms${over}; ${r.killed} rejoined: ${rejoin}`);
        }
        const sum = summarize(records.map((r) => r.sampleMs));
        const over = records.filter((r) => r.evidence);
        const dualPrimary = records.filter((r) => r.rejoin.some((l) => /-> work/.test(l)));
        emit({
            bench: 'failover-detect',
            hb,
            runs: sum.n,
            p50Ms: ms(sum.p50Ms),
            p99Ms: ms(sum.p99Ms),
            maxMs: ms(sum.maxMs),
            minMs: ms(sum.minMs),
            targetMs: target,
            met: sum.p99Ms <= target,
            p99: 'nearest rank (with fewer than 100 runs: the max)',
            samplesMs: records.map((r) => ms(r.sampleMs)),
            killed: records.map((r) => r.killed).join(''),
            rejoinedThroughWork: dualPrimary.length,
            ...(dualPrimary.length > 0 ? { rejoinExample: dualPrimary[0]?.rejoin } : {}),
            ...(over.length > 0
                ? { overTarget: over.map((r) => ({ sampleMs: ms(r.sampleMs), survivor: r.survivor, log: r.evidence })) }
                : {}),
        });
    });
}
//# sourceMappingURL=failover.js.map