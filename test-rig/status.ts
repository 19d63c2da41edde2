/**
 * What `status` reports about a rig, and the readings tests wait on: booted (every board
 * answers), formed (one primary, the rest standby, everyone sees every member), and one-line
 * summaries for timeouts ("A work sees 1 member; B hello").
 */
import type { HaState } from '../firmware/ha/advert.js';
import type { HaSnapshot } from '../firmware/ha/snapshot.js';
import { type BoardExit, type BoardLiveness, describeExit } from './board-process.js';
import { RigError } from './errors.js';
import type { BoardLetter } from './paths.js';

export interface BoardStatus {
  board: BoardLetter;
  namespace: string;
  serial: string;
  hostname: string;
  pid: number | null;
  process: BoardLiveness;
  /** How the last run ended, when the board is dead. */
  exit: BoardExit | null;
  /** The last lines of firmware.log, when the board is dead. */
  logTail: string | null;
  /** How many times the firmware was started. */
  starts: number;
  /** How many times the rig's watchdog stand-in reset the board. */
  watchdogResets: number;
  /** The board's answer to the status query; null when it did not answer. */
  ha: HaSnapshot | null;
  /** Why there is no answer (frozen, not ready, timeout). */
  haError: string | null;
  state: HaState | null;
  /** The primary this board believes in: a board letter, or a serial the rig does not know. */
  primary: string | null;
  members: number | null;
}

export interface RigStatus {
  name: string;
  supervisorPid: number;
  /** CLOCK_MONOTONIC ms when the status was taken. */
  nowMs: number;
  boards: BoardStatus[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function boardSummary(b: BoardStatus): string {
  if (b.process === 'dead') return `${b.board} dead (${describeExit(b.exit)})`;
  if (b.process === 'frozen') return `${b.board} frozen`;
  if (!b.ha) return `${b.board} not answering (${b.haError ?? 'no status'})`;
  const primary = b.primary ? `, primary ${b.primary}` : '';
  return `${b.board} ${b.state} sees ${plural(b.members ?? 0, 'member')}${primary}`;
}

export function rigSummary(s: RigStatus): string {
  return s.boards.map(boardSummary).join('; ');
}

/** Every board runs and answers its status query. */
export function isBooted(s: RigStatus): boolean {
  return s.boards.every((b) => b.process === 'alive' && b.ha !== null);
}

/** Exactly one board in work, the others standby, each listing every board as a member. */
export function isFormed(s: RigStatus): boolean {
  const n = s.boards.length;
  if (!isBooted(s)) return false;
  const working = s.boards.filter((b) => b.state === 'work').length;
  const standby = s.boards.filter((b) => b.state === 'standby').length;
  return working === 1 && standby === n - 1 && s.boards.every((b) => b.members === n);
}

export function deadBoards(s: RigStatus): BoardStatus[] {
  return s.boards.filter((b) => b.process === 'dead');
}

/** "board B exited (code 1): <last lines of its log>". */
export function exitReport(b: BoardStatus): string {
  const how = b.exit?.signal ? `killed by ${b.exit.signal}` : `code ${b.exit?.code ?? '?'}`;
  const tail = b.logTail?.trim();
  return `board ${b.board} exited (${how})${tail ? `:\n${tail}` : ' without output'}`;
}

/** The primary a board reports: its election result, else the member in work. */
export function primaryOf(snapshot: HaSnapshot): string | null {
  if (snapshot.election?.primary) return snapshot.election.primary;
  return snapshot.members.find((m) => m.state === 'work')?.serial ?? null;
}

/** One board's entry in a status (throws for a board the rig does not have). */
export function boardStatus(s: RigStatus, letter: string): BoardStatus {
  const b = s.boards.find((x) => x.board === letter.toUpperCase());
  if (!b) throw new RigError(`rig ${s.name} has no board ${letter}`);
  return b;
}

/** The boards in `work`, in board order. */
export function workingBoards(s: RigStatus): BoardLetter[] {
  return s.boards.filter((b) => b.state === 'work').map((b) => b.board);
}
