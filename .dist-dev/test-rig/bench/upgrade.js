/**
 * A whole rolling upgrade of a pair (`run.js upgrade`): x64 bundles of successive versions
 * (1.1.0, 1.2.0, …), each rolled out from the primary (`execute restore image`, upgrade-mode
 * uninterruptible) while the 1 ms UDP prober and 20 TCP streams run through the pair with
 * session pickup. Per run: the time from the command to both units running the new version,
 * confirmed; every prober outage in that time; streams broken. Target (issue 10): every gap
 * ≤ 5 ms p99, no session lost.
 */
import { copyFileSync } from 'node:fs';
import { testBundle } from '../release/test-bundles.js';
import { gatewayConfig } from '../rig-gateway.js';
import { releaseKeyOf } from '../scenarios/images.testkit.js';
import { gatewayPair, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { BenchError } from './options.js';
import { ms, summarize } from './stats.js';
const STREAMS = 20;
const DONE_TIMEOUT_MS = 180_000;
const strict = gatewayConfig({ policies: [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }] });
async function upgraded(rig, version) {
    const until = Date.now() + DONE_TIMEOUT_MS;
    for (;;) {
        const done = await Promise.all(['A', 'B'].map(async (b) => {
            const status = await rig.exec(b, 'get system status').catch(() => '');
            const flash = await rig.exec(b, 'diagnose sys flash list').catch(() => '');
            return status.includes(`v${version}\n`) && flash.includes('Trial: none');
        }));
        if (done.every(Boolean))
            return;
        if (Date.now() > until)
            throw new BenchError(`${rig.name}: tandem ${version} not on both units, confirmed, within ${DONE_TIMEOUT_MS / 1000} s`);
        await new Promise((r) => setTimeout(r, 250));
    }
}
export async function benchUpgrade(o) {
    const bundles = [];
    for (let i = 0; i < o.upgradeRuns; i++) {
        progress(`upgrade: tandem 1.${i + 1}.0 (x64)`);
        bundles.push(await testBundle(`1.${i + 1}.0`));
    }
    const configs = gatewayPair({ lostThreshold: 10, haLines: ['set session-pickup enable'], extra: strict });
    await withRig('upgrade', configs, async (rig) => {
        for (const b of ['A', 'B'])
            copyFileSync(bundles[0]?.publicKey ?? '', releaseKeyOf(rig.name, b));
        const seconds = [];
        const maxGaps = [];
        const gaps = [];
        let broken = 0;
        for (const { version, archive } of bundles) {
            await rig.traffic.start({ streams: STREAMS });
            await rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
            // The pair settles its roles once the session tables are in sync: the primary is read
            // just before the command, and asked again should it have handed over meanwhile.
            let out = '';
            let t0 = 0;
            for (let attempt = 0; attempt < 5 && !/Rolling upgrade/.test(out); attempt++) {
                const formed = await rig.waitUntil('formed', 60_000);
                const primary = formed.boards.find((b) => b.state === 'work')?.board;
                if (!primary)
                    throw new BenchError(`${rig.name}: no primary`);
                t0 = formed.nowMs;
                out = await rig.exec(primary, `execute restore image ${archive}\ny`);
                if (!/Rolling upgrade/.test(out))
                    await new Promise((r) => setTimeout(r, 1000));
            }
            if (!/Rolling upgrade/.test(out))
                throw new BenchError(`${rig.name}: the rollout did not start: ${out}`);
            await upgraded(rig, version);
            const t1 = (await rig.status()).nowMs;
            const report = await rig.traffic.stop();
            const inRun = report.outages.filter((x) => x.endMs !== null).map((x) => x.gapMs);
            gaps.push(...inRun);
            maxGaps.push(Math.max(0, ...inRun));
            broken += report.streams.broken;
            seconds.push((t1 - t0) / 1000);
            progress(`upgrade to ${version}: ${seconds.at(-1)?.toFixed(1)} s, ${inRun.length} outages, longest ${maxGaps.at(-1)?.toFixed(1)} ms, ${report.streams.broken} streams broken`);
        }
        const d = summarize(seconds);
        const g = summarize(maxGaps);
        emit({
            bench: 'upgrade',
            case: `pair, uninterruptible, ${STREAMS} streams + 1 ms prober`,
            runs: o.upgradeRuns,
            durationP50S: Math.round(d.p50Ms * 10) / 10,
            durationP99S: Math.round(d.p99Ms * 10) / 10,
            longestGapP50Ms: ms(g.p50Ms),
            longestGapP99Ms: ms(g.p99Ms),
            outages: gaps.length,
            gapsMs: gaps.map(ms),
            streamsBroken: broken,
        });
    });
}
//# sourceMappingURL=upgrade.js.map