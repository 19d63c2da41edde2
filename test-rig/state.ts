/**
 * state.json: who owns a rig (the supervisor, or the CLI while it starts one) and which board
 * processes it runs. Cleanup reads it to tell a live rig from the remains of a killed one.
 * Written atomically (temp file + rename) so a reader never sees half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BoardLetter } from './paths.js';
import { rigDir, stateFile } from './paths.js';
import { isAlive, type ProcessRecord, processRecord } from './processes.js';

export type RigPhase = 'starting' | 'up' | 'stopping';

export interface RigState {
  name: string;
  boards: number;
  phase: RigPhase;
  /** The process responsible for the rig: the supervisor once it runs. */
  owner: ProcessRecord;
  /** Board processes currently running, by letter. */
  boardPids: Partial<Record<BoardLetter, ProcessRecord>>;
  startedAt: string;
}

export function readState(rig: string): RigState | null {
  try {
    return JSON.parse(readFileSync(stateFile(rig), 'utf8')) as RigState;
  } catch {
    return null;
  }
}

export function writeState(state: RigState): void {
  mkdirSync(rigDir(state.name), { recursive: true });
  const file = stateFile(state.name);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temp, file);
}

/** Marks the calling process as the owner of a rig (the folder is created if needed). */
export function claimRig(rig: string, boards: number, phase: RigPhase = 'starting'): RigState {
  const owner = processRecord(process.pid);
  if (!owner) throw new Error(`cannot read /proc/${process.pid}/stat`);
  const state: RigState = { name: rig, boards, phase, owner, boardPids: {}, startedAt: new Date().toISOString() };
  writeState(state);
  return state;
}

export function ownerAlive(state: RigState): boolean {
  return isAlive(state.owner);
}
