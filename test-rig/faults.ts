/**
 * The faults a rig's supervisor injects, each answered with the CLOCK_MONOTONIC time it took
 * effect:
 *
 *   kill | freeze | thaw | term | restart <board>   signals to the board's firmware
 *   cut | restore <link>                            cables at the switch (ha1, A:ha1, port2, ...)
 *   port-down | port-up <board>:<port>              one board's cable (A:port2)
 *   loss <link> <percent>                           random frame loss on cables (0 removes it)
 *   power-loss | power-on <board>                   the board dies with all its cables dark
 *
 * In a 2-board rig the heartbeat segments are point-to-point cables, so a power loss also
 * darkens the survivor's heartbeat ports, as a direct cable does when the far end loses power.
 *
 * Cables change by rtnetlink from the supervisor's thread (link-admin.ts); an `ip` process would
 * add its start and exit to the time. `atMs` is taken before the request: the kernel drops the
 * far end's carrier while it handles it, and taking a link down then waits out RCU grace periods
 * (milliseconds under load). Stamped after the request, a port-down came up to 14 ms late, and
 * the gap benchmark's survivor seemed to take over before the fault.
 */
import type { BoardProcess } from './board-process.js';
import type { FaultKind, FaultResult } from './control.js';
import { RigError } from './errors.js';
import { setLinksAdmin } from './link-admin.js';
import { checkLossPercent, LinkLoss } from './link-loss.js';
import { BOARD_LETTERS, type BoardLetter, switchNamespace } from './paths.js';
import { cutPower } from './power-loss.js';
import { monotonicMs, runState } from './processes.js';
import { resetSimLeds, rigBoardLeds } from './sim-leds.js';
import { boardCables, type Cable, cablesUp, parseLinkTarget, parsePortTarget, switchPortName } from './topology.js';

const SIGNAL_SETTLE_MS = 2000;
const HB_PORTS = ['ha1', 'ha2'] as const;

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

async function settleExit(p: BoardProcess): Promise<void> {
  await Promise.race([p.waitExit(), new Promise((r) => setTimeout(r, SIGNAL_SETTLE_MS))]);
}

export class FaultInjector {
  private readonly loss: LinkLoss;
  /** Cables a power loss pulled, by board: power-on plugs exactly these back. */
  private readonly pulled = new Map<BoardLetter, Cable[]>();

  constructor(
    private readonly rig: string,
    private readonly boards: number,
    /** The board named by a user ("a", "B"); throws naming the boards that exist. */
    private readonly board: (text: string) => BoardProcess,
  ) {
    this.loss = new LinkLoss(rig);
  }

  async fault(kind: FaultKind, target: string, value?: number): Promise<FaultResult> {
    if (value !== undefined && kind !== 'loss') throw new RigError(`fault ${kind} takes no value (got ${value})`);
    switch (kind) {
      case 'cut':
      case 'restore': {
        const cables = parseLinkTarget(target, this.boards);
        return { kind, target, atMs: this.plug(cables, kind === 'restore'), cables };
      }
      case 'port-down':
      case 'port-up': {
        const cable = parsePortTarget(target, this.boards);
        return { kind, target: `${cable.board}:${cable.port}`, atMs: this.plug([cable], kind === 'port-up'), cables: [cable] };
      }
      case 'loss': {
        const cables = parseLinkTarget(target, this.boards);
        const percent = checkLossPercent(value, target);
        const atMs = await this.loss.set(cables, percent);
        return { kind, target, atMs, cables, percent };
      }
      default:
        return this.boardFault(kind, this.board(target));
    }
  }

  private async boardFault(kind: FaultKind, p: BoardProcess): Promise<FaultResult> {
    const target = p.letter;
    switch (kind) {
      case 'kill': {
        const atMs = this.signal(p, 'SIGKILL');
        await settleExit(p);
        return { kind, target, atMs };
      }
      case 'freeze': {
        const pid = p.pid;
        const atMs = this.signal(p, 'SIGSTOP');
        if (pid !== null) await until(() => runState(pid) !== 'running', SIGNAL_SETTLE_MS);
        return { kind, target, atMs };
      }
      case 'thaw':
        return { kind, target, atMs: this.signal(p, 'SIGCONT') };
      case 'term':
        return { kind, target, atMs: this.signal(p, 'SIGTERM') };
      case 'restart': {
        if (this.pulled.has(target)) return { ...(await this.powerOn(p)), kind };
        await p.kill();
        const atMs = p.start();
        return { kind, target, atMs, pid: p.pid ?? undefined };
      }
      case 'power-loss':
        return this.powerLoss(p);
      case 'power-on':
        return this.powerOn(p);
      default:
        throw new RigError(`fault ${kind} is not a board fault`);
    }
  }

  /** Plugs or pulls cables at the switch; returns the time just before the request. */
  private plug(cables: readonly Cable[], up: boolean): number {
    const atMs = monotonicMs();
    setLinksAdmin(switchNamespace(this.rig), cables.map(switchPortName), up);
    return atMs;
  }

  private signal(p: BoardProcess, sig: NodeJS.Signals): number {
    if (this.pulled.has(p.letter) && !p.running) {
      throw new RigError(`board ${p.letter} has lost power: bring it back with power-on (or restart)`);
    }
    return p.signal(sig);
  }

  private async powerLoss(p: BoardProcess): Promise<FaultResult> {
    const letter = p.letter;
    if (this.pulled.has(letter)) throw new RigError(`board ${letter} has already lost power: power-on first`);
    // Heartbeat cables first, both ends of each together (point-to-point in a 2-board rig),
    // then the data ports.
    const peer = this.boards === 2 ? (BOARD_LETTERS.find((l, i) => i < 2 && l !== letter) as BoardLetter) : null;
    const wanted: Cable[] = HB_PORTS.flatMap((port) => [{ board: letter, port }, ...(peer ? [{ board: peer, port }] : [])]);
    wanted.push(...boardCables(letter).filter((c) => !(HB_PORTS as readonly string[]).includes(c.port)));
    const cables = await cablesUp(this.rig, wanted);
    const cut = await cutPower(this.rig, p, cables);
    this.pulled.set(letter, cables);
    await settleExit(p);
    // No power, no light: the board's LEDs go dark until its firmware drives them again.
    resetSimLeds(rigBoardLeds(this.rig, letter));
    return {
      kind: 'power-loss',
      target: letter,
      atMs: cut.startMs,
      cables,
      spreadMs: cut.doneMs - cut.startMs,
    };
  }

  /** What a board's watchdog does when it starves: the board resets (power off, boot again). */
  async watchdogReset(p: BoardProcess): Promise<void> {
    if (this.pulled.has(p.letter) || !p.running) return;
    await this.powerLoss(p);
    await this.powerOn(p, true);
  }

  private async powerOn(p: BoardProcess, byWatchdog = false): Promise<FaultResult> {
    const letter = p.letter;
    const cables = this.pulled.get(letter);
    if (cables === undefined && p.running) throw new RigError(`board ${letter} is running: it has not lost power`);
    if (cables) this.plug(cables, true);
    this.pulled.delete(letter);
    const atMs = p.running ? monotonicMs() : p.start({ byWatchdog });
    return { kind: 'power-on', target: letter, atMs, pid: p.pid ?? undefined, cables: cables ?? [] };
  }
}
