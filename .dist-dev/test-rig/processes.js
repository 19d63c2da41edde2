/**
 * Process identity and state from /proc. A pid alone can be reused after a crash, so records
 * keep the process start time too: cleanup never signals a stranger that inherited a pid.
 */
import { readFileSync } from 'node:fs';
function readStat(pid) {
    let text;
    try {
        text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    }
    catch {
        return null;
    }
    // The command name may contain spaces and parentheses; fields resume after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '?', startTicks: Number(fields[19]) };
}
export function processRecord(pid) {
    const stat = readStat(pid);
    return stat ? { pid, startTicks: stat.startTicks } : null;
}
export function runState(pid) {
    const stat = readStat(pid);
    if (!stat)
        return 'gone';
    if (stat.state === 'Z' || stat.state === 'X')
        return 'zombie';
    if (stat.state === 'T' || stat.state === 't')
        return 'stopped';
    return 'running';
}
/** The recorded process still exists (same pid, same start time) and has not exited. */
export function isAlive(rec) {
    const stat = readStat(rec.pid);
    return stat !== null && stat.startTicks === rec.startTicks && stat.state !== 'Z' && stat.state !== 'X';
}
/** Sends a signal, ignoring a process that is already gone. */
export function signalQuietly(pid, signal) {
    try {
        process.kill(pid, signal);
        return true;
    }
    catch {
        return false;
    }
}
/** CLOCK_MONOTONIC in milliseconds, the clock the firmware and benchmarks share. */
export function monotonicMs() {
    return Number(process.hrtime.bigint()) / 1e6;
}
//# sourceMappingURL=processes.js.map