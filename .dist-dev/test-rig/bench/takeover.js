/**
 * The takeover fast path on this machine's kernel: virtual MACs on two ports, three addresses,
 * forwarding on and the first announcement, as the heartbeat worker runs it; then giving it all
 * up. Each run is a fresh process, so its first takeover is as cold as a unit's first failover.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { addNetns, deleteNetns } from '../../hal/netns.js';
import { REPO_ROOT } from '../launcher.js';
import { ipBatch } from '../shell.js';
import { emit, progress } from './emit.js';
import { BenchError } from './options.js';
import { ms, summarize } from './stats.js';
const CHILD = join(REPO_ROOT, 'dist', 'test-rig', 'bench', 'takeover-child.js');
const CYCLES = 200;
function runChild(ns) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CHILD, ns, String(CYCLES)], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (err += c));
        child.on('error', reject);
        child.on('close', (code) => {
            if (code === 0)
                resolve(JSON.parse(out));
            else
                reject(new BenchError(`${CHILD} failed (exit ${code}): ${err.trim()}`));
        });
    });
}
export async function benchTakeover(runs) {
    const ns = `tdm-bench-tk${process.pid}`;
    addNetns(ns);
    try {
        await ipBatch(ns, [
            'link add p1 type veth peer name q1',
            'link add p2 type veth peer name q2',
            ...['lo', 'p1', 'q1', 'p2', 'q2'].map((i) => `link set ${i} up`),
        ]);
        const results = [];
        for (let i = 1; i <= runs; i++) {
            const r = await runChild(ns);
            results.push(r);
            progress(`takeover: run ${i}/${runs}: first ${r.firstMs.toFixed(3)} ms, give up ${r.firstGiveUpMs.toFixed(3)} ms`);
        }
        const first = summarize(results.map((r) => r.firstMs));
        const warm = summarize(results.flatMap((r) => r.takeMs));
        const giveUp = summarize(results.flatMap((r) => r.giveMs));
        emit({
            bench: 'takeover-fast-path',
            ports: 2,
            addresses: 3,
            runs,
            firstP50Ms: ms(first.p50Ms),
            firstP99Ms: ms(first.p99Ms),
            firstMaxMs: ms(first.maxMs),
            warmP50Ms: ms(warm.p50Ms),
            warmP99Ms: ms(warm.p99Ms),
            giveUpP50Ms: ms(giveUp.p50Ms),
            giveUpP99Ms: ms(giveUp.p99Ms),
            warmSamples: warm.n,
        });
    }
    finally {
        deleteNetns(ns);
    }
}
//# sourceMappingURL=takeover.js.map