/**
 * `run.js sessions`: session sync measured (issue 8). Cases, each on a rig of its own:
 *   rate     the secondary keeping pace with the loader at each rate (session-rate.ts)
 *   lag      replication lag at 10k sessions/s (session-rate.ts)
 *   resync   bulk resync of N sessions, and both boards' memory idle and with N synced (session-resync.ts)
 *   streams  TCP streams through power-loss failovers at hb 10 ms × 3 (session-streams.ts)
 * The host's conntrack limits are raised for the run to fit N sessions on both boards, and put
 * back when it ends (conntrack-limits.ts). Settings (environment):
 *   TANDEM_BENCH_SESSIONS          sessions loaded by rate and resync (default 100000; 1000000 for the issue's 1M)
 *   TANDEM_BENCH_SESSION_RATES     loader rates for `rate`, sessions/s, "max" for unpaced (default 10000,20000,40000,80000)
 *   TANDEM_BENCH_SESSION_REPEATS   runs per rate, lag runs, resyncs (default 3)
 *   TANDEM_BENCH_SESSION_CASES     which cases (default rate,lag,resync,streams)
 *   TANDEM_BENCH_UDP_PERCENT       share of UDP sessions the loader makes (default 0; turns on -connectionless)
 *   TANDEM_BENCH_STREAMS           streams for `streams` (default 1000)
 *   TANDEM_BENCH_STREAM_PERIOD_MS  how often each end of a stream writes, for `streams` (default 100: 1000
 *                                  streams at the traffic tool's 10 ms take both of this machine's cores)
 *   TANDEM_BENCH_RUNS              power losses for `streams` (default 20)
 */
import { raiseConntrackLimits } from '../conntrack-limits.js';
import { MAX_STREAM_PERIOD_MS, MAX_STREAMS, MIN_STREAM_PERIOD_MS } from '../traffic/options.js';
import { progress } from './emit.js';
import { BenchError, envInt } from './options.js';
import { benchSessionLag, benchSessionRate } from './session-rate.js';
import { benchSessionResync } from './session-resync.js';
import { benchSessionStreams } from './session-streams.js';
export const SESSION_CASES = ['rate', 'lag', 'resync', 'streams'];
const MAX_RATE = 1_000_000;
/** "10000,20000,max" → [10000, 20000, 0]. */
export function parseRates(text) {
    return text.split(',').map((part) => {
        const t = part.trim();
        if (t === 'max')
            return 0;
        const n = Number(t);
        if (!Number.isInteger(n) || n < 1 || n > MAX_RATE) {
            throw new BenchError(`session rate "${t}" is not allowed: use an integer 1-${MAX_RATE} or max`);
        }
        return n;
    });
}
export function parseCases(text) {
    const cases = text.split(',').map((c) => c.trim());
    const bad = cases.filter((c) => !SESSION_CASES.includes(c));
    if (bad.length > 0)
        throw new BenchError(`session case ${bad.join(', ')} does not exist: use ${SESSION_CASES.join(', ')}`);
    return cases;
}
export function sessionBenchOptions(env = process.env) {
    return {
        sessions: envInt(env, 'TANDEM_BENCH_SESSIONS', 100_000, 1000, 2_000_000),
        rates: parseRates(env.TANDEM_BENCH_SESSION_RATES || '10000,20000,40000,80000'),
        repeats: envInt(env, 'TANDEM_BENCH_SESSION_REPEATS', 3, 1, 100),
        cases: parseCases(env.TANDEM_BENCH_SESSION_CASES || SESSION_CASES.join(',')),
        udpPercent: envInt(env, 'TANDEM_BENCH_UDP_PERCENT', 0, 0, 100),
        streams: envInt(env, 'TANDEM_BENCH_STREAMS', MAX_STREAMS, 1, MAX_STREAMS),
        streamPeriodMs: envInt(env, 'TANDEM_BENCH_STREAM_PERIOD_MS', 100, MIN_STREAM_PERIOD_MS, MAX_STREAM_PERIOD_MS),
    };
}
export async function benchSessions(bench) {
    const o = sessionBenchOptions();
    const limits = raiseConntrackLimits(o.sessions);
    progress(`sessions: host conntrack limits raised for the run: max ${limits.previous.max} → ${limits.now.max}, ` +
        `buckets ${limits.previous.buckets} → ${limits.now.buckets}`);
    const failed = [];
    try {
        for (const c of o.cases) {
            try {
                await runCase(c, o, bench);
            }
            catch (e) {
                failed.push(c);
                progress(`sessions ${c} failed: ${e.stack ?? e}`);
            }
        }
    }
    finally {
        limits.restore();
        progress(`sessions: host conntrack limits back to max ${limits.previous.max}, buckets ${limits.previous.buckets}`);
    }
    if (failed.length > 0)
        throw new BenchError(`sessions: ${failed.join(', ')} failed`);
}
async function runCase(c, o, bench) {
    switch (c) {
        case 'rate':
            await benchSessionRate({ sessions: o.sessions, rates: o.rates, repeats: o.repeats, udpPercent: o.udpPercent });
            break;
        case 'lag':
            await benchSessionLag({ repeats: o.repeats, udpPercent: o.udpPercent });
            break;
        case 'resync':
            await benchSessionResync({ sessions: o.sessions, repeats: o.repeats, udpPercent: o.udpPercent });
            break;
        case 'streams':
            await benchSessionStreams(o.streams, o.streamPeriodMs, bench.failoverRuns);
            break;
    }
}
//# sourceMappingURL=sessions.js.map