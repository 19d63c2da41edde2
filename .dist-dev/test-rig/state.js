/**
 * state.json: who owns a rig (the supervisor, or the CLI while it starts one) and which board
 * processes it runs. Cleanup reads it to tell a live rig from the remains of a killed one.
 * Written atomically (temp file + rename) so a reader never sees half a file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rigDir, stateFile } from './paths.js';
import { isAlive, processRecord } from './processes.js';
export function readState(rig) {
    try {
        return JSON.parse(readFileSync(stateFile(rig), 'utf8'));
    }
    catch {
        return null;
    }
}
export function writeState(state) {
    mkdirSync(rigDir(state.name), { recursive: true });
    const file = stateFile(state.name);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(temp, file);
}
/** Marks the calling process as the owner of a rig (the folder is created if needed). */
export function claimRig(rig, boards, phase = 'starting') {
    const owner = processRecord(process.pid);
    if (!owner)
        throw new Error(`cannot read /proc/${process.pid}/stat`);
    const state = { name: rig, boards, phase, owner, boardPids: {}, startedAt: new Date().toISOString() };
    writeState(state);
    return state;
}
export function ownerAlive(state) {
    return isAlive(state.owner);
}
//# sourceMappingURL=state.js.map