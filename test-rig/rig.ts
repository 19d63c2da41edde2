/**
 * The rig for code: bring a rig up, query and fault it, wait for conditions, take it down.
 *
 *   const rig = await up({ name: 'ab12', boards: 2 });        // formed cluster
 *   await rig.traffic.start();                                // prober + TCP streams, cli -> srv
 *   const { atMs } = await rig.fault('kill', 'A');            // or ('loss', 'ha1', 30), ('port-down', 'A:port2')
 *   await rig.waitFor((s) => s.boards[1]?.state === 'work', 5000, 'B takes over');
 *   await rig.down();
 *
 * `rig(name)` gives a client for a rig someone else brought up (the CLI, another process).
 */
import type { Socket } from 'node:net';
import type { HaSnapshot } from '../firmware/ha/snapshot.js';
import { type CleanupReport, cleanStale, liveRigs, removeRig } from './cleanup.js';
import { ConsoleClient } from './console-client.js';
import {
  attachConsole,
  controlCall,
  controlStatus,
  FAULT_KINDS,
  type FaultKind,
  type FaultResult,
  isFaultKind,
} from './control.js';
import { RigError } from './errors.js';
import { firmwareEntry, launchSupervisor, REPO_ROOT } from './launcher.js';
import { boardConsoleSocket, checkBoardCount, MAX_BOARDS, MIN_BOARDS, parseBoard, resolveRigName } from './paths.js';
import { isAlive, type ProcessRecord, signalQuietly } from './processes.js';
import { rigConfig } from './rig-config.js';
import { gatewayConfig } from './rig-gateway.js';
import { ownerAlive, readState } from './state.js';
import { deadBoards, exitReport, isBooted, isFormed, type RigStatus, rigSummary } from './status.js';
import { RigTraffic } from './traffic/client.js';

export type WaitMode = 'formed' | 'booted' | 'none';

export interface UpOptions {
  /** Rig name (default: TANDEM_RIG, else "default"). */
  name?: string;
  boards?: number;
  /** Configuration text per board index; missing ones get rigConfig(i). */
  configs?: string[];
  wait?: WaitMode;
  timeoutMs?: number;
  /** Firmware entry script (default: TANDEM_RIG_FIRMWARE, else dist/firmware/main.js). */
  firmware?: string;
  /**
   * Boards ('B') that run the arm64 release bundle under qemu-aarch64-static instead; the bundle
   * is built into the rig's folder. They boot slowly, so the default timeout is ARM64_UP_TIMEOUT_MS.
   */
  arm64Boards?: string[];
  /** Told the rig's state each time it changes while waiting (boards booting, in hello, electing). */
  onProgress?: (summary: string) => void;
}

