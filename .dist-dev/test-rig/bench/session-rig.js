/**
 * What the session benchmarks share: the pair's configuration (session pickup on, port3 as the
 * dedicated sync port, a strict policy so no TCP session starts without its SYN), each board's
 * processes (main and heartbeat worker) for CPU and memory readings, the boards' kernel tables
 * opened from this process, and a power loss that empties the board's table as a real one would.
 */
import { SYNCED_MARK } from '../../firmware/sessions/applier.js';
import { createLinuxConntrack } from '../../hal/conntrack/linux.js';
import { withNetns } from '../../hal/netns.js';
import { boardNamespace, cliNamespace, srvNamespace } from '../paths.js';
import { childrenOf, cmdlineOf, memoryOf } from '../proc-usage.js';
import { gatewayConfig } from '../rig-gateway.js';
import { ip } from '../shell.js';
import { workingBoards } from '../status.js';
import { syntheticIndex } from '../synthetic-sessions.js';
import { STREAM_PORT } from '../traffic/protocol.js';
import { gatewayPair, logSince } from './bench-rig.js';
import { BenchError } from './options.js';
import { monotonicMs, sleep } from './timing.js';
export const FORM_TIMEOUT_MS = 60_000;
/** What a secondary logs once a resync is complete (firmware/sessions/secondary-sync.ts). */
export const IN_SYNC = 'sessions in sync with';
/** Quiet after the pair forms, before a measurement: boot and ruleset work has died down. */
export const SETTLE_MS = 3000;
/** A formed pair syncing sessions over port3, with TCP sessions only from a SYN. */
export function sessionPair(o = {}) {
    const haLines = [
        'set session-pickup enable',
        ...(o.connectionless ? ['set session-pickup-connectionless enable'] : []),
        'set session-sync-dev "port3"',
        ...(o.haLines ?? []),
    ];
    const extra = gatewayConfig({ policies: [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }] });
    return gatewayPair({ ...o, haLines, extra });
}
export async function formedPair(rig) {
    const status = await rig.waitUntil('formed', FORM_TIMEOUT_MS);
    const primary = workingBoards(status)[0];
    const secondary = status.boards.find((b) => b.board !== primary)?.board;
    if (!primary || !secondary)
        throw new BenchError(`no primary and secondary in a formed pair of ${status.name}`);
    return { primary, secondary, status };
}
/** A formed pair whose secondary has finished its first resync, after SETTLE_MS of quiet. */
export async function settledPair(rig) {
    const pair = await formedPair(rig);
    const synced = await pollUntil(() => logSince(rig, pair.secondary, 0).includes(IN_SYNC), (x) => x, FORM_TIMEOUT_MS, 100);
    if (!synced.met)
        throw new BenchError(`${pair.secondary} never logged "${IN_SYNC}"`);
    await sleep(SETTLE_MS);
    return pair;
}
export function serialOf(status, board) {
    const b = status.boards.find((x) => x.board === board);
    if (!b)
        throw new BenchError(`board ${board} is not in rig ${status.name}`);
    return b.serial;
}
export async function boardPids(rig, board, timeoutMs = 5000) {
    const end = monotonicMs() + timeoutMs;
    for (;;) {
        const main = (await rig.status()).boards.find((b) => b.board === board)?.pid ?? null;
        if (main !== null) {
            const hb = childrenOf(main).find((pid) => cmdlineOf(pid).includes('/ha/worker.js')) ?? null;
            if (hb !== null || monotonicMs() > end)
                return { main, hb };
        }
        else if (monotonicMs() > end) {
            throw new BenchError(`board ${board} has no firmware process`);
        }
        await sleep(20);
    }
}
/** The processes to watch for CPU, by name ("A main", "A hb", …). */
export function pidsByName(pids) {
    const out = {};
    for (const [board, p] of Object.entries(pids)) {
        if (!p)
            continue;
        out[`${board} main`] = p.main;
        if (p.hb !== null)
            out[`${board} hb`] = p.hb;
    }
    return out;
}
/** The traffic agents of a rig (prober, streams, server), by namespace. */
export async function agentPids(rigName) {
    const out = {};
    for (const [what, ns] of [
        ['cli', cliNamespace(rigName)],
        ['srv', srvNamespace(rigName)],
    ]) {
        const pids = (await ip(['netns', 'pids', ns]).catch(() => '')).split(/\s+/).filter(Boolean).map(Number);
        for (const pid of pids) {
            const name = /\/([\w-]+)-main\.js/.exec(cmdlineOf(pid))?.[1] ?? String(pid);
            out[`${what} ${name}`] = pid;
        }
    }
    return out;
}
export function boardMemory(p) {
    const main = memoryOf(p.main);
    const hb = p.hb === null ? null : memoryOf(p.hb);
    return { main, hb, rssKb: (main?.rssKb ?? 0) + (hb?.rssKb ?? 0), pssKb: (main?.pssKb ?? 0) + (hb?.pssKb ?? 0) };
}
const mb = (kb) => Math.round(kb / 102.4) / 10;
/** One board's memory in MB, per process and summed. */
export function memoryMb(m) {
    return {
        mainRssMb: m.main ? mb(m.main.rssKb) : null,
        mainPssMb: m.main ? mb(m.main.pssKb) : null,
        mainPeakRssMb: m.main ? mb(m.main.hwmKb) : null,
        hbRssMb: m.hb ? mb(m.hb.rssKb) : null,
        hbPssMb: m.hb ? mb(m.hb.pssKb) : null,
        hbPeakRssMb: m.hb ? mb(m.hb.hwmKb) : null,
        rssMb: mb(m.rssKb),
        pssMb: mb(m.pssKb),
    };
}
/** The boards' kernel tables, opened from this process (each in its board's namespace). */
export class BoardTables {
    rigName;
    tables = new Map();
    constructor(rigName) {
        this.rigName = rigName;
    }
    table(board) {
        let t = this.tables.get(board);
        if (!t) {
            t = withNetns(boardNamespace(this.rigName, board), () => createLinuxConntrack().open());
            this.tables.set(board, t);
        }
        return t;
    }
    count(board) {
        return this.table(board).count();
    }
    /** The rig's TCP streams established in a board's table, and how many of them came by sync. */
    async streamSessions(board) {
        let established = 0;
        let synced = 0;
        for await (const batch of this.table(board).dump(4)) {
            for (const s of batch) {
                if (s.orig.proto !== 6 || s.orig.dport !== STREAM_PORT || s.tcp?.state !== 3)
                    continue;
                established++;
                if ((s.mark & SYNCED_MARK) !== 0)
                    synced++;
            }
        }
        return { established, synced };
    }
    /**
     * Loader sessions first … first+count-1 missing from a board's table: how many, the first
     * few, and in how many runs of consecutive indices (what a diagnosis needs, not the list).
     */
    async missing(board, first, count) {
        const have = new Uint8Array(count);
        for await (const batch of this.table(board).dump(4)) {
            for (const s of batch) {
                const k = syntheticIndex(s.orig) - first;
                if (k >= 0 && k < count)
                    have[k] = 1;
            }
        }
        const out = { count: 0, runs: 0, firstIndices: [] };
        for (let k = 0; k < count; k++) {
            if (have[k])
                continue;
            out.count++;
            if (k === 0 || have[k - 1])
                out.runs++;
            if (out.firstIndices.length < 20)
                out.firstIndices.push(first + k);
        }
        return out;
    }
    close() {
        for (const t of this.tables.values())
            t.close();
        this.tables.clear();
    }
}
/**
 * Power loss of a board whose kernel table goes with it: the rig's power-loss kills the
 * firmware and darkens its cables, but the namespace (the board's kernel) lives on, so its
 * table is flushed here, as a real board's reboot would empty it.
 */
