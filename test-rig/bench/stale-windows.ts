/**
 * What relaxing stale TCP windows costs (firmware/dataplane/stale-windows.ts) on a full table:
 * a namespace of its own holding N established TCP sessions with window tracking, and the
 * firmware's walk over them on the real kernel, timed from the call to checks back on. While
 * it runs every session is already unchecked (the namespace's switch): its length is not an
 * outage. Unpaced here, to time the walk's own work: the firmware keeps to a rate past a first
 * burst, for session sync (stale-windows.ts), which keeps the switch on longer.
 */
import { performance } from 'node:perf_hooks';
import { StaleWindows } from '../../firmware/dataplane/stale-windows.js';
import { createLogger, setLogSink } from '../../firmware/log/logger.js';
import { systemTimers } from '../../firmware/time/timers.js';
import { type ConntrackDevice, TCP_FLAG } from '../../hal/conntrack/index.js';
import { createLinuxConntrack } from '../../hal/conntrack/linux.js';
import { conntrackNetns } from '../../hal/conntrack/netns.testkit.js';
import { deleteNetns, withNetns } from '../../hal/netns.js';
import { raiseConntrackLimits } from '../conntrack-limits.js';
import { syntheticSession } from '../synthetic-sessions.js';
import { emit, progress } from './emit.js';
import { BenchError } from './options.js';
import { ms, summarize } from './stats.js';

const SIZES = [100_000, 1_000_000];
const RUNS = 3;
const CREATE_CHUNK = 50_000;

interface Walk {
  walkMs: number;
  relaxed: number;
}

/** The Linux driver in namespace `ns`, reporting when the walk turns checks back on. */
function deviceIn(ns: string, onSwitch: (on: boolean) => void): ConntrackDevice {
  const real = createLinuxConntrack();
  return {
    open: () => withNetns(ns, () => real.open()),
    subscribe: (o) => withNetns(ns, () => real.subscribe(o)),
    enableTimestamps: () => withNetns(ns, () => real.enableTimestamps()),
    setTcpLiberal: (on) => {
      withNetns(ns, () => real.setTcpLiberal(on));
      onSwitch(on);
    },
  };
}

async function walkOnce(ns: string, size: number): Promise<Walk> {
  const table = withNetns(ns, () => createLinuxConntrack().open());
  try {
    table.flush();
    for (let from = 0; from < size; from += CREATE_CHUNK) {
      const chunk = Array.from({ length: Math.min(CREATE_CHUNK, size - from) }, (_, i) => syntheticSession(from + i));
      const r = table.create(chunk);
      if (r.failures.length > 0)
        throw new BenchError(`creating sessions: ${r.failures.length} refused, errno ${r.failures[0]?.errno}`);
    }
    let done: (() => void) | null = null;
    const off = new Promise<void>((resolve) => {
      done = resolve;
    });
    const stale = new StaleWindows({
      conntrack: deviceIn(ns, (on) => {
        if (!on) done?.();
      }),
      now: () => performance.now(),
      timers: systemTimers,
      log: createLogger('dataplane'),
      // The walk's own cost: unpaced (the firmware paces it past a first burst for session sync).
      burst: Number.POSITIVE_INFINITY,
    });
    const started = performance.now();
    stale.relax('benchmark');
    await off;
    const walkMs = performance.now() - started;
    let relaxed = 0;
    for await (const batch of table.dump()) {
      for (const s of batch) if (s.tcp && s.tcp.flagsOrig & s.tcp.flagsReply & TCP_FLAG.BE_LIBERAL) relaxed++;
    }
    return { walkMs, relaxed };
  } finally {
    table.flush();
    table.close();
  }
}

export async function benchStaleWindows(): Promise<void> {
  setLogSink(() => {});
  const ns = `tdm-bsw-${process.pid}`;
  const limits = raiseConntrackLimits(Math.max(...SIZES), 1);
  try {
    conntrackNetns(ns);
    for (const size of SIZES) {
      const walks: Walk[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const w = await walkOnce(ns, size);
        if (w.relaxed !== size) throw new BenchError(`${w.relaxed} of ${size} sessions relaxed`);
        walks.push(w);
        progress(`stale windows, ${size} sessions: walk ${i}/${RUNS} ${w.walkMs.toFixed(0)} ms`);
      }
      const s = summarize(walks.map((w) => w.walkMs));
      emit({
        bench: 'stale-windows',
        sessions: size,
        runs: RUNS,
        walkP50Ms: ms(s.p50Ms),
        walkMaxMs: ms(s.maxMs),
        sessionsPerS: Math.round(size / (s.p50Ms / 1000)),
      });
    }
  } finally {
    deleteNetns(ns);
    limits.restore();
  }
}
