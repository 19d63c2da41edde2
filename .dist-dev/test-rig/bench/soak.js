import { rigConfig } from '../rig-config.js';
import { logSince, logSize, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { incidents, linesMatching, stampOf } from './log-lines.js';
import { BenchError } from './options.js';
import { ms } from './stats.js';
import { monotonicMs, sleep } from './timing.js';
const BOARDS = ['A', 'B'];
const HB = { hbIntervalMs: 10, lostThreshold: 3, helloHolddownS: 5 };
const POLL_MS = 200;
const SNAPSHOT_TIMEOUT_MS = 2000;
const PROGRESS_EVERY_MS = 30_000;
const INCIDENT_BEFORE_MS = 100;
const INCIDENT_AFTER_MS = 100;
const MAX_INCIDENTS = 12;
/** A board's heartbeat timing over the run (statistics were cleared at its start). */
function timing(ha) {
    const j = ha.tickJitter;
    const late = { lateTicksSinceBoot: ha.lateTicks, maxTickLateMsSinceBoot: ms(ha.maxTickLateMs), schedFifo: ha.schedFifo };
    return { count: j.count, p50Ms: ms(j.p50Ms), p99Ms: ms(j.p99Ms), maxMs: ms(j.maxMs), ...late };
}
async function setLoad(rig, seconds) {
    await Promise.all(BOARDS.map(async (b) => {
        const out = await rig.exec(b, `diagnose test main-load ${seconds}`);
        if (!/main-thread load (running|stopped)/.test(out))
            throw new BenchError(`board ${b}: main-load ${seconds}: ${out.trim()}`);
    }));
}
export async function benchSoak(seconds) {
    const configs = [0, 1].map((i) => rigConfig(i, HB));
    await withRig('soak', configs, async (rig) => {
        const start = await rig.waitUntil('formed');
        const seen = new Map();
        for (const b of start.boards)
            seen.set(b.board, { state: b.state ?? '?', sinceMs: b.ha?.stateSinceMs ?? Number.NaN });
        const logFrom = new Map(BOARDS.map((b) => [b, logSize(rig, b)]));
        await Promise.all(BOARDS.map((b) => rig.exec(b, 'diagnose sys ha clear-stats')));
        await setLoad(rig, seconds);
        const t0 = monotonicMs();
        const end = t0 + seconds * 1000;
        progress(`soak: both main threads loaded for ${seconds} s`);
        const changes = [];
        let polls = 0;
        let pollErrors = 0;
        let lastProgress = t0;
        while (monotonicMs() < end) {
            const tick = monotonicMs();
            polls++;
            await Promise.all(BOARDS.map(async (b) => {
                try {
                    const snap = await rig.snapshot(b, SNAPSHOT_TIMEOUT_MS);
                    const prev = seen.get(b);
                    if (prev && (prev.state !== snap.state || prev.sinceMs !== snap.stateSinceMs)) {
                        changes.push({ board: b, from: prev.state, to: snap.state, atMs: snap.stateSinceMs });
                        progress(`soak: board ${b} changed state: ${prev.state} since ${ms(prev.sinceMs)} -> ${snap.state} since ${ms(snap.stateSinceMs)}`);
                    }
                    seen.set(b, { state: snap.state, sinceMs: snap.stateSinceMs });
                }
                catch {
                    pollErrors++;
                }
            }));
            if (tick - lastProgress >= PROGRESS_EVERY_MS) {
                lastProgress = tick;
                progress(`soak: ${Math.round((tick - t0) / 1000)}/${seconds} s, ${changes.length} state changes`);
            }
            await sleep(Math.max(0, POLL_MS - (monotonicMs() - tick)));
        }
        await setLoad(rig, 0).catch((e) => progress(`soak: stopping the load: ${e.message}`));
        const tail = await rig.status();
        const logs = new Map(BOARDS.map((b) => [b, logSince(rig, b, logFrom.get(b) ?? 0)]));
        const stateLines = BOARDS.flatMap((b) => linesMatching(logs.get(b) ?? '', / HA state /).map((l) => `${b}: ${l}`));
        const lostLines = BOARDS.flatMap((b) => linesMatching(logs.get(b) ?? '', / lost: /).map((l) => `${b}: ${l}`));
        const stallLines = BOARDS.flatMap((b) => linesMatching(logs.get(b) ?? '', / stalled /).map((l) => `${b}: ${l}`));
        const jitter = Object.fromEntries(tail.boards.map((b) => [b.board, b.ha ? timing(b.ha) : null]));
        const dead = tail.boards.filter((b) => b.process !== 'alive').map((b) => b.board);
        // Each state change and peer loss with what both boards logged around it: a silent peer
        // shows as a stall on the other side, or as nothing at all.
        const lostAt = lostLines.map((l) => stampOf(l.slice(3))).filter((t) => t !== null);
        const boardLogs = BOARDS.map((b) => ({ board: b, text: logs.get(b) ?? '' }));
        const evidence = incidents(boardLogs, [...changes.map((c) => c.atMs), ...lostAt], INCIDENT_BEFORE_MS, INCIDENT_AFTER_MS);
        emit({
            bench: 'false-failover',
            hb: '10ms x 3',
            load: 'main-load on A and B',
            seconds,
            polls,
            pollErrors,
            stateChanges: changes.length,
            logStateLines: stateLines.length,
            peerLostLines: lostLines.length,
            stallLines: stallLines.length,
            target: 0,
            met: changes.length === 0 && stateLines.length === 0 && dead.length === 0,
            deadBoards: dead,
            tickJitter: jitter,
            ...(changes.length > 0 ? { changes: changes.map((c) => ({ ...c, atMs: ms(c.atMs) })) } : {}),
            ...(evidence.length > 0 ? { incidents: evidence.slice(0, MAX_INCIDENTS) } : {}),
        });
    });
}
//# sourceMappingURL=soak.js.map