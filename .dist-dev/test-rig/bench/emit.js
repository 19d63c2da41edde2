/**
 * Benchmark output: results as JSON lines on stdout (one per result, for tools), progress as
 * plain lines on stderr (for the person watching).
 */
import { loadavg } from 'node:os';
/**
 * Writes one result, with the machine's 1-minute load average at that moment: on a 2-core
 * machine, timing figures mean little without it.
 */
export function emit(result) {
    const loadAvg1m = Math.round(loadavg()[0] * 100) / 100;
    process.stdout.write(`${JSON.stringify({ ...result, loadAvg1m })}\n`);
}
export function progress(message) {
    const t = new Date().toISOString().slice(11, 19);
    process.stderr.write(`[bench ${t}] ${message}\n`);
}
//# sourceMappingURL=emit.js.map