export async function powerLossEmptied(rig, tables, board) {
    const { atMs } = await rig.fault('power-loss', board);
    tables.table(board).flush();
    return atMs;
}
/** Polls `read` every `everyMs` until `done` holds of its value or `timeoutMs` passes; the last value and when. */
export async function pollUntil(read, done, timeoutMs, everyMs, onSample) {
    const end = monotonicMs() + timeoutMs;
    for (;;) {
        const value = await read();
        const atMs = monotonicMs();
        onSample?.(value, atMs);
        if (done(value))
            return { value, atMs, met: true };
        if (atMs > end)
            return { value, atMs, met: false };
        await sleep(everyMs);
    }
}
/**
 * Polls a count until `done` holds of it; or, once `armed()` (the writer has finished),
 * until it has stood still for `stillMs` (what was to come is not coming); or `timeoutMs`.
 */
export async function untilCount(read, done, o) {
    let last = Number.NaN;
    let lastChangeMs = monotonicMs();
    let matched = false;
    const r = await pollUntil(read, (n) => {
        const now = monotonicMs();
        if (n !== last) {
            last = n;
            lastChangeMs = now;
        }
        matched = done(n);
        return matched || ((o.armed?.() ?? true) && now - lastChangeMs >= o.stillMs);
    }, o.timeoutMs, o.everyMs, o.onSample);
    return { value: r.value, atMs: r.atMs, matched, lastChangeMs };
}
//# sourceMappingURL=session-rig.js.map