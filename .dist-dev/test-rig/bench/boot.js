import { gatewayPair, logSize, withRig } from './bench-rig.js';
import { emit, progress } from './emit.js';
import { stampAfter } from './log-stamps.js';
import { ms, summarize } from './stats.js';
const FIRST_HEARTBEAT = /heartbeat worker (runs at|could not get) SCHED_FIFO/;
const JOINED_B = /peer \S+ \(TDSIM00000000002\) joined/;
async function boots(rig, what, runs, timeoutMs) {
    const worker = [];
    const joined = [];
    for (let i = 0; i < runs; i++) {
        await rig.waitUntil('formed', timeoutMs);
        await rig.fault('kill', 'B');
        await rig.waitFor((s) => (s.boards.find((b) => b.board === 'A')?.ha?.members.length ?? 0) === 1, timeoutMs, 'A alone');
        const a0 = logSize(rig, 'A');
        const b0 = logSize(rig, 'B');
        const { atMs } = await rig.fault('restart', 'B');
        worker.push((await stampAfter(rig, 'B', b0, FIRST_HEARTBEAT, timeoutMs)) - atMs);
        joined.push((await stampAfter(rig, 'A', a0, JOINED_B, timeoutMs)) - atMs);
        progress(`boot ${what}: run ${i + 1}/${runs}: first heartbeat ${worker.at(-1)?.toFixed(0)} ms, joined ${joined.at(-1)?.toFixed(0)} ms`);
    }
    const w = summarize(worker);
    const j = summarize(joined);
    emit({
        bench: 'boot',
        case: what,
        runs,
        firstHeartbeatP50Ms: ms(w.p50Ms),
        firstHeartbeatP99Ms: ms(w.p99Ms),
        joinedP50Ms: ms(j.p50Ms),
        joinedP99Ms: ms(j.p99Ms),
    });
}
export async function benchBoot(o) {
    await withRig('boot native', gatewayPair({}), (rig) => boots(rig, 'native x64', o.bootRuns, 60_000));
    const emulated = Math.max(2, Math.round(o.bootRuns / 3));
    await withRig('boot arm64', gatewayPair({}), (rig) => boots(rig, 'arm64 under qemu-user', emulated, 180_000), {
        arm64Boards: ['B'],
    });
}
//# sourceMappingURL=boot.js.map