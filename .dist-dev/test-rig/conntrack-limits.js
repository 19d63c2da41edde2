/**
 * The host's conntrack limits for a benchmark with large session tables. `nf_conntrack_max` is
 * global (it belongs to the initial namespace, and is read-only inside the boards'), and the
 * kernel checks each namespace's count against it; its hash table (`nf_conntrack_buckets`) is
 * one for all namespaces. A run that puts N sessions on each of two boards raises both for its
 * duration and puts the previous values back when it ends, however it ends: on return, on an
 * exception, on exit after a signal. A run killed outright leaves the previous values in
 * STATE_FILE, and the next run restores those instead of taking the raised ones for the host's.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAlive, processRecord } from './processes.js';
const MAX_PATH = '/proc/sys/net/netfilter/nf_conntrack_max';
const BUCKETS_PATH = '/proc/sys/net/netfilter/nf_conntrack_buckets';
export const STATE_FILE = '/run/tandem-conntrack-limits.json';
/** Entries beyond the loaded sessions: the rig's own traffic, streams, stragglers of a removal. */
export const HEADROOM = 200_000;
/** 4 Mi buckets (32 MB of hash heads) at most. */
export const MAX_BUCKETS = 1 << 22;
/**
 * What a run with `sessions` on each of `boards` namespaces needs: a max that fits all of them
 * with headroom (so it holds whichever way the kernel counts), and a bucket per entry up to
 * MAX_BUCKETS (a power of two), never below what the host has.
 */
export function wantedLimits(sessions, boards, current) {
    const entries = sessions * boards + HEADROOM;
    let buckets = 1;
    while (buckets < entries && buckets < MAX_BUCKETS)
        buckets *= 2;
    return { max: Math.max(current.max, entries), buckets: Math.max(current.buckets, buckets) };
}
function readInt(path) {
    return Number(readFileSync(path, 'utf8').trim());
}
export function readLimits() {
    return { max: readInt(MAX_PATH), buckets: readInt(BUCKETS_PATH) };
}
function writeLimits(l) {
    writeFileSync(BUCKETS_PATH, `${l.buckets}\n`);
    writeFileSync(MAX_PATH, `${l.max}\n`);
}
/** The limits a run killed outright left raised, restored; null when there was none. */
export function restoreLeftovers() {
    if (!existsSync(STATE_FILE))
        return null;
    const saved = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
    if (isAlive(saved.owner) && saved.owner.pid !== process.pid) {
        throw new Error(`conntrack limits are raised by a run still going (pid ${saved.owner.pid}): wait for it`);
    }
    writeLimits(saved.previous);
    rmSync(STATE_FILE, { force: true });
    return saved.previous;
}
/**
 * Raises the host's limits for `sessions` on each of `boards` namespaces until `restore()`,
 * which also runs when the process exits.
 */
export function raiseConntrackLimits(sessions, boards = 2) {
    restoreLeftovers();
    const previous = readLimits();
    const wanted = wantedLimits(sessions, boards, previous);
    const owner = processRecord(process.pid);
    if (!owner)
        throw new Error('cannot read this process in /proc');
    writeFileSync(STATE_FILE, `${JSON.stringify({ owner, previous })}\n`);
    let restored = false;
    const restore = () => {
        if (restored)
            return;
        restored = true;
        process.off('exit', restore);
        try {
            writeLimits(previous);
            rmSync(STATE_FILE, { force: true });
        }
        catch (e) {
            process.stderr.write(`conntrack limits not restored (${e.message}): ${STATE_FILE} keeps them\n`);
        }
    };
    process.on('exit', restore);
    writeLimits(wanted);
    return { previous, now: readLimits(), restore };
}
//# sourceMappingURL=conntrack-limits.js.map