/**
 * The machine's own floor under the heartbeat worker's timing: cyclictest (rt-tests), a C
 * thread at the worker's SCHED_FIFO priority waking at the heartbeat interval, run alongside a
 * benchmark window. What it measures is its wake-up latency (woken − due); the worker's tick
 * jitter is |interval − hb|, which a late wake-up shows as the same lateness. When a C thread
 * at that priority wakes 12 ms late, no firmware can hold a 5 ms bound on that machine: a
 * hypervisor's or the kernel's pause, not the firmware's.
 */
import { readFileSync } from 'node:fs';
import { type SideTool, startSideTool } from './side-tool.js';
import { ms } from './stats.js';

/** Histogram buckets of 1 µs up to this; later wake-ups count as beyond it. */
const HISTOGRAM_US = 5000;

export interface HostFloor {
  cycles: number;
  p99Ms: number;
  maxMs: number;
}

export interface CyclictestJson {
  thread: Record<string, { histogram: Record<string, number>; cycles: number; max: number }>;
}

/** Starts the reference thread: `intervalMs` period at SCHED_FIFO `priority`, memory locked. */
export function startHostFloor(intervalMs: number, priority: number): SideTool<HostFloor> {
  return startSideTool({
    command: 'cyclictest',
    pkg: 'rt-tests',
    what: 'host floor',
    args: (file) => [
      '-q',
      '-m',
      '-t',
      '1',
      '-p',
      String(priority),
      '-i',
      String(intervalMs * 1000),
      '-h',
      String(HISTOGRAM_US),
      `--json=${file}`,
    ],
    read: (file) => floorOf(JSON.parse(readFileSync(file, 'utf8')) as CyclictestJson),
  });
}

/** p99 from the histogram; wake-ups beyond it (not in any bucket) rank above every bucket. */
export function floorOf(j: CyclictestJson): HostFloor {
  const t = j.thread['0'];
  if (!t) throw new Error('cyclictest reported no thread');
  const buckets = Object.entries(t.histogram)
    .map(([us, n]) => [Number(us), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const rank = Math.ceil(t.cycles * 0.99);
  let seen = 0;
  let p99Us = t.max;
  for (const [us, n] of buckets) {
    seen += n;
    if (seen >= rank) {
      p99Us = us;
      break;
    }
  }
  return { cycles: t.cycles, p99Ms: ms(p99Us / 1000), maxMs: ms(t.max / 1000) };
}
