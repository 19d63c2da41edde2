/**
 * Bulk resync and memory (issue 8). The pair starts idle: both boards' memory is read (RSS and
 * PSS of the main process and the heartbeat worker process, and their sum) as it forms and a
 * minute later. The loader puts N sessions into the primary's table as fast as it goes; once
 * the secondary holds them all, memory is read again, and a minute later. Then, per run, the secondary loses power, its table is emptied (a real
 * board's kernel starts empty), and it powers on: it boots, rejoins, and the primary streams
 * its table to it. Timed from the primary's "session resync of <serial> … joined" line (the
 * rejoin, stamped CLOCK_MONOTONIC) to the secondary's count matching (polled every POLL_MS),
 * with its count sampled all along as the progress, the firmware's own resync lines from both
 * logs, CPU % of both boards over the resync, and the secondary's memory after it (peak
 * included).
 */
import { boardNamespace } from '../paths.js';
import { CpuWindow } from '../proc-usage.js';
import { SessionLoader } from '../session-loader.js';
import { logSince, logSize, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { stampOf } from './log-lines.js';
import { BoardTables, boardMemory, boardPids, FORM_TIMEOUT_MS, IN_SYNC, memoryMb, pidsByName, pollUntil, powerLossEmptied, SETTLE_MS, serialOf, sessionPair, settledPair, untilCount, } from './session-rig.js';
import { median, ms, summarize } from './stats.js';
import { monotonicMs, sleep } from './timing.js';
const POLL_MS = 50;
const STABLE_MS = 2000;
/** Progress samples kept in the report: one each this often. */
const PROGRESS_EVERY_MS = 500;
export const RESYNC_TARGET_MS = 8000;
export const RESYNC_TARGET_FOR = 1_000_000;
export const RSS_IDLE_TARGET_MB = 80;
export const RSS_LOADED_TARGET_MB = 120;
/**
 * Memory is read again this long after a phase ends: V8's memory reducer shrinks the heaps some
 * seconds after allocation stops (a default rig's main process: PSS 56 MB at forming, 46 MB 30 s
 * later). The reading at the phase's end is the transient, this one the board in service.
 */
const STEADY_AFTER_MS = 60_000;
async function readMemory(rig, pair) {
    const out = {};
    for (const [role, board] of [
        ['primary', pair.primary],
        ['secondary', pair.secondary],
    ]) {
        out[board] = { role, ...memoryMb(boardMemory(await boardPids(rig, board))) };
    }
    return out;
}
function emitMemory(phase, sessions, boards) {
    const targetMb = sessions === 0 ? RSS_IDLE_TARGET_MB : RSS_LOADED_TARGET_MB;
    const sums = Object.values(boards).map((b) => Number(b.rssMb));
    const pss = Object.values(boards).map((b) => Number(b.pssMb));
    emit({
        bench: 'session-rss',
        phase,
        sessions,
        boards,
        targetMb,
        met: sums.every((x) => x <= targetMb),
        metByPss: pss.every((x) => x <= targetMb),
        rule: 'per board, RSS of main + heartbeat worker; PSS counts the pages the two processes share once, as the board holds them',
    });
}
/** The stamp of the last line in `log` that contains `text`, with the line. */
function lastLine(log, text) {
    const line = log
        .split('\n')
        .filter((l) => l.includes(text))
        .at(-1);
    const atMs = line ? stampOf(line) : null;
    return line && atMs !== null ? { atMs, line: line.replace(/^\S+ /, '') } : null;
}
async function resyncRun(rig, pair, tables, written, timeoutMs) {
    const { primary, secondary } = pair;
    const serial = serialOf(pair.status, secondary);
    const logP = logSize(rig, primary);
    await powerLossEmptied(rig, tables, secondary);
    const base = tables.count(secondary);
    const logS = logSize(rig, secondary);
    const on = (await rig.fault('power-on', secondary)).atMs;
    const pids = pidsByName({ [primary]: await boardPids(rig, primary), [secondary]: await boardPids(rig, secondary) });
    const cpu = new CpuWindow(pids);
    const samples = [];
    // Until the count matches; or, when it does not, until the secondary says it is in sync and
    // its count has stood still for STABLE_MS (sessions went missing: the run records which).
    let last = -1;
    let lastChangeMs = 0;
    let saidInSync = false;
    const end = await pollUntil(() => tables.count(secondary) - base, (n) => {
        const now = monotonicMs();
        if (n !== last) {
            last = n;
            lastChangeMs = now;
        }
        if (n >= written)
            return true;
        saidInSync ||= logSince(rig, secondary, logS).includes(IN_SYNC);
        return saidInSync && now - lastChangeMs >= STABLE_MS;
    }, timeoutMs, POLL_MS, (n, atMs) => samples.push({ atMs, sessions: n }));
    const matched = end.value >= written;
    const reading = cpu.read();
    await pollUntil(() => logSince(rig, secondary, logS).includes(IN_SYNC), (x) => x, timeoutMs, 100);
    await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const pLog = logSince(rig, primary, logP);
    const sLog = logSince(rig, secondary, logS);
    const joined = lastLine(pLog, `session resync of ${serial}`);
    const inSync = lastLine(sLog, IN_SYNC);
    // Unmatched, the resync's end is when the count last moved.
    const doneAtMs = matched ? end.atMs : lastChangeMs;
    const resyncMs = joined ? doneAtMs - joined.atMs : null;
    const from = joined?.atMs ?? on;
    const kept = [];
    let next = from;
    for (const s of samples) {
        if (s.atMs < next && s !== samples.at(-1))
            continue;
        kept.push({ sinceJoinMs: Math.round(s.atMs - from), sessions: s.sessions });
        next = s.atMs + PROGRESS_EVERY_MS;
    }
    const logLines = [
        ...pLog
            .split('\n')
            .filter((l) => /resync/.test(l))
            .map((l) => `${primary}: ${l.replace(/^\S+ /, '')}`),
        ...sLog
            .split('\n')
            .filter((l) => /sessions in sync|resync|reconcil/.test(l))
            .map((l) => `${secondary}: ${l.replace(/^\S+ /, '')}`),
    ];
    return {
        resyncMs: resyncMs === null ? null : ms(resyncMs),
        fromPowerOnMs: ms(doneAtMs - on),
        inSyncMs: joined && inSync ? ms(inSync.atMs - joined.atMs) : null,
        matched,
        sessions: end.value,
        missing: matched ? null : await tables.missing(secondary, 0, written),
        ratePerS: resyncMs && resyncMs > 0 ? Math.round((end.value * 1000) / resyncMs) : null,
        cpu: reading.processes,
        machineBusyPct: reading.machineBusyPct,
        others: reading.others,
        logLines,
        progress: kept,
        memory: await readMemory(rig, pair),
    };
}
export async function benchSessionResync(o) {
    await withRig(`sessions resync ${o.sessions}`, sessionPair({ connectionless: o.udpPercent > 0 }), async (rig) => {
        const pair = await settledPair(rig);
        const tables = new BoardTables(rig.name);
        const loader = await SessionLoader.open(boardNamespace(rig.name, pair.primary));
        try {
            emitMemory('at forming', 0, await readMemory(rig, pair));
            await sleep(STEADY_AFTER_MS);
            emitMemory('idle', 0, await readMemory(rig, pair));
            const base = tables.count(pair.secondary);
            const t0 = monotonicMs();
            const r = await loader.load({ count: o.sessions, udpPercent: o.udpPercent });
            const timeoutMs = 60_000 + o.sessions / 10;
            const synced = await untilCount(() => tables.count(pair.secondary) - base, (n) => n >= r.written, {
                timeoutMs,
                everyMs: 100,
                stillMs: STABLE_MS,
            });
            progress(`sessions resync: ${r.written} sessions loaded at ${Math.round(r.achievedPerS)}/s; ` +
                `${synced.value} on ${pair.secondary} ${ms(synced.atMs - t0)} ms after the first`);
            await sleep(SETTLE_MS);
            emitMemory('synced', r.written, await readMemory(rig, pair));
            await sleep(STEADY_AFTER_MS);
            emitMemory('synced, a minute later', r.written, await readMemory(rig, pair));
            const runs = [];
            for (let i = 1; i <= o.repeats; i++) {
                const run = await resyncRun(rig, pair, tables, r.written, timeoutMs);
                runs.push(run);
                progress(`sessions resync run ${i}/${o.repeats}: ${run.sessions} sessions ${run.matched ? '' : 'NOT ALL '}in ` +
                    `${run.resyncMs ?? '?'} ms from the rejoin (${run.fromPowerOnMs} ms from power-on; in sync after ${run.inSyncMs ?? '?'} ms), ` +
                    `${run.ratePerS ?? '?'}/s; CPU ${JSON.stringify(run.cpu)}`);
            }
            const times = runs.flatMap((x) => (x.resyncMs === null ? [] : [x.resyncMs]));
            const sum = times.length > 0 ? summarize(times) : null;
            emit({
                bench: 'session-bulk-resync',
                sessions: r.written,
                runs: runs.length,
                p50Ms: sum ? ms(sum.p50Ms) : null,
                maxMs: sum ? ms(sum.maxMs) : null,
                minMs: sum ? ms(sum.minMs) : null,
                ratePerSMedian: median(runs.map((x) => x.ratePerS ?? 0)),
                inSyncMsMedian: median(runs.map((x) => x.inSyncMs ?? Number.POSITIVE_INFINITY)),
                missingPerRun: runs.map((x) => x.missing?.count ?? 0),
                targetMs: RESYNC_TARGET_MS,
                targetFor: RESYNC_TARGET_FOR,
                met: r.written < RESYNC_TARGET_FOR ? null : sum !== null && runs.every((x) => x.matched) && sum.maxMs <= RESYNC_TARGET_MS,
                rule: `the target is for ${RESYNC_TARGET_FOR} sessions (null below), every run matching the primary's count`,
                measured: "primary's rejoin line → the secondary's kernel count matches (polled every 50 ms); the secondary's table emptied before power-on",
                samples: runs,
            });
            const last = runs.at(-1);
            if (last)
                emitMemory('after resync', r.written, last.memory);
        }
        finally {
            await loader.close();
            tables.close();
        }
    });
}
//# sourceMappingURL=session-resync.js.map