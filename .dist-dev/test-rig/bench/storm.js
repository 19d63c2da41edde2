/**
 * A flap storm at hb 10 ms × 3: both heartbeat links cut for 0.8 s and restored for 0.6 s,
 * ten times, with the prober and four TCP streams running through the pair. With data-port
 * beacons on (the default) a cut is seen for what it is and no unit takes over; with them off,
 * every cut is a split brain and every restore a heal. Reported per storm: the longest outage
 * during it and after it (outages ending after the last restore), the TCP streams' longest
 * stall and whether they all survive, and both boards' heartbeat tick lateness over the storm.
 */
import { FIFO_PRIORITY } from '../../firmware/ha/runtime.js';
import { gatewayPair, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { startHostFloor } from './host-floor.js';
import { ms, summarize } from './stats.js';
import { sleep } from './timing.js';
const CYCLES = 10;
const HB_MS = 10;
const CUT_MS = 800;
const RESTORE_MS = 600;
const STREAMS = 4;
const TIMEOUT_MS = 30_000;
function longestStall(streams) {
    let best = null;
    for (const s of streams) {
        for (const [direction, d] of [
            ['to server', s.toServer],
            ['to client', s.toClient],
        ]) {
            if (d.maxStall && (!best || d.maxStall.ms > best.stall.ms))
                best = { stall: d.maxStall, direction };
        }
    }
    return best;
}
async function storm(rig) {
    await rig.waitUntil('formed', TIMEOUT_MS);
    for (const b of ['A', 'B'])
        await rig.exec(b, 'diagnose sys ha clear-stats');
    await rig.traffic.start({ streams: STREAMS });
    await rig.traffic.flowing();
    await rig.traffic.waitFor((r) => r.streams.alive === STREAMS, TIMEOUT_MS, 'streams connected');
    const floor = startHostFloor(HB_MS, FIFO_PRIORITY);
    const startMs = (await rig.status()).nowMs;
    let lastRestoreMs = startMs;
    for (let i = 0; i < CYCLES; i++) {
        for (const l of ['ha1', 'ha2'])
            await rig.fault('cut', l);
        await sleep(CUT_MS);
        for (const l of ['ha1', 'ha2'])
            lastRestoreMs = (await rig.fault('restore', l)).atMs;
        await sleep(RESTORE_MS);
    }
    await rig.waitUntil('formed', TIMEOUT_MS);
    const settled = await rig.traffic.waitFor((r) => r.outages.every((o) => o.endMs !== null) && r.nowMs > lastRestoreMs + 2000, TIMEOUT_MS, 'traffic settled after the storm');
    const report = await rig.traffic.stop();
    const host = await floor.stop();
    const gaps = (from, to) => settled.outages.filter((o) => o.endMs !== null && o.endMs > from && o.endMs <= to).map((o) => o.gapMs);
    const snaps = await Promise.all(['A', 'B'].map((b) => rig.snapshot(b)));
    const longest = longestStall(report.streams.list);
    return {
        duringMs: Math.max(0, ...gaps(startMs, lastRestoreMs)),
        afterMs: Math.max(0, ...gaps(lastRestoreMs, Number.POSITIVE_INFINITY)),
        stallMs: report.streams.maxStallMs,
        stallFromStartMs: longest ? longest.stall.startMs - startMs : null,
        stallDirection: longest?.direction ?? null,
        alive: report.streams.alive,
        tickLateMaxMs: Math.max(...snaps.map((s) => s.tickJitter.maxMs)),
        tickJitterP99Ms: Math.max(...snaps.map((s) => s.tickJitter.p99Ms)),
        host,
    };
}
export async function benchStorm(runs) {
    for (const beacons of [true, false]) {
        const name = `storm 10ms x 3, beacons ${beacons ? 'on' : 'off'}`;
        const configs = gatewayPair({ hbIntervalMs: HB_MS, lostThreshold: 3, haLines: beacons ? [] : ['set data-beacon disable'] });
        await withRig(name, configs, async (rig) => {
            const records = [];
            for (let i = 1; i <= runs; i++) {
                const r = await storm(rig);
                records.push(r);
                progress(`${name}: storm ${i}/${runs}: outage during ${r.duringMs.toFixed(1)} ms, after ${r.afterMs.toFixed(1)} ms, ` +
                    `stall ${r.stallMs.toFixed(0)} ms${r.stallFromStartMs === null ? '' : ` from ${r.stallFromStartMs.toFixed(0)} ms (${r.stallDirection})`}, ${r.alive}/${STREAMS} alive, ticks late max ${r.tickLateMaxMs.toFixed(2)} ms` +
                    (r.host ? `, host floor max ${r.host.maxMs} ms` : ''));
            }
            const of = (f) => summarize(records.map(f));
            const after = of((r) => r.afterMs);
            const during = of((r) => r.duringMs);
            const stall = of((r) => r.stallMs);
            const late = of((r) => r.tickLateMaxMs);
            emit({
                bench: 'flap-storm',
                hb: '10ms x 3',
                beacons,
                storms: records.length,
                cycles: CYCLES,
                afterP50Ms: ms(after.p50Ms),
                afterMaxMs: ms(after.maxMs),
                duringP50Ms: ms(during.p50Ms),
                duringMaxMs: ms(during.maxMs),
                stallP50Ms: ms(stall.p50Ms),
                stallMaxMs: ms(stall.maxMs),
                streamsAlive: records.reduce((n, r) => n + r.alive, 0) / (records.length * STREAMS),
                tickLateMaxMs: ms(late.maxMs),
                tickJitterP99MaxMs: ms(Math.max(...records.map((r) => r.tickJitterP99Ms))),
                hostMaxesMs: records.map((r) => r.host?.maxMs ?? null),
                samples: records.map((r) => ({ ...r })),
            });
        });
    }
}
//# sourceMappingURL=storm.js.map