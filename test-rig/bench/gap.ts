/**
 * Traffic gaps: the 1 ms UDP prober's longest outage around a failure, client → server → client
 * through the pair (round trip, so both directions' takeover counts). The failure lands at a
 * random phase against the heartbeat timer. Between runs the failed board is brought back and
 * the pair allowed to form again; the next run fails whichever board is primary then.
 *
 * An outage belongs to a run when it ends after the fault: its gap runs from the send time of
 * the last probe through before the hole to that of the first through after it (so it exceeds
 * the real break by less than two probe intervals). A run without a lost probe counts 0.
 * Probes are echoed: one sent shortly before the fault is lost on its way back (after a round
 * trip, and the echo agent's own delay, up to a millisecond in the rig). So each run also says
 * its gap counted from no earlier than the fault (`gapFromFaultMs`): the fault is stamped before
 * its request, so the break cannot begin earlier.
 *
 * Each run is also traced on CLOCK_MONOTONIC, step by step: fault → (a monitored port: the
 * failing unit's worker learns of its port, from its snapshot) → the survivor's worker decides
 * it is primary (its state-since) → data ports taken over, first announcement included (the
 * worker's "took over the data ports in … ms") → first probe through after the outage.
 * perf records the CPUs meanwhile (cpu-pauses.ts): a run whose failover (fault to traffic back)
 * a CPU spent standing still says so and for how long, and the summary gives the gaps of the
 * runs no pause touched apart, which is what the firmware does on a host that does not stall.
 * perf also times each wake-up of both boards' heartbeat workers: how long, in the failover, they
 * were ready to run and waited for a CPU (another board's work, the kernel's, the rig's).
 * For a monitored port, a C listener in the failing board's namespace (link-floor.ts) also
 * stamps when the kernel reports the carrier loss at all; for the carrier fast path, when it
 * reported the last of the survivor's heartbeat ports dark. That is the part of the gap before
 * the firmware can know; what follows it is the failover's own: the firmware's turns and the
 * kernel work they ask for (MACs, addresses).
 *
 * TANDEM_BENCH_PROBE_MS (0.1–1, default 1) sets the prober's period: a gap exceeds the real
 * break by up to two periods, which at 1 ms is most of a 3 ms target.
 */

import { FIFO_PRIORITY } from '../../firmware/ha/runtime.js';
import { type BoardLetter, boardNamespace } from '../paths.js';
import type { Rig } from '../rig.js';
import { boardStatus, type RigStatus, workingBoards } from '../status.js';
import { gatewayPair, logSince, logSize, withRig } from './bench-rig.js';
import { startCpuPauses, workerPidOf } from './cpu-pauses.js';
import { emit, progress } from './emit.js';
import { allHeardDownAtMs, startLinkFloor } from './link-floor.js';
import { BenchError, envProbeMs } from './options.js';
import { ms, summarize } from './stats.js';
import { preciseDelay, sleep } from './timing.js';

export type GapFault = 'power-loss' | 'monitor-port-down' | 'graceful-shutdown' | 'failover-set';

export interface GapCase {
  fault: GapFault;
  hbIntervalMs: number;
  lostThreshold: number;
  carrierFailover: boolean;
  targetMs: number;
}

/** Targets: issue 3's, tightened by issue 7 for the carrier fast path, a monitored port and `failover set`. */
export const GAP_CASES: readonly GapCase[] = [
  { fault: 'power-loss', hbIntervalMs: 10, lostThreshold: 3, carrierFailover: false, targetMs: 35 },
  { fault: 'power-loss', hbIntervalMs: 10, lostThreshold: 3, carrierFailover: true, targetMs: 5 },
  { fault: 'power-loss', hbIntervalMs: 200, lostThreshold: 6, carrierFailover: false, targetMs: 1250 },
  { fault: 'monitor-port-down', hbIntervalMs: 200, lostThreshold: 6, carrierFailover: false, targetMs: 3 },
  { fault: 'graceful-shutdown', hbIntervalMs: 200, lostThreshold: 6, carrierFailover: false, targetMs: 5 },
  { fault: 'failover-set', hbIntervalMs: 200, lostThreshold: 6, carrierFailover: false, targetMs: 3 },
];

