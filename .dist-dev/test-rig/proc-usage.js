/**
 * CPU time and memory of processes, from /proc, for benchmarks: a board's firmware is a main
 * process (with the session sync worker thread) and its heartbeat worker process, a child.
 *
 * CPU: utime + stime of /proc/<pid>/stat, which count every thread of the process, the ones
 * that ended included; per thread from /proc/<pid>/task/<tid>/stat. A share over a window is
 * the ticks' delta against the window's length, in % of one core (200 % is both of two cores).
 * Memory: Rss and Pss of /proc/<pid>/smaps_rollup (Pss divides shared pages among their
 * users, so the Pss of both processes adds up to what the board costs), and the peak VmHWM of
 * /proc/<pid>/status.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
let ticksPerS = null;
/** USER_HZ, the unit of utime and stime (100 on Linux almost everywhere). */
export function clockTicksPerS() {
    if (ticksPerS === null) {
        try {
            ticksPerS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
        }
        catch {
            ticksPerS = 100;
        }
    }
    return ticksPerS;
}
/** Fields of a /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function parseStat(text) {
    const open = text.indexOf('(');
    const close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return null;
    const f = text.slice(close + 2).split(' ');
    // After the name: state(0) ppid(1) … utime(11) stime(12).
    const ppid = Number(f[1]);
    const utime = Number(f[11]);
    const stime = Number(f[12]);
    if (![ppid, utime, stime].every(Number.isFinite))
        return null;
    return { comm: text.slice(open + 1, close), ppid, ticks: utime + stime };
}
function readText(path) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch {
        return null;
    }
}
export function statOf(pid) {
    const text = readText(`/proc/${pid}/stat`);
    return text === null ? null : parseStat(text);
}
/** The processes whose parent is `pid`. */
export function childrenOf(pid) {
    const out = [];
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        if (statOf(Number(name))?.ppid === pid)
            out.push(Number(name));
    }
    return out;
}
export function cmdlineOf(pid) {
    return (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
}
export function threadsOf(pid) {
    let tids;
    try {
        tids = readdirSync(`/proc/${pid}/task`);
    }
    catch {
        return [];
    }
    return tids.flatMap((t) => {
        const s = parseStat(readText(`/proc/${pid}/task/${t}/stat`) ?? '');
        return s ? [{ tid: Number(t), comm: s.comm, ticks: s.ticks }] : [];
    });
}
/** Machine-wide CPU ticks from the first line of /proc/stat: busy (all but idle and iowait) and total. */
export function parseProcStat(text) {
    const line = text.split('\n').find((l) => l.startsWith('cpu ')) ?? '';
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const total = v.slice(0, 8).reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    const idle = (v[3] ?? 0) + (v[4] ?? 0);
    return { busy: total - idle, total };
}
export function machineTicks() {
    return parseProcStat(readText('/proc/stat') ?? '');
}
/** A "Name:   1234 kB" field of smaps_rollup or status; NaN when absent. */
export function kbField(text, name) {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) : Number.NaN;
}
export function memoryOf(pid) {
    const rollup = readText(`/proc/${pid}/smaps_rollup`);
    const status = readText(`/proc/${pid}/status`);
    if (rollup === null || status === null)
        return null;
    return { rssKb: kbField(rollup, 'Rss'), pssKb: kbField(rollup, 'Pss'), hwmKb: kbField(status, 'VmHWM') };
}
/** utime + stime of every process now, by pid. */
export function allProcessTicks() {
    const out = new Map();
    for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        const s = statOf(Number(name));
        if (s)
            out.set(Number(name), s);
    }
    return out;
}
/** A short name for a process: its command name and the script or program it runs. */
export function processLabel(pid, comm) {
    const line = cmdlineOf(pid);
    if (line === '')
        return `[${comm}]`;
    const args = line.split(' ');
    const script = args.slice(1).find((a) => a.endsWith('.js') || a.endsWith('.mjs') || !a.startsWith('-'));
    const base = (x) => x.split('/').at(-1) ?? x;
    return script ? `${base(args[0] ?? '?')} ${base(script)}` : base(args[0] ?? `${pid}`);
}
/**
 * CPU use of a set of named processes over a window: start it, then read it. The machine's
 * busy share covers everything; the processes that used most of the rest are named too.
 */
export class CpuWindow {
    pids;
    startMs;
    startAll;
    start;
    startThreads;
    startMachine;
    constructor(pids) {
        this.pids = pids;
        this.startMs = performance.now();
        this.start = new Map(Object.entries(pids).map(([k, pid]) => [k, statOf(pid)?.ticks ?? Number.NaN]));
        this.startThreads = new Map(Object.entries(pids).map(([k, pid]) => [k, new Map(threadsOf(pid).map((t) => [t.tid, t]))]));
        this.startMachine = machineTicks();
        this.startAll = allProcessTicks();
    }
    /**
     * % of one core of each process since the start (null when it ended meanwhile), the busiest
     * threads of each, and the machine's busy % of all its cores.
     */
    read() {
        const seconds = (performance.now() - this.startMs) / 1000;
        const hz = clockTicksPerS();
        const pct = (ticks) => Math.round((ticks / hz / seconds) * 1000) / 10;
        const processes = {};
        const threads = {};
        for (const [k, pid] of Object.entries(this.pids)) {
            const now = statOf(pid)?.ticks;
            const was = this.start.get(k) ?? Number.NaN;
            processes[k] = now === undefined || Number.isNaN(was) ? null : pct(now - was);
            const before = this.startThreads.get(k) ?? new Map();
            threads[k] = threadsOf(pid)
                .map((t) => ({ tid: t.tid, comm: t.comm, pct: pct(t.ticks - (before.get(t.tid)?.ticks ?? 0)) }))
                .filter((t) => t.pct > 0)
                .sort((a, b) => b.pct - a.pct)
                .slice(0, 4);
        }
        const m = machineTicks();
        const total = m.total - this.startMachine.total;
        const machineBusyPct = total > 0 ? Math.round(((m.busy - this.startMachine.busy) / total) * 1000) / 10 : 0;
        const watched = new Set(Object.values(this.pids));
        const others = [...allProcessTicks()]
            .filter(([pid]) => !watched.has(pid))
            .map(([pid, s]) => ({ pid, comm: s.comm, ticks: s.ticks - (this.startAll.get(pid)?.ticks ?? 0) }))
            .filter((o) => o.ticks > 0)
            .sort((a, b) => b.ticks - a.ticks)
            .slice(0, OTHERS_LISTED)
            .map((o) => ({ pid: o.pid, what: processLabel(o.pid, o.comm), pct: pct(o.ticks) }));
        return { seconds: Math.round(seconds * 1000) / 1000, processes, threads, machineBusyPct, others };
    }
}
const OTHERS_LISTED = 5;
//# sourceMappingURL=proc-usage.js.map