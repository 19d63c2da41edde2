/**
 * A rig for one scenario file: brought up through the CLI with the given board configs, torn
 * down after the file's tests (also when they fail).
 */
import { readFileSync, statSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { incidents } from '../bench/log-lines.js';
import { type BoardLetter, boardLogFile, uniqueRigName } from '../paths.js';
import { type Rig, rig } from '../rig.js';
import { cli, cliOk, configArgs, configFiles, needRig } from '../rig.testkit.js';
import { boardStatus, type RigStatus } from '../status.js';
import type { Outage } from '../traffic/report.js';

export interface ScenarioRig {
  name: string;
  rig: Rig;
  /** Runs a CLI command against this rig and returns its JSON answer. */
  cli(args: readonly string[]): Promise<Record<string, unknown>>;
  /** Polls until `pred` holds; fails with `what` and the last status seen. */
  until(pred: (s: RigStatus) => boolean, what: string, timeoutMs?: number): Promise<RigStatus>;
  /** The board's event log, from `mark` (a length mark() gave) on: lines already there are not seen again. */
  log(board: BoardLetter, mark?: number): string;
  /** Where the board's event log ends now. */
  mark(board: BoardLetter): number;
  down(): Promise<void>;
}

/**
 * Returns null (test skipped) when this machine cannot run rigs outside CI. `arm64` boards run
 * the arm64 bundle under qemu-user (`up --arm64`) and boot slowly: up waits 180 s then, not 60.
 */
export async function scenarioRig(
  t: TestContext,
  configs: readonly string[],
  wait: 'formed' | 'booted' = 'formed',
  o: { arm64?: readonly BoardLetter[] } = {},
): Promise<ScenarioRig | null> {
  if (!(await needRig(t, { firmware: true }))) return null;
  const name = uniqueRigName('s');
  const files = configFiles(configs);
  const down = async () => {
    await cli(['down', '--name', name]);
    files.remove();
  };
  try {
    const arm64 = (o.arm64 ?? []).flatMap((b) => ['--arm64', b]);
    const timeoutS = arm64.length > 0 ? '180' : '60';
    await cliOk(['up', '--name', name, '--wait', wait, '--timeout', timeoutS, ...arm64, ...configArgs(files.paths)]);
  } catch (err) {
    await down();
    throw err;
  }
  const r = rig(name);
  return {
    name,
    rig: r,
    cli: (args) => cliOk([...args, '--name', name]),
    until: (pred, what, timeoutMs = 20_000) => r.waitFor(pred, timeoutMs, what),
    log: (board, mark = 0) => readFileSync(boardLogFile(name, board)).subarray(mark).toString('utf8'),
    mark: (board) => statSync(boardLogFile(name, board)).size,
    down,
  };
}

export const stateOf = (s: RigStatus, b: BoardLetter) => boardStatus(s, b).state;

/** Exactly one board in work, the others in standby, all agreeing on it and seeing all live members. */
export function onePrimary(s: RigStatus, live: readonly BoardLetter[]): boolean {
  const working = live.filter((b) => stateOf(s, b) === 'work');
  if (working.length !== 1 || live.some((b) => stateOf(s, b) === 'hello')) return false;
  return live.every((b) => boardStatus(s, b).primary === working[0] && boardStatus(s, b).members === live.length);
}

/** Waits until the rig's CLOCK_MONOTONIC passes `atMs` (a fault's time plus a margin). */
export async function untilTime(sr: ScenarioRig, atMs: number): Promise<void> {
  await sr.until((s) => s.nowMs >= atMs, `time ${atMs.toFixed(0)}`, atMs + 20_000);
}

/**
 * Formed, with `board` the primary. Boards booted together under the suite's load may come up
 * further apart than the rigs' short `ha-uptime-diff-margin` (1 s, so that a restarted unit
 * does not take the role back), and the older then wins on age whatever the priorities. So the
 * winner's age is reset as an operator moves the role (`diagnose sys ha reset-uptime`), and the
 * election goes as the scenario set it up.
 */
export async function primaryOnForming(
  sr: ScenarioRig,
  board: BoardLetter,
  live: readonly BoardLetter[] = ['A', 'B'],
): Promise<RigStatus> {
  const s = await sr.until((x) => onePrimary(x, live), `${live.join(' and ')} formed`);
  const winner = live.find((b) => stateOf(s, b) === 'work');
  if (winner !== undefined && winner !== board) await sr.rig.exec(winner, 'diagnose sys ha reset-uptime');
  return sr.until((x) => onePrimary(x, live) && stateOf(x, board) === 'work', `${board} primary`);
}

/**
 * For an assertion's message: each outage longer than `boundMs` with the boards' log lines
 * stamped from a second before it to a second after (the stamps and the prober's times are
 * both CLOCK_MONOTONIC ms), so a failure in a busy suite says what the boards did meanwhile.
 */
export function outagesWithLogs(
  sr: ScenarioRig,
  outages: readonly Outage[],
  boundMs: number,
  boards: readonly BoardLetter[] = ['A', 'B'],
): string {
  const long = outages.filter((o) => o.gapMs > boundMs);
  const logs = boards.map((b) => ({ board: b, text: sr.log(b) }));
  return long
    .map((o) => {
      const lines = incidents(logs, [o.startMs, o.startMs + o.gapMs], 1000, 1000).flat();
      return `outage of ${o.gapMs.toFixed(1)} ms from ${o.startMs.toFixed(1)}:\n  ${lines.join('\n  ')}`;
    })
    .join('\n');
}