/** The monitored port, the client's LAN: its loss moves the role. */
const MONITORED = 'port2';
/** The heartbeat ports, whose carrier a power loss takes from the survivor too. */
const HB_PORTS = ['ha1', 'ha2'];
const FORM_TIMEOUT_MS = 60_000;
/** How long after the fault traffic must be back before a run is a failure. */
const RECOVER_TIMEOUT_MS = 15_000;

function configs(c: GapCase): string[] {
  const haLines = c.carrierFailover ? ['set hb-carrier-failover enable'] : [];
  return gatewayPair({ hbIntervalMs: c.hbIntervalMs, lostThreshold: c.lostThreshold, monitor: [MONITORED], haLines });
}

async function inject(rig: Rig, c: GapCase, primary: BoardLetter): Promise<number> {
  switch (c.fault) {
    case 'power-loss':
      return (await rig.fault('power-loss', primary)).atMs;
    case 'monitor-port-down':
      return (await rig.fault('port-down', `${primary}:${MONITORED}`)).atMs;
    case 'graceful-shutdown':
      return (await rig.fault('term', primary)).atMs;
    case 'failover-set': {
      const atMs = (await rig.status()).nowMs;
      await rig.exec(primary, 'execute ha failover set');
      return atMs;
    }
  }
}

async function restore(rig: Rig, c: GapCase, failed: BoardLetter): Promise<void> {
  switch (c.fault) {
    case 'power-loss':
      await rig.fault('power-on', failed);
      break;
    case 'monitor-port-down':
      await rig.fault('port-up', `${failed}:${MONITORED}`);
      break;
    case 'graceful-shutdown':
      await rig.fault('restart', failed);
      break;
    case 'failover-set':
      await rig.exec(failed, 'execute ha failover unset');
      break;
  }
  await rig.waitUntil('formed', FORM_TIMEOUT_MS);
}

interface RunRecord {
  failed: BoardLetter;
  gapMs: number;
  /** The same gap begun no earlier than the fault. */
  gapFromFaultMs: number;
  lost: number;
  trace: StepTrace | null;
  /** When the longest outage began, from the fault (a later one than the failover's can be longer). */
  outageFromMs: number;
  /** CPU pauses overlapping the longest outage; null without perf. */
  paused: { pauses: number; pausedMs: number } | null;
  /** CPU pauses from the fault (or the outage's start, if earlier) to the traffic back; null without perf. */
  pausedInFailover: { pauses: number; pausedMs: number } | null;
  /** The same span: both heartbeat workers' waits, runnable, for a CPU; null without perf. */
  waitedInFailover: { wakeups: number; waitedMs: number; longestMs: number } | null;
}

/** Milliseconds spent in each step of a takeover. */
interface StepTrace {
  /** Fault to the kernel reporting the carrier loss the failover starts from, heard by a C listener (null: other faults, or not heard). */
  heardMs: number | null;
  /** Fault to the failing unit's worker hearing of its monitored port (null for other faults). */
  learntMs: number | null;
  /** Fault to the survivor's election making it primary. */
  detectMs: number;
  /** Taking the ports over, the first gratuitous ARP/NA round included. */
  takeoverMs: number;
  /** Its phases, as the worker timed them. */
  macsMs: number;
  addressesMs: number;
  forwardingMs: number;
  announcementMs: number;
  /** From then to the first probe through (switch learning, the prober's next send). */
  firstProbeMs: number;
  /** From the kernel's report (heardMs) to the first probe through: the boards' turns and the takeover's kernel work, the prober's resolution included. */
  sinceHeardMs: number | null;
}

