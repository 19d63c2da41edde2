/**
 * Session sync keeping pace, primary kernel → secondary kernel (issue 8): the session loader
 * puts N sessions into the primary's table at a target rate, and the secondary's table is
 * counted every POLL_MS until it holds them all. Per run: the loader's achieved rate, the
 * secondary's (N over the time from the first insert to its count matching), how long after
 * the loader's last batch the secondary caught up, the largest backlog seen while loading,
 * whether the primary had to resync (its event buffer overran or a stream fell behind), and
 * CPU % of each board's processes (and the bench's, which runs the loader) from the first
 * insert to the match. The secondary kept pace when it caught up soon after the loader's end
 * (keptPace) with no resync. Between runs the sessions are removed and the removal synced.
 *
 * Replication lag at LAG_RATE: each loader batch's send time against the moment the session's
 * NEW event was read in the secondary's namespace (ct-arrivals.ts), per session.
 */
import { ArrivalWatch } from '../ct-arrivals.js';
import { boardNamespace } from '../paths.js';
import { CpuWindow } from '../proc-usage.js';
import { SessionLoader } from '../session-loader.js';
import { logSince, logSize, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { BenchError } from './options.js';
import { BoardTables, boardPids, pidsByName, serialOf, sessionPair, settledPair, untilCount } from './session-rig.js';
import { median, ms, summarize } from './stats.js';
import { sleep } from './timing.js';
const POLL_MS = 20;
/** A count that has not moved this long after the loader finished is not going to. */
const STILL_MS = 3000;
/** Kept pace: matched within this share of the load's duration after its end, or PACE_MIN_MS. */
export const PACE_SHARE = 0.1;
export const PACE_MIN_MS = 50;
export function keptPace(loadMs, catchUpMs) {
    return catchUpMs <= Math.max(PACE_MIN_MS, PACE_SHARE * loadMs);
}
/** Past the loader's end, how long the secondary may take before the run counts it as not caught up. */
const CATCH_UP_TIMEOUT_MS = 60_000;
const REMOVE_RATE = 50_000;
export const LAG_RATE = 10_000;
const LAG_SECONDS = 5;
/** The first load after forming, reported apart. */
const COLD_SESSIONS = 10_000;
/** Each run loads a fresh range of indices, so nothing of a run before can be mistaken for it. */
const RANGE_STRIDE = 2_000_000;
/**
 * Removes a run's sessions from the primary at REMOVE_RATE (a rate the secondary keeps up
 * with: after an unpaced removal of a million, 340k were still on the secondary a minute
 * later) and waits for the secondary to let them go too, so that the next run starts from a
 * settled table. Resyncs the removal caused are reported.
 */
async function removeAll(rig, loader, tables, pair, job, base) {
    const logFrom = logSize(rig, pair.primary);
    const r = await loader.remove({ ...job, ratePerS: REMOVE_RATE });
    const left = await untilCount(() => tables.count(pair.secondary) - base, (n) => n <= 0, {
        timeoutMs: CATCH_UP_TIMEOUT_MS,
        everyMs: 100,
        stillMs: STILL_MS,
    });
    if (!left.matched)
        progress(`sessions: ${left.value} of the removed sessions still on ${pair.secondary} after ${CATCH_UP_TIMEOUT_MS} ms`);
    const resyncs = logSince(rig, pair.primary, logFrom)
        .split('\n')
        .filter((l) => l.includes('session resync of'));
    for (const l of resyncs)
        progress(`sessions: during the removal: ${l.replace(/^\S+ /, '')}`);
    return r;
}
async function rateRun(rig, pair, tables, loader, o, rate, first) {
    const { primary, secondary } = pair;
    const base = tables.count(secondary);
    const pids = pidsByName({ [primary]: await boardPids(rig, primary), [secondary]: await boardPids(rig, secondary) });
    const logFrom = logSize(rig, primary);
    const cpu = new CpuWindow({ ...pids, bench: process.pid });
    const loading = loader.load({ first, count: o.sessions, ratePerS: rate, udpPercent: o.udpPercent });
    let report = null;
    void loading.then((r) => (report = r));
    let maxBacklog = 0;
    const end = await untilCount(() => tables.count(secondary) - base, (n) => report !== null && n >= report.written, {
        timeoutMs: (o.sessions / Math.max(rate, 1000)) * 1000 + CATCH_UP_TIMEOUT_MS,
        everyMs: POLL_MS,
        stillMs: STILL_MS,
        armed: () => report !== null,
        onSample: (synced) => {
            maxBacklog = Math.max(maxBacklog, loader.progress().done - synced);
        },
    });
    const r = await loading;
    const reading = cpu.read();
    const resyncs = logSince(rig, primary, logFrom)
        .split('\n')
        .filter((l) => l.includes(`session resync of ${serialOf(pair.status, secondary)}`))
        .map((l) => l.replace(/^\S+ /, ''));
    // Short of a match, the secondary's last change is as far as it got.
    const catchUpMs = (end.matched ? end.atMs : end.lastChangeMs) - r.endMs;
    const run = {
        rate,
        written: r.written,
        failed: r.failed,
        loaderPerS: Math.round(r.achievedPerS),
        loadMs: ms(r.elapsedMs),
        caughtUp: end.matched,
        catchUpMs: ms(Math.max(0, catchUpMs)),
        secondaryPerS: Math.round((Math.min(end.value, r.written) * 1000) / ((end.matched ? end.atMs : end.lastChangeMs) - r.startMs)),
        missing: end.matched ? 0 : r.written - end.value,
        maxBacklog,
        resyncs,
        cpu: reading.processes,
        machineBusyPct: reading.machineBusyPct,
        threads: reading.threads,
        others: reading.others,
        keptPace: end.matched && keptPace(r.elapsedMs, catchUpMs) && resyncs.length === 0,
    };
    if (r.failed > 0)
        progress(`sessions: the primary's kernel refused ${r.failed} sessions: ${JSON.stringify(r.refused)}`);
    await removeAll(rig, loader, tables, pair, { first, count: o.sessions, udpPercent: o.udpPercent }, base);
    return run;
}
function rateLabel(rate) {
    return rate === 0 ? 'max' : `${rate / 1000}k/s`;
}
export async function benchSessionRate(o) {
    await withRig(`sessions rate ${o.sessions}`, sessionPair({ connectionless: o.udpPercent > 0 }), async (rig) => {
        const pair = await settledPair(rig);
        const tables = new BoardTables(rig.name);
        const loader = await SessionLoader.open(boardNamespace(rig.name, pair.primary));
        try {
            let fallsBehindAt = null;
            let k = 0;
            for (const rate of o.rates) {
                const runs = [];
                for (let i = 1; i <= o.repeats; i++) {
                    const r = await rateRun(rig, pair, tables, loader, o, rate, k++ * RANGE_STRIDE);
                    runs.push(r);
                    const cpu = Object.entries(r.cpu)
                        .map(([p, v]) => `${p} ${v}%`)
                        .join(', ');
                    progress(`sessions rate ${rateLabel(rate)} run ${i}/${o.repeats}: loader ${r.loaderPerS}/s, secondary ${r.secondaryPerS}/s, ` +
                        `caught up ${r.caughtUp ? `${r.catchUpMs} ms after the load` : 'NOT'}, backlog max ${r.maxBacklog}, ` +
                        `${r.resyncs.length} resyncs; CPU ${cpu}; machine ${r.machineBusyPct}%`);
                }
                const allKept = runs.every((r) => r.keptPace);
                if (!allKept && fallsBehindAt === null)
                    fallsBehindAt = rate;
                const cpuMedian = {};
                for (const p of Object.keys(runs[0]?.cpu ?? {})) {
                    const xs = runs.map((r) => r.cpu[p]).filter((v) => typeof v === 'number');
                    if (xs.length > 0)
                        cpuMedian[p] = median(xs);
                }
                const catchUp = summarize(runs.map((r) => r.catchUpMs));
                emit({
                    bench: 'session-sync-rate',
                    sessions: o.sessions,
                    targetPerS: rate === 0 ? 'max' : rate,
                    udpPercent: o.udpPercent,
                    runs: runs.length,
                    loaderPerSMedian: median(runs.map((r) => r.loaderPerS)),
                    secondaryPerSMedian: median(runs.map((r) => r.secondaryPerS)),
                    secondaryPerSMin: Math.min(...runs.map((r) => r.secondaryPerS)),
                    catchUpP50Ms: catchUp.p50Ms,
                    catchUpMaxMs: catchUp.maxMs,
                    maxBacklog: Math.max(...runs.map((r) => r.maxBacklog)),
                    missing: runs.map((r) => r.missing),
                    keptPace: allKept,
                    paceRule: `every run: the secondary matched within ${PACE_SHARE * 100}% of the load's duration (at least ${PACE_MIN_MS} ms) after its end, no resync`,
                    cpuPctMedian: cpuMedian,
                    cpuNote: '% of one core, from the first insert to the match; "bench" is the loader (this process)',
                    machineBusyPctMedian: median(runs.map((r) => r.machineBusyPct)),
                    samples: runs,
                });
            }
            emit({
                bench: 'session-sync-rate-summary',
                sessions: o.sessions,
                rates: o.rates.map((r) => (r === 0 ? 'max' : r)),
                fallsBehindAt: fallsBehindAt === null ? null : fallsBehindAt === 0 ? 'max' : fallsBehindAt,
            });
        }
        finally {
            await loader.close();
            tables.close();
        }
    });
}
/** One load at LAG_RATE watched from the secondary, then removed. */
async function lagRun(rig, pair, tables, loader, first, count, udpPercent) {
    const base = tables.count(pair.secondary);
    const watch = await ArrivalWatch.open(boardNamespace(rig.name, pair.secondary), first, count);
    let lags = [];
    let watched = { seen: 0, overruns: 0 };
    let r;
    try {
        r = await loader.load({ first, count, ratePerS: LAG_RATE, udpPercent, recordBatches: true });
        await untilCount(() => watch.seen, (n) => n >= r.written, { timeoutMs: CATCH_UP_TIMEOUT_MS, everyMs: 50, stillMs: STILL_MS });
        lags = lagsOf(r.batches, first, (k) => watch.arrivedMs(k));
    }
    finally {
        watched = await watch.close();
    }
    if (lags.length === 0)
        throw new BenchError('no session arrived on the secondary');
    const s = summarize(lags);
    await removeAll(rig, loader, tables, pair, { first, count, udpPercent }, base);
    await sleep(500);
    return {
        lags,
        p50Ms: ms(s.p50Ms),
        p99Ms: ms(s.p99Ms),
        maxMs: ms(s.maxMs),
        missing: r.written - lags.length,
        overruns: watched.overruns,
        loaderPerS: Math.round(r.achievedPerS),
    };
}
/**
 * The first load after the pair formed is measured on its own (`cold`: the sync code paths
 * run for the first time, see the README), then `repeats` loads of LAG_SECONDS each.
 */
export async function benchSessionLag(o) {
    const count = LAG_RATE * LAG_SECONDS;
    await withRig('sessions lag', sessionPair({ connectionless: o.udpPercent > 0 }), async (rig) => {
        const pair = await settledPair(rig);
        const tables = new BoardTables(rig.name);
        const loader = await SessionLoader.open(boardNamespace(rig.name, pair.primary));
        const pooled = [];
        const perRun = [];
        try {
            const { lags: _cold, ...cold } = await lagRun(rig, pair, tables, loader, 0, COLD_SESSIONS, o.udpPercent);
            progress(`sessions lag: cold (first load, ${COLD_SESSIONS} sessions): p50 ${cold.p50Ms} ms, p99 ${cold.p99Ms} ms, max ${cold.maxMs} ms`);
            for (let i = 1; i <= o.repeats; i++) {
                const { lags, ...run } = await lagRun(rig, pair, tables, loader, i * RANGE_STRIDE, count, o.udpPercent);
                perRun.push(run);
                pooled.push(...lags);
                progress(`sessions lag run ${i}/${o.repeats}: ${lags.length} sessions at ${run.loaderPerS}/s, ` +
                    `lag p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, max ${run.maxMs} ms, ${run.missing} missing`);
            }
            const all = summarize(pooled);
            emit({
                bench: 'session-replication-lag',
                ratePerS: LAG_RATE,
                sessionsPerRun: count,
                runs: perRun.length,
                p50Ms: ms(all.p50Ms),
                p99Ms: ms(all.p99Ms),
                maxMs: ms(all.maxMs),
                p99OfRunsMedianMs: median(perRun.map((r) => r.p99Ms)),
                targetP99Ms: 20,
                met: all.p99Ms <= 20,
                cold: { sessions: COLD_SESSIONS, ...cold },
                measured: 'loader batch send on the primary → NEW event read in the secondary namespace, per session, CLOCK_MONOTONIC',
                perRun,
            });
        }
        finally {
            await loader.close();
            tables.close();
        }
    });
}
/** Lag of each session: its arrival against the send time of its batch. Sessions that never arrived are left out. */
export function lagsOf(batches, first, arrivedMs) {
    if (!batches)
        return [];
    const out = [];
    for (let b = 0; b + 2 < batches.length; b += 3) {
        const from = batches[b];
        const n = batches[b + 1];
        const at = batches[b + 2];
        for (let i = from; i < from + n; i++) {
            const t = arrivedMs(i - first);
            if (t > 0)
                out.push(t - at);
        }
    }
    return out;
}
//# sourceMappingURL=session-rate.js.map