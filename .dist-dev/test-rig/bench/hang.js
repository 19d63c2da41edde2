import { boardStatus, workingBoards } from '../status.js';
import { gatewayPair, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { BenchError } from './options.js';
import { ms, summarize } from './stats.js';
import { preciseDelay, sleep } from './timing.js';
export const HANG_CASES = [
    { hbIntervalMs: 10, lostThreshold: 3 },
    { hbIntervalMs: 200, lostThreshold: 6 },
];
const STREAMS = 4;
const FORM_TIMEOUT_MS = 60_000;
const RECOVER_TIMEOUT_MS = 15_000;
/** Session pickup on: the thawed board's table is stale, and session sync is what keeps the streams whole. */
function configs(c) {
    return gatewayPair({ hbIntervalMs: c.hbIntervalMs, lostThreshold: c.lostThreshold, haLines: ['set session-pickup enable'] });
}
async function oneRun(rig, c, fault) {
    const formed = await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const primary = workingBoards(formed)[0];
    const survivor = formed.boards.find((b) => b.board !== primary)?.board;
    if (!primary || !survivor)
        throw new BenchError(`no primary and secondary in a formed pair of ${formed.name}`);
    await rig.traffic.start({ streams: STREAMS });
    await rig.traffic.flowing();
    await rig.traffic.waitFor((r) => r.streams.alive === STREAMS, RECOVER_TIMEOUT_MS, 'streams connected');
    await sleep(300);
    await preciseDelay(Math.random() * c.hbIntervalMs);
    const atMs = (await rig.fault(fault === 'hang' ? 'freeze' : 'power-loss', primary)).atMs;
    await rig.waitFor((x) => boardStatus(x, survivor).state === 'work', RECOVER_TIMEOUT_MS, `${survivor} takes over (${fault})`);
    const holdMs = Math.max(2000, 3 * c.hbIntervalMs * c.lostThreshold);
    await rig.traffic.waitFor((r) => r.outages.every((o) => o.endMs !== null) && r.nowMs > atMs + holdMs, RECOVER_TIMEOUT_MS + holdMs, `traffic back after the ${fault} of ${primary}`);
    let thawMs = null;
    if (fault === 'hang')
        thawMs = (await rig.fault('thaw', primary)).atMs;
    else
        await rig.fault('power-on', primary);
    await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const settled = await rig.traffic.waitFor((r) => r.outages.every((o) => o.endMs !== null) && r.nowMs > (thawMs ?? atMs) + 1000, RECOVER_TIMEOUT_MS, 'traffic settled after the return');
    const report = await rig.traffic.stop();
    const ended = (from, to) => settled.outages.filter((o) => o.endMs !== null && o.endMs > from && o.endMs <= to).map((o) => o.gapMs);
    return {
        fault,
        failed: primary,
        gapMs: Math.max(0, ...ended(atMs, thawMs ?? Number.POSITIVE_INFINITY)),
        stallMs: report.streams.maxStallMs,
        stallFromFaultMs: longestStallStart(report.streams.list, atMs),
        thawFromFaultMs: thawMs === null ? null : thawMs - atMs,
        alive: report.streams.alive,
        afterThawMs: thawMs === null ? null : Math.max(0, ...ended(thawMs, Number.POSITIVE_INFINITY)),
    };
}
function longestStallStart(list, atMs) {
    let longest = null;
    for (const st of list) {
        for (const stall of [st.toServer.maxStall, st.toClient.maxStall])
            if (stall && (!longest || stall.ms > longest.ms))
                longest = stall;
    }
    return longest ? longest.startMs - atMs : null;
}
export async function benchHang(c, runs) {
    const hb = `${c.hbIntervalMs}ms x ${c.lostThreshold}`;
    const name = `hang ${hb}`;
    await withRig(name, configs(c), async (rig) => {
        const records = [];
        for (let i = 1; i <= runs; i++) {
            for (const fault of ['hang', 'power-loss']) {
                const r = await oneRun(rig, c, fault);
                records.push(r);
                const thaw = r.afterThawMs === null
                    ? ''
                    : `, after the thaw ${r.afterThawMs.toFixed(2)} ms (thaw at +${r.thawFromFaultMs?.toFixed(0)} ms)`;
                const when = r.stallFromFaultMs === null ? '' : ` from +${r.stallFromFaultMs.toFixed(0)} ms`;
                progress(`${name}: run ${i}/${runs} ${fault} of ${r.failed}: gap ${r.gapMs.toFixed(2)} ms, stall ${r.stallMs.toFixed(0)} ms${when}, ${r.alive}/${STREAMS} streams alive${thaw}`);
            }
        }
        const of = (f) => records.filter((r) => r.fault === f);
        const hang = of('hang');
        const power = of('power-loss');
        const gap = summarize(hang.map((r) => r.gapMs));
        const powerGap = summarize(power.map((r) => r.gapMs));
        const stall = summarize(hang.map((r) => r.stallMs));
        const thaw = summarize(hang.map((r) => r.afterThawMs ?? 0));
        const alive = hang.reduce((n, r) => n + r.alive, 0) / (hang.length * STREAMS);
        emit({
            bench: 'hang',
            hb,
            runs: gap.n,
            gapP50Ms: ms(gap.p50Ms),
            gapP99Ms: ms(gap.p99Ms),
            powerLossGapP50Ms: ms(powerGap.p50Ms),
            powerLossGapP99Ms: ms(powerGap.p99Ms),
            stallP50Ms: ms(stall.p50Ms),
            stallP99Ms: ms(stall.p99Ms),
            streamsAlive: alive,
            afterThawP50Ms: ms(thaw.p50Ms),
            afterThawP99Ms: ms(thaw.p99Ms),
            met: {
                gap: gap.p99Ms <= powerGap.p99Ms + 5,
                stall: stall.p99Ms <= gap.p99Ms + 250,
                streams: alive === 1,
                afterThaw: thaw.p99Ms <= 5,
            },
            p99: 'nearest rank (with fewer than 100 runs: the max)',
            samples: hang.map((r) => ({
                gapMs: ms(r.gapMs),
                stallMs: ms(r.stallMs),
                stallFromFaultMs: r.stallFromFaultMs === null ? null : ms(r.stallFromFaultMs),
                thawFromFaultMs: r.thawFromFaultMs === null ? null : ms(r.thawFromFaultMs),
                afterThawMs: ms(r.afterThawMs ?? 0),
            })),
        });
    });
}
//# sourceMappingURL=hang.js.map