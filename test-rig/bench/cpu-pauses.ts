/**
 * Whose fault a late heartbeat worker is: the firmware's, or the machine's CPU not running at
 * all. `perf record` takes, on every CPU, the scheduler's switches and wake-ups and a clock
 * sample every millisecond. A CPU that runs a task hears that clock: a stretch of more than
 * PAUSE_GAP_MS with no event of any kind on a busy CPU means the CPU itself stood still (a
 * hypervisor descheduling its vCPU; this VM reports no steal time), since not even an interrupt
 * was taken. An idle CPU is silent by design (no clock while halted), and a halted vCPU that a
 * wake-up targets runs again only when the hypervisor schedules it. Each wake-up of the worker is
 * then timed (woken → running) and counted against the pauses of the CPU it ran on, or its
 * CPU's being idle when woken; what is left is the guest's own share.
 *
 * Seen first on this VM (2026-12-03, a 25 s jitter window under main-load): the worker woke up
 * to 10.2 ms late while its CPU recorded nothing for 11.4 ms and the other CPU sat idle.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type SideTool, startSideTool } from './side-tool.js';
import { ms, summarize } from './stats.js';

/** The clock sample's period is 1 ms: a busy CPU with no event for longer than this stood still. */
const PAUSE_GAP_MS = 2;
const CLOCK_PERIOD_NS = 1_000_000;
const EVENTS = ['sched:sched_switch', 'sched:sched_waking', `cpu-clock/period=${CLOCK_PERIOD_NS}/`];

export interface CpuPauses {
  /** Stretches a busy CPU recorded nothing, per CPU summed: how many, longest, total. */
  pauses: number;
  longestPauseMs: number;
  pausedMs: number;
  /** The worker's wake-ups (woken → on a CPU). */
  wakeups: number;
  wakeP50Ms: number;
  wakeP99Ms: number;
  wakeMaxMs: number;
  /** Wake-ups later than 1 ms; how many overlap a pause of the CPU they waited for; how many waited for an idle (halted) CPU. */
  lateOver1Ms: number;
  lateOver1MsInPause: number;
  lateOver1MsIdleCpu: number;
  /** The latest wake-up that neither a pause nor a halted CPU explains: the guest's own share. */
  worstGuestMs: number;
}

interface Pause {
  cpu: number;
  fromMs: number;
  toMs: number;
}

interface Wake {
  cpu: number;
  wokenMs: number;
  ranMs: number;
  /** The CPU it ran on was idle when it was woken. */
  idleCpu: boolean;
}

