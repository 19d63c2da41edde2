/**
 * Config sync latency (`run.js config`): from the primary's `config committed` line to the
 * secondary's `config sync: saved` (its store adopted the push) and `config sync: applied` (its
 * apply chain settled, `nft -f` included), both CLOCK_MONOTONIC stamps in firmware.log.
 * Cases: a one-line change on the rig's gateway config; the same on a config with 1000
 * policies; and a full sync of that config to a unit rejoining with an empty one, from the
 * primary's `joined` line to the secondary's `applied full`.
 */
import { writeFileSync } from 'node:fs';
import { manyPolicies } from '../config-gen.js';
import { boardConfigFile } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { gatewayPair, logSize, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { stampAfter } from './log-stamps.js';
import { BenchError } from './options.js';
import { ms, summarize } from './stats.js';
const FORM_TIMEOUT_MS = 60_000;
const BIG_POLICIES = 1000;
async function incrementalRuns(rig, what, runs) {
    await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const saved = [];
    const applied = [];
    for (let i = 0; i < runs; i++) {
        const a0 = logSize(rig, 'A');
        const b0 = logSize(rig, 'B');
        const out = await rig.exec('A', `config firewall address\nedit "bench-change"\nset subnet 198.18.9.${(i % 250) + 1} 255.255.255.255\nnext\nend`);
        if (/Command fail/.test(out))
            throw new BenchError(`${what}: the change was refused: ${out}`);
        const committed = await stampAfter(rig, 'A', a0, /config committed/);
        saved.push((await stampAfter(rig, 'B', b0, /config sync: saved push/)) - committed);
        applied.push((await stampAfter(rig, 'B', b0, /config sync: applied incremental/)) - committed);
        progress(`${what}: run ${i + 1}/${runs}: saved ${saved.at(-1)?.toFixed(1)} ms, applied ${applied.at(-1)?.toFixed(1)} ms`);
    }
    const s = summarize(saved);
    const a = summarize(applied);
    emit({
        bench: 'config-sync-incremental',
        case: what,
        runs,
        savedP50Ms: ms(s.p50Ms),
        savedP99Ms: ms(s.p99Ms),
        appliedP50Ms: ms(a.p50Ms),
        appliedP99Ms: ms(a.p99Ms),
    });
}
async function fullSyncRuns(rig, runs) {
    const seconds = [];
    for (let i = 0; i < runs; i++) {
        await rig.waitUntil('formed', FORM_TIMEOUT_MS);
        await rig.fault('kill', 'B');
        writeFileSync(boardConfigFile(rig.name, 'B'), rigConfig(1, { helloHolddownS: 5, marginS: 1 }));
        const a0 = logSize(rig, 'A');
        const b0 = logSize(rig, 'B');
        await rig.fault('restart', 'B');
        const joined = await stampAfter(rig, 'A', a0, /peer \S+ \(TDSIM00000000002\) joined/, FORM_TIMEOUT_MS);
        const done = await stampAfter(rig, 'B', b0, /config sync: applied full/, FORM_TIMEOUT_MS);
        seconds.push((done - joined) / 1000);
        progress(`full sync of ${BIG_POLICIES} policies: run ${i + 1}/${runs}: ${seconds.at(-1)?.toFixed(2)} s`);
    }
    const s = summarize(seconds);
    emit({ bench: 'config-sync-full', policies: BIG_POLICIES, runs, p50S: ms(s.p50Ms), maxS: ms(s.maxMs) });
}
export async function benchConfigSync(runs) {
    await withRig('config sync, gateway config', gatewayPair({}), (rig) => incrementalRuns(rig, 'gateway config', runs));
    const big = [0, 1].map((i) => rigConfig(i, { helloHolddownS: 5, marginS: 1, extra: `${gatewayConfig()}${manyPolicies(BIG_POLICIES)}` }));
    await withRig(`config sync, ${BIG_POLICIES} policies`, big, async (rig) => {
        await incrementalRuns(rig, `${BIG_POLICIES} policies`, Math.max(1, Math.round(runs / 2.5)));
        await fullSyncRuns(rig, Math.max(1, Math.round(runs / 10)));
    });
}
//# sourceMappingURL=config-sync.js.map