/**
 * Heartbeat tick jitter on board A (|tick interval − hb interval|, from its snapshot) over
 * windows of N seconds, with A's main thread under heavy allocation (`diagnose test
 * main-load`) and without (baseline). Loaded and idle windows alternate on one pair, so a
 * burst of outside activity on the machine does not land on one case only; every window is
 * reported, and the median of the p99s per case is judged against the 1 ms target. Each window
 * also reports the machine's own floor (host-floor.ts): a C thread at the worker's priority,
 * waking at the heartbeat interval alongside it.
 */
import { FIFO_PRIORITY } from '../../firmware/ha/runtime.js';
import type { HaSnapshot } from '../../firmware/ha/snapshot.js';
import type { Rig } from '../rig.js';
import { rigConfig } from '../rig-config.js';
import { withRig } from './bench-rig.js';
import { type CpuPauses, startCpuPauses, workerPidOf } from './cpu-pauses.js';
import { emit, progress } from './emit.js';
import { type HostFloor, startHostFloor } from './host-floor.js';
import { BenchError } from './options.js';
import { median, ms } from './stats.js';
import { sleep } from './timing.js';

const HB = { hbIntervalMs: 10, lostThreshold: 3, helloHolddownS: 5 };
const TARGET_P99_MS = 1;
const SNAPSHOT_TIMEOUT_MS = 10_000;

type LoadCase = 'main-load' | 'idle';

interface Window {
  load: LoadCase;
  run: number;
  jitter: HaSnapshot['tickJitter'];
  schedFifo: boolean;
  lateTicks: number;
  maxTickLateMs: number;
  /** Did either board change state during the window (it must not). */
  stateChanged: boolean;
  host: HostFloor | null;
  /** A's worker's wake-ups against the CPUs' own pauses (cpu-pauses.ts). */
  pauses: CpuPauses | null;
}

async function stateKeys(rig: Rig): Promise<string> {
  const s = await rig.status();
  return s.boards.map((b) => `${b.board}:${b.state}@${b.ha?.stateSinceMs}`).join(' ');
}

async function window(rig: Rig, load: LoadCase, run: number, seconds: number): Promise<Window> {
  const states = await stateKeys(rig);
  const mainPid = (await rig.status()).boards.find((b) => b.board === 'A')?.pid;
  const worker = mainPid ? workerPidOf(mainPid) : null;
  if (worker === null) throw new BenchError(`board A's heartbeat worker process not found (main pid ${mainPid})`);
  const floor = startHostFloor(HB.hbIntervalMs, FIFO_PRIORITY);
  const pauseRun = startCpuPauses([worker]);
  const measured = async () => {
    // The window opens once both tools measure: perf's start is heavy work on both CPUs
    // (side-tool.ts), and its stop writes its file, so both stay outside the window.
    await Promise.all([floor.ready, pauseRun.ready]);
    const before = await rig.snapshot('A', SNAPSHOT_TIMEOUT_MS);
    const lines = ['diagnose sys ha clear-stats', ...(load === 'main-load' ? [`diagnose test main-load ${seconds}`] : [])];
    const out = await rig.exec('A', lines.join('\n'));
    if (!/statistics cleared/.test(out) || (load === 'main-load' && !/main-thread load running/.test(out))) {
      throw new BenchError(`board A did not start the ${load} window: ${out.trim()}`);
    }
    await sleep(seconds * 1000);
    return { before, after: await rig.snapshot('A', SNAPSHOT_TIMEOUT_MS) };
  };
  // Both tools watch every CPU: they must not outlive a window that failed.
  const stopTools = async () => ({ pauses: (await pauseRun.stop())?.result() ?? null, host: await floor.stop() });
  const { before, after } = await measured().catch(async (e: unknown) => {
    await stopTools();
    throw e;
  });
  const { pauses, host } = await stopTools();
  if (load === 'main-load') await rig.exec('A', 'diagnose test main-load 0');
  return {
    load,
    run,
    jitter: after.tickJitter,
    schedFifo: after.schedFifo,
    lateTicks: after.lateTicks - before.lateTicks,
    maxTickLateMs: after.maxTickLateMs,
    stateChanged: (await stateKeys(rig)) !== states,
    host,
    pauses,
  };
}

function report(w: Window, seconds: number): void {
  emit({
    bench: 'hb-jitter-run',
    hb: '10ms x 3',
    load: w.load,
    run: w.run,
    seconds,
    count: w.jitter.count,
    p50Ms: ms(w.jitter.p50Ms),
    p99Ms: ms(w.jitter.p99Ms),
    maxMs: ms(w.jitter.maxMs),
    schedFifo: w.schedFifo,
    lateTicks: w.lateTicks,
    maxTickLateMsSinceBoot: ms(w.maxTickLateMs),
    stateChanged: w.stateChanged,
    hostP99Ms: w.host?.p99Ms ?? null,
    hostMaxMs: w.host?.maxMs ?? null,
    cpuPauses: w.pauses,
  });
}

export async function benchJitter(seconds: number, runs: number): Promise<void> {
  const configs = [0, 1].map((i) => rigConfig(i, HB));
  await withRig('jitter', configs, async (rig) => {
    const windows: Window[] = [];
    for (let run = 1; run <= runs; run++) {
      for (const load of ['main-load', 'idle'] as const) {
        progress(`jitter: ${load} window ${run}/${runs}, ${seconds} s`);
        const w = await window(rig, load, run, seconds);
        report(w, seconds);
        windows.push(w);
      }
    }
    for (const load of ['main-load', 'idle'] as const) {
      const ws = windows.filter((w) => w.load === load);
      const p99s = ws.map((w) => w.jitter.p99Ms);
      const medianP99 = median(p99s);
      emit({
        bench: 'hb-jitter',
        hb: '10ms x 3',
        load,
        seconds,
        runs: ws.length,
        p99sMs: p99s.map(ms),
        medianP99Ms: ms(medianP99),
        p50sMs: ws.map((w) => ms(w.jitter.p50Ms)),
        maxesMs: ws.map((w) => ms(w.jitter.maxMs)),
        hostP99sMs: ws.map((w) => w.host?.p99Ms ?? null),
        hostMaxesMs: ws.map((w) => w.host?.maxMs ?? null),
        targetP99Ms: TARGET_P99_MS,
        met: medianP99 <= TARGET_P99_MS,
        everyRunMet: p99s.every((p) => p <= TARGET_P99_MS),
        schedFifo: ws.every((w) => w.schedFifo),
        stateChanges: ws.filter((w) => w.stateChanged).length,
      });
    }
  });
}