const LINE = /^\s*(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s*(.*)$/;
const FIELD = /(\w+)=(\S+)/g;

/** Reads `perf script -F tid,cpu,time,event,trace` lines; knows the worker by its thread ids. */
export class PauseReader {
  readonly #tids: ReadonlySet<number>;
  readonly #lastMs = new Map<number, number>();
  /** Whether each CPU runs a task (not its idle task) since its last switch. */
  readonly #busy = new Map<number, boolean>();
  readonly #woken = new Map<number, { atMs: number; target: number; idle: boolean }>();
  readonly pauses: Pause[] = [];
  readonly wakes: Wake[] = [];

  constructor(tids: readonly number[]) {
    this.#tids = new Set(tids);
  }

  line(text: string): void {
    const m = LINE.exec(text);
    if (!m) return;
    const cpu = Number(m[2]);
    const atMs = Number(m[3]) * 1000;
    const event = m[4] ?? '';
    const last = this.#lastMs.get(cpu);
    if (last !== undefined && this.#busy.get(cpu) === true && atMs - last > PAUSE_GAP_MS) {
      this.pauses.push({ cpu, fromMs: last, toMs: atMs });
    }
    this.#lastMs.set(cpu, atMs);
    if (event !== 'sched:sched_switch' && event !== 'sched:sched_waking') return;
    const f = Object.fromEntries([...(m[5] ?? '').matchAll(FIELD)].map((x) => [x[1], x[2]]));
    if (event === 'sched:sched_waking') {
      const pid = Number(f.pid);
      const target = Number(f.target_cpu);
      if (this.#tids.has(pid)) this.#woken.set(pid, { atMs, target, idle: this.#busy.get(target) === false });
      return;
    }
    // A wake-up of a thread that was still running, or one it never slept on, is no wait: it
    // must not be timed against a later switch-in after a preemption.
    this.#woken.delete(Number(f.prev_pid));
    const next = Number(f.next_pid);
    this.#busy.set(cpu, next !== 0);
    const woken = this.#woken.get(next);
    if (woken === undefined) return;
    this.#woken.delete(next);
    this.wakes.push({ cpu, wokenMs: woken.atMs, ranMs: atMs, idleCpu: woken.target === cpu && woken.idle });
  }

  /** Pauses of any CPU overlapping [fromMs, toMs]: how many, and their overlap summed. */
  pausedBetween(fromMs: number, toMs: number): { pauses: number; pausedMs: number } {
    const hits = this.pauses.filter((p) => p.fromMs < toMs && p.toMs > fromMs);
    const pausedMs = hits.reduce((sum, p) => sum + Math.min(p.toMs, toMs) - Math.max(p.fromMs, fromMs), 0);
    return { pauses: hits.length, pausedMs: ms(pausedMs) };
  }

  /**
   * The workers' wake-ups that came due in [fromMs, toMs]: how many, and how long they waited,
   * runnable, for a CPU (woken → running), summed and the longest. Time a failover spent not in
   * the firmware's code but waiting for the machine.
   */
  waitedBetween(fromMs: number, toMs: number): { wakeups: number; waitedMs: number; longestMs: number } {
    const hits = this.wakes.filter((w) => w.wokenMs >= fromMs && w.wokenMs < toMs).map((w) => w.ranMs - w.wokenMs);
    return {
      wakeups: hits.length,
      waitedMs: ms(hits.reduce((a, b) => a + b, 0)),
      longestMs: ms(Math.max(0, ...hits)),
    };
  }

  result(): CpuPauses {
    const delays = this.wakes.map((w) => w.ranMs - w.wokenMs);
    const inPause = (w: Wake) => this.pauses.some((p) => p.cpu === w.cpu && p.fromMs < w.ranMs && p.toMs > w.wokenMs);
    const late = this.wakes.filter((w) => w.ranMs - w.wokenMs > 1);
    const guest = this.wakes.filter((w) => !inPause(w) && !w.idleCpu).map((w) => w.ranMs - w.wokenMs);
    const lengths = this.pauses.map((p) => p.toMs - p.fromMs);
    const sum = delays.length > 0 ? summarize(delays) : null;
    return {
      pauses: this.pauses.length,
      longestPauseMs: ms(Math.max(0, ...lengths)),
      pausedMs: ms(lengths.reduce((a, b) => a + b, 0)),
      wakeups: delays.length,
      wakeP50Ms: ms(sum?.p50Ms ?? 0),
      wakeP99Ms: ms(sum?.p99Ms ?? 0),
      wakeMaxMs: ms(sum?.maxMs ?? 0),
      lateOver1Ms: late.length,
      lateOver1MsInPause: late.filter(inPause).length,
      lateOver1MsIdleCpu: late.filter((w) => !inPause(w) && w.idleCpu).length,
      worstGuestMs: ms(Math.max(0, ...guest)),
    };
  }
}

/** The heartbeat worker's pid (its JS thread's id) among `mainPid`'s children. */
export function workerPidOf(mainPid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === mainPid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('worker.js')) return Number(entry);
    } catch {
      // Gone meanwhile.
    }
  }
  return null;
}

/**
 * Starts `perf record` on every CPU, stamped on CLOCK_MONOTONIC like the rig's fault and probe
 * times; the worker's thread ids name whose wake-ups are timed (none: pauses only).
 */
export function startCpuPauses(tids: readonly number[] = []): SideTool<PauseReader> {
  return startSideTool({
    command: 'perf',
    pkg: 'linux-perf',
    what: 'CPU pauses',
    // -D 1: events enabled once set up, and said so on stderr ("Events enabled"; -q would hide it).
    args: (file) => ['record', '-a', '-D', '1', '-k', 'CLOCK_MONOTONIC', '-o', file, ...EVENTS.flatMap((e) => ['-e', e])],
    readyLine: /Events enabled/,
    read: (file) => attribute(file, tids),
  });
}

async function attribute(file: string, tids: readonly number[]): Promise<PauseReader> {
  const script = spawn('perf', ['script', '-i', file, '-F', 'tid,cpu,time,event,trace'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const reader = new PauseReader(tids);
  for await (const line of createInterface({ input: script.stdout })) reader.line(line);
  const code = await new Promise<number | null>((resolve) => script.on('close', resolve));
  if (code !== 0) throw new Error(`perf script exited with ${code}`);
  return reader;
}
