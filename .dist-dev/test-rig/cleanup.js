/**
 * Removing what killed rigs left behind. A rig is live while the owner recorded in its
 * state.json runs; anything else named like a rig (state folders, tdm-* namespaces, board
 * processes) is stale and goes.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unmountBpfUnder } from './bpf-mounts.js';
import { NS_PREFIX, RIG_ROOT, rigDir, rigOfNamespace } from './paths.js';
import { isAlive, signalQuietly } from './processes.js';
import { ownerAlive, readState } from './state.js';
import { deleteNamespace, listNamespaces, namespacesOfRig } from './topology.js';
/** A folder without state.json this young may be a rig being claimed right now. */
const CLAIM_GRACE_MS = 5000;
function rigFolders() {
    try {
        return readdirSync(RIG_ROOT);
    }
    catch {
        return [];
    }
}
function folderIsLive(rig, now) {
    const state = readState(rig);
    if (state)
        return ownerAlive(state);
    try {
        return now - statSync(rigDir(rig)).mtimeMs < CLAIM_GRACE_MS;
    }
    catch {
        return false;
    }
}
/** Rigs whose owner process runs. */
export function liveRigs() {
    const now = Date.now();
    return rigFolders().filter((rig) => folderIsLive(rig, now));
}
/**
 * Removes one rig's remains whoever owns it: the board processes state.json records, its
 * namespaces (and whatever runs in them), its state folder. For a rig whose owner is dead or
 * is the caller.
 */
export async function removeRig(rig, report = { rigs: [], namespaces: [], killed: [] }) {
    const state = readState(rig);
    for (const rec of Object.values(state?.boardPids ?? {})) {
        if (rec && isAlive(rec) && signalQuietly(rec.pid, 'SIGKILL'))
            report.killed.push(rec.pid);
    }
    for (const ns of namespacesOfRig(rig)) {
        await deleteNamespace(ns);
        report.namespaces.push(ns);
    }
    await unmountBpfUnder(join(RIG_ROOT, rig));
    rmSync(join(RIG_ROOT, rig), { recursive: true, force: true });
    report.rigs.push(rig);
    return report;
}
/** Removes the remains of every rig whose owner is dead, and tdm-* namespaces nobody owns. */
export async function cleanStale() {
    const report = { rigs: [], namespaces: [], killed: [] };
    // Namespaces are listed before folders: a rig claims its folder before it makes namespaces,
    // so a rig being built right now is seen as live rather than stripped half-built.
    const namespaces = listNamespaces();
    const now = Date.now();
    const live = new Set();
    for (const rig of rigFolders()) {
        if (folderIsLive(rig, now)) {
            live.add(rig);
            continue;
        }
        await removeRig(rig, report);
    }
    for (const ns of namespaces) {
        if (!ns.startsWith(NS_PREFIX) || report.namespaces.includes(ns))
            continue;
        const rig = rigOfNamespace(ns);
        if (rig !== undefined && live.has(rig))
            continue;
        await deleteNamespace(ns);
        report.namespaces.push(ns);
        if (rig !== undefined && !report.rigs.includes(rig))
            report.rigs.push(rig);
    }
    return report;
}
//# sourceMappingURL=cleanup.js.map