const TOOK_OVER =
  /took over the data ports in ([\d.]+) ms \(MACs ([\d.]+), addresses ([\d.]+), forwarding ([\d.]+), first announcement ([\d.]+) ms/g;

/** Whose carrier loss starts the failover, and where to listen for it; null when none does. */
function floorLinks(c: GapCase, primary: BoardLetter, survivor: BoardLetter): { board: BoardLetter; ifnames: string[] } | null {
  if (c.fault === 'monitor-port-down') return { board: primary, ifnames: [MONITORED] };
  if (c.fault === 'power-loss' && c.carrierFailover) return { board: survivor, ifnames: HB_PORTS };
  return null;
}

function trace(
  atMs: number,
  workSinceMs: number | undefined,
  heard: { heardAtMs: number | null; learntAtMs: number | null },
  log: string,
  outageEndMs: number | null,
): StepTrace | null {
  const took = [...log.matchAll(TOOK_OVER)].at(-1);
  if (workSinceMs === undefined || !took) return null;
  const takeoverMs = Number(took[1]);
  const doneMs = workSinceMs + takeoverMs;
  const { heardAtMs, learntAtMs } = heard;
  return {
    heardMs: heardAtMs === null ? null : heardAtMs - atMs,
    learntMs: learntAtMs === null ? null : learntAtMs - atMs,
    detectMs: workSinceMs - atMs,
    takeoverMs,
    macsMs: Number(took[2]),
    addressesMs: Number(took[3]),
    forwardingMs: Number(took[4]),
    announcementMs: Number(took[5]),
    firstProbeMs: outageEndMs === null ? 0 : Math.max(0, outageEndMs - doneMs),
    sinceHeardMs: heardAtMs === null || outageEndMs === null ? null : outageEndMs - heardAtMs,
  };
}

/** When the failing unit's worker saw its monitored port go down, from its snapshot; null when it cannot say. */
function portLearntAtMs(s: RigStatus, board: BoardLetter): number | null {
  const ha = boardStatus(s, board).ha;
  const ago = ha?.monitor.find((m) => m.name === MONITORED)?.lastChangeAgoMs;
  return ha && typeof ago === 'number' ? ha.nowMs - ago : null;
}

async function oneRun(rig: Rig, c: GapCase, probeMs: number): Promise<RunRecord> {
  const formed = await rig.waitUntil('formed', FORM_TIMEOUT_MS);
  const primary = workingBoards(formed)[0];
  const survivor = formed.boards.find((b) => b.board !== primary)?.board;
  if (!primary || !survivor) throw new BenchError(`no primary and secondary in a formed pair of ${formed.name}`);
  await rig.traffic.start({ streams: 0, intervalMs: probeMs });
  await rig.traffic.flowing();
  const logFrom = logSize(rig, survivor);
  const workers = formed.boards.flatMap((b) => (b.pid ? [workerPidOf(b.pid)] : [])).filter((p) => p !== null);
  const pauseRun = startCpuPauses(workers);
  const watched = floorLinks(c, primary, survivor);
  const floor = watched ? startLinkFloor(boardNamespace(rig.name, watched.board), watched.ifnames, FIFO_PRIORITY) : null;
  const stopFloor = async () => (floor ? await floor.stop() : null);
  const failover = async () => {
    // The fault lands once perf records, and the work of its start is behind us (side-tool.ts).
    await Promise.all([pauseRun.ready, floor?.ready]);
    await sleep(200);
    await preciseDelay(Math.random() * c.hbIntervalMs);
    const atMs = await inject(rig, c, primary);
    const took = await rig.waitFor(
      (x) => boardStatus(x, survivor).state === 'work',
      RECOVER_TIMEOUT_MS,
      `${survivor} takes over from ${primary} (${c.fault})`,
    );
    const settled = await rig.traffic.waitFor(
      (r) => r.outages.every((o) => o.endMs !== null) && r.nowMs > atMs + 300,
      RECOVER_TIMEOUT_MS,
      `traffic back after ${c.fault} of ${primary}`,
    );
    await rig.traffic.stop();
    return { atMs, took, settled };
  };
  // perf records every CPU: it must not outlive a run that failed.
  const { atMs, took, settled } = await failover().catch(async (e: unknown) => {
    await Promise.all([pauseRun.stop(), stopFloor()]);
    throw e;
  });
  const [pauses, changes] = await Promise.all([pauseRun.stop(), stopFloor()]);
  if (changes?.overruns) progress(`link-event floor: ${changes.overruns} overruns, a carrier loss may be missing`);
  const mine = settled.outages.filter((o) => o.endMs !== null && o.endMs > atMs);
  const longest = mine.reduce<(typeof mine)[number] | null>((a, o) => (a && a.gapMs >= o.gapMs ? a : o), null);
  const gapMs = longest?.gapMs ?? 0;
  const learntAtMs = c.fault === 'monitor-port-down' ? portLearntAtMs(await rig.status(), primary) : null;
  const steps = trace(
    atMs,
    boardStatus(took, survivor).ha?.stateSinceMs,
    { heardAtMs: watched ? allHeardDownAtMs(changes, watched.ifnames, atMs) : null, learntAtMs },
    logSince(rig, survivor, logFrom),
    longest?.endMs ?? null,
  );
  await restore(rig, c, primary);
  const paused = longest ? (pauses?.pausedBetween(longest.startMs, longest.startMs + longest.gapMs) ?? null) : null;
  const outageFromMs = longest ? longest.startMs - atMs : 0;
  const backMs = longest?.endMs ?? atMs + (steps ? steps.detectMs + steps.takeoverMs : 0);
  const failoverFromMs = Math.min(atMs, longest?.startMs ?? atMs);
  const pausedInFailover = pauses?.pausedBetween(failoverFromMs, backMs) ?? null;
  const waitedInFailover = pauses?.waitedBetween(failoverFromMs, backMs) ?? null;
  return {
    failed: primary,
    gapMs,
    gapFromFaultMs: longest?.endMs ? longest.endMs - Math.max(longest.startMs, atMs) : 0,
    lost: mine.reduce((n, o) => n + o.lost, 0),
    trace: steps,
    outageFromMs,
    paused,
    pausedInFailover,
    waitedInFailover,
  };
}

type Percentiles = { p50Ms: number; p99Ms: number } | null;

function stepSummary(traces: readonly StepTrace[]): Record<keyof StepTrace, Percentiles> | null {
  if (traces.length === 0) return null;
  const of = (k: keyof StepTrace): Percentiles => {
    const values = traces.flatMap((t) => (t[k] === null ? [] : [t[k]]));
    if (values.length === 0) return null;
    const sum = summarize(values);
    return { p50Ms: ms(sum.p50Ms), p99Ms: ms(sum.p99Ms) };
  };
  return {
    heardMs: of('heardMs'),
    learntMs: of('learntMs'),
    detectMs: of('detectMs'),
    takeoverMs: of('takeoverMs'),
    macsMs: of('macsMs'),
    addressesMs: of('addressesMs'),
    forwardingMs: of('forwardingMs'),
    announcementMs: of('announcementMs'),
    firstProbeMs: of('firstProbeMs'),
    sinceHeardMs: of('sinceHeardMs'),
  };
}

export function gapCaseName(c: GapCase): string {
  return `${c.fault}${c.carrierFailover ? ' (hb-carrier-failover)' : ''}`;
}

/** "power-loss 10ms x 3": what TANDEM_BENCH_GAP picks cases by (a substring of it). */
export function gapCaseLabel(c: GapCase): string {
  return `${gapCaseName(c)} ${c.hbIntervalMs}ms x ${c.lostThreshold}`;
}

export async function benchGap(c: GapCase, runs: number): Promise<void> {
  const hb = `${c.hbIntervalMs}ms x ${c.lostThreshold}`;
  const name = `gap ${gapCaseLabel(c)}`;
  const probeMs = envProbeMs(process.env);
  await withRig(name, configs(c), async (rig) => {
    const records: RunRecord[] = [];
    for (let i = 1; i <= runs; i++) {
      const r = await oneRun(rig, c, probeMs);
      records.push(r);
      const over = r.gapMs > c.targetMs ? `  OVER TARGET ${c.targetMs} ms` : '';
      const t = r.trace;
      const steps = t
        ? ` (${t.heardMs === null ? '' : `kernel reports ${t.heardMs.toFixed(2)}, `}${t.learntMs === null ? '' : `port learnt ${t.learntMs.toFixed(2)}, `}detect ${t.detectMs.toFixed(2)}, takeover ${t.takeoverMs.toFixed(2)} [MACs ${t.macsMs}, addresses ${t.addressesMs}, ` +
          `forwarding ${t.forwardingMs}, announcement ${t.announcementMs}], first probe +${t.firstProbeMs.toFixed(2)} ms` +
          `${t.sinceHeardMs === null ? '' : `, ${t.sinceHeardMs.toFixed(2)} ms after the kernel's report`})`
        : '';
      const paused = r.paused?.pauses ? `, CPUs paused ${r.paused.pausedMs} ms in ${r.paused.pauses} pauses during it` : '';
      const inFailover = r.pausedInFailover?.pauses ? `, ${r.pausedInFailover.pausedMs} ms from the fault to traffic back` : '';
      const waited = r.waitedInFailover?.wakeups
        ? `, workers waited ${r.waitedInFailover.waitedMs} ms for a CPU in ${r.waitedInFailover.wakeups} wake-ups (longest ${r.waitedInFailover.longestMs})`
        : '';
      progress(
        `${name}: run ${i}/${runs}: ${r.failed} failed, gap ${r.gapMs.toFixed(2)} ms from +${r.outageFromMs.toFixed(1)} ms ` +
          `(${r.gapFromFaultMs.toFixed(2)} ms from the fault)${steps}, ` +
          `${r.lost} probes lost${paused}${inFailover}${waited}${over}`,
      );
    }
    const sum = summarize(records.map((r) => r.gapMs));
    const fromFault = summarize(records.map((r) => r.gapFromFaultMs));
    const calm = records.filter((r) => r.pausedInFailover !== null && r.pausedInFailover.pauses === 0);
    const calmSum = calm.length > 0 ? summarize(calm.map((r) => r.gapMs)) : null;
    emit({
      bench: 'traffic-gap',
      fault: gapCaseName(c),
      hb,
      runs: sum.n,
      p50Ms: ms(sum.p50Ms),
      p99Ms: ms(sum.p99Ms),
      maxMs: ms(sum.maxMs),
      minMs: ms(sum.minMs),
      targetMs: c.targetMs,
      met: sum.p99Ms <= c.targetMs,
      p99: 'nearest rank (with fewer than 100 runs: the max)',
      probeIntervalMs: probeMs,
      // Runs whose failover no CPU pause of 2 ms or more touched (needs perf): the firmware's own figures.
      unpaused: calmSum && {
        runs: calmSum.n,
        p50Ms: ms(calmSum.p50Ms),
        p99Ms: ms(calmSum.p99Ms),
        met: calmSum.p99Ms <= c.targetMs,
      },
      fromFault: { p50Ms: ms(fromFault.p50Ms), p99Ms: ms(fromFault.p99Ms), met: fromFault.p99Ms <= c.targetMs },
      samplesMs: records.map((r) => ms(r.gapMs)),
      outageFromMs: records.map((r) => ms(r.outageFromMs)),
      cpuPausedMs: records.map((r) => r.paused?.pausedMs ?? null),
      cpuPausedInFailoverMs: records.map((r) => r.pausedInFailover?.pausedMs ?? null),
      workersWaitedInFailoverMs: records.map((r) => r.waitedInFailover?.waitedMs ?? null),
      steps: stepSummary(records.flatMap((r) => (r.trace ? [r.trace] : []))),
      failed: records.map((r) => r.failed).join(''),
    });
  });
}
