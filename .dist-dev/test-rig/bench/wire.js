/**
 * The heartbeat wire micro-benchmark (test-rig/bench/wire-bench.ts), run as its own process
 * since it measures at import; its text lines become JSON results.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../launcher.js';
import { emit, progress } from './emit.js';
import { BenchError } from './options.js';
const WIRE_BENCH = join(REPO_ROOT, 'dist', 'test-rig', 'bench', 'wire-bench.js');
const LINE = /^(.+?)\s+(\d+) ns\/op\s+\(runs ([\d ]+)\)$/;
/** One wire-bench output line, or null for a line of another shape. */
export function parseWireLine(line) {
    const m = LINE.exec(line.trim());
    if (!m)
        return null;
    return { op: m[1], nsPerOp: Number(m[2]), runsNsPerOp: m[3].split(' ').map(Number) };
}
function runWireBench() {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [WIRE_BENCH], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (c) => (out += c));
        child.stderr.on('data', (c) => (err += c));
        child.on('error', reject);
        child.on('close', (code, signal) => {
            if (code === 0)
                resolve(out);
            else
                reject(new BenchError(`${WIRE_BENCH} failed (${signal ?? `exit ${code}`}): ${err.trim() || out.trim()}`));
        });
    });
}
export async function benchWire() {
    progress('wire: encode/decode micro-benchmark');
    const out = await runWireBench();
    const results = out
        .split('\n')
        .map(parseWireLine)
        .filter((r) => r !== null);
    if (results.length === 0)
        throw new BenchError(`${WIRE_BENCH} printed no result lines: ${out.trim()}`);
    for (const r of results)
        emit({ bench: 'wire', ...r });
}
//# sourceMappingURL=wire.js.map