export const DEFAULT_UP_TIMEOUT_MS = 40_000;
/** With emulated boards: Node takes about 1 s to start under qemu, the firmware about 10 s to boot. */
export const ARM64_UP_TIMEOUT_MS = 180_000;
/** The supervisor builds the arm64 bundle before it answers (about 10 s with the release cache warm). */
const ARM64_SUPERVISOR_READY_MS = 300_000;
const POLL_MS = 100;
const DOWN_TIMEOUT_MS = 30_000;
const EXEC_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export class Rig {
  /** Traffic from the client to the server through the boards. */
  readonly traffic: RigTraffic;

  constructor(readonly name: string) {
    this.traffic = new RigTraffic(name);
  }

  status(): Promise<RigStatus> {
    return controlStatus(this.name);
  }

  /** A board's HaSnapshot, straight from its console socket. */
  async snapshot(board: string, timeoutMs = 2000): Promise<HaSnapshot> {
    const letter = parseBoard(board, readState(this.name)?.boards ?? MAX_BOARDS);
    const client = new ConsoleClient(boardConsoleSocket(this.name, letter), `board ${letter}`);
    try {
      return await client.status(timeoutMs);
    } finally {
      client.close();
    }
  }

  /** Runs console text on a board (one command per line, one session); returns the output. */
  async exec(board: string, line: string, timeoutMs = EXEC_TIMEOUT_MS): Promise<string> {
    const r = await controlCall<{ output: string }>(this.name, { op: 'exec', board, line, timeoutMs }, timeoutMs + 5000);
    return r.output;
  }

  /**
   * Injects a fault; resolves when it has taken effect, with its time (`atMs`, FaultResult). Targets: a
   * board (`A`) for kill, freeze, thaw, term, restart, power-loss, power-on; a link (`ha1`,
   * `A:ha1`, `port2`) for cut, restore, loss; a board's port (`A:port2`) for port-down, port-up.
   * `value` is loss's percent (0 to 100; 0 removes the loss).
   */
  async fault(kind: FaultKind, target: string, value?: number): Promise<FaultResult> {
    if (!isFaultKind(kind)) throw new RigError(`fault "${kind}" does not exist: use ${FAULT_KINDS.join(', ')}`);
    return controlCall<FaultResult>(this.name, { op: 'fault', kind, target, value }, 15_000);
  }

  /**
   * Polls status until `predicate` holds; on timeout fails naming what was awaited and the
   * last state seen.
   */
  async waitFor(
    predicate: (s: RigStatus) => boolean,
    timeoutMs: number,
    describe: string,
    intervalMs = POLL_MS,
  ): Promise<RigStatus> {
    const start = Date.now();
    for (;;) {
      const s = await this.status();
      if (predicate(s)) return s;
      if (Date.now() - start >= timeoutMs) {
        throw new RigError(`${describe}: not reached after ${seconds(timeoutMs)}; last seen: ${rigSummary(s)}`);
      }
      await sleep(intervalMs);
    }
  }

  /** Waits for a formed cluster (or, with 'booted', for every board to answer); fails fast when a board dies. */
  async waitUntil(
    mode: 'formed' | 'booted',
    timeoutMs = DEFAULT_UP_TIMEOUT_MS,
    onProgress?: (summary: string) => void,
  ): Promise<RigStatus> {
    const start = Date.now();
    const done = mode === 'formed' ? isFormed : isBooted;
    let said = '';
    for (;;) {
      const s = await this.status();
      const summary = rigSummary(s);
      if (onProgress && summary !== said) onProgress((said = summary));
      const dead = deadBoards(s)[0];
      if (dead) throw new RigError(exitReport(dead));
      if (done(s)) return s;
      if (Date.now() - start >= timeoutMs) {
        throw new RigError(`not ${mode} after ${seconds(timeoutMs)}: ${rigSummary(s)}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** A duplex byte stream to a board's serial console (through the supervisor). */
  console(board: string, opts: { replay?: boolean } = {}): Promise<Socket> {
    return attachConsole(this.name, board, opts.replay ?? false);
  }

  /**
   * Takes the rig down; a rig that is not up has its remains cleaned instead. Resolves to
   * whether a supervisor was running.
   */
  async down(): Promise<boolean> {
    const state = readState(this.name);
    const wasUp = state !== null && state.owner.pid !== process.pid && ownerAlive(state);
    if (state && wasUp) {
      try {
        await controlCall(this.name, { op: 'down' }, DOWN_TIMEOUT_MS);
      } catch {
        // No confirmation: the supervisor is killed and its remains removed below.
        if (isAlive(state.owner)) signalQuietly(state.owner.pid, 'SIGKILL');
      }
      await waitGone(state.owner);
    }
    await removeRig(this.name);
    return wasUp;
  }
}

async function waitGone(owner: ProcessRecord): Promise<void> {
  const end = Date.now() + 5000;
  while (isAlive(owner) && Date.now() < end) await sleep(20);
}

/** A client for a rig that is (or may be) up. */
export function rig(name?: string): Rig {
  return new Rig(resolveRigName(name));
}

/**
 * Brings a rig up and waits as asked. Stale rigs are cleaned first; on failure the rig is torn
 * down and the error says why (a board's exit and log, or the state it was stuck in).
 */
export async function up(o: UpOptions = {}): Promise<Rig> {
  const r = rig(o.name);
  const boards = checkBoardCount(o.boards ?? Math.max(MIN_BOARDS, o.configs?.length ?? 0));
  if ((o.configs?.length ?? 0) > boards) {
    throw new RigError(`${o.configs?.length} configurations given for ${boards} boards`);
  }
  const firmware = firmwareEntry(o.firmware);
  const arm64Boards = [...new Set((o.arm64Boards ?? []).map((b) => parseBoard(b, boards)))];
  const emulated = arm64Boards.length > 0;
  const state = readState(r.name);
  if (state && ownerAlive(state)) {
    throw new RigError(
      `rig "${r.name}" is already up (supervisor pid ${state.owner.pid}); take it down first: tandem-rig down --name ${r.name}`,
    );
  }
  await cleanStale();
  const configs = Array.from({ length: boards }, (_, i) => o.configs?.[i] ?? rigConfig(i, { extra: gatewayConfig() }));
  try {
    const spec = { boards, configs, firmware, cwd: REPO_ROOT, arm64Boards };
    await launchSupervisor(r.name, spec, emulated ? ARM64_SUPERVISOR_READY_MS : undefined);
    const wait = o.wait ?? 'formed';
    const timeoutMs = o.timeoutMs ?? (emulated ? ARM64_UP_TIMEOUT_MS : DEFAULT_UP_TIMEOUT_MS);
    if (wait !== 'none') await r.waitUntil(wait, timeoutMs, o.onProgress);
  } catch (e) {
    await r.down().catch(() => {});
    throw e;
  }
  return r;
}

export interface DownAllReport {
  downed: string[];
  cleaned: CleanupReport;
}

/** Takes down every live rig and removes every stale one. */
export async function downAll(): Promise<DownAllReport> {
  const downed: string[] = [];
  for (const name of liveRigs()) {
    await new Rig(name).down();
    downed.push(name);
  }
  return { downed, cleaned: await cleanStale() };
}

export { FAULT_KINDS, type FaultKind, type FaultResult } from './control.js';
export { type RigConfigOptions, rigConfig } from './rig-config.js';
export {
  type BoardStatus,
  boardStatus,
  isBooted,
  isFormed,
  type RigStatus,
  rigSummary,
  workingBoards,
} from './status.js';
export type { RigTraffic } from './traffic/client.js';
export type { TrafficOptions } from './traffic/options.js';
export type {
  ForwardReport,
  Outage,
  Stall,
  StreamDirection,
  StreamReport,
  StreamState,
  StreamsReport,
  TrafficReport,
} from './traffic/report.js';
export { cleanStale };
