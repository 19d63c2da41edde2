/** What the session sync scenarios read of the traffic tool's TCP streams and of a board's kernel table. */
import { boardNamespace } from '../paths.js';
import { run } from '../shell.js';
import { STREAM_PORT } from '../traffic/protocol.js';
/** `conntrack -L` with `filter` in a board's namespace, one entry a line. */
async function kernelEntries(rig, board, filter) {
    const { stdout } = await run('ip', ['netns', 'exec', boardNamespace(rig, board), 'conntrack', '-L', ...filter]);
    return stdout.split('\n').filter((l) => l !== '');
}
/**
 * The streams' established sessions in a board's kernel table, as sorted "src:sport" of their
 * original tuples (closed streams linger in TIME_WAIT and are left out; `any`: in they go).
 */
export async function streamTuples(rig, board, states = 'established') {
    const filter = ['-p', 'tcp', '--dport', `${STREAM_PORT}`, ...(states === 'any' ? [] : ['--state', 'ESTABLISHED'])];
    return (await kernelEntries(rig, board, filter))
        .map((l) => /src=(\S+) dst=\S+ sport=(\d+) dport=/.exec(l))
        .filter((m) => m !== null)
        .map((m) => `${m[1]}:${m[2]}`)
        .sort();
}
/** A board's kernel entries of UDP sessions with `port` at either end of their original tuple. */
export async function udpEntries(rig, board, port) {
    return (await kernelEntries(rig, board, ['-p', 'udp']))
        .map((l) => /^udp\s+17\s+(\d+)\s+src=(\S+) dst=(\S+) sport=(\d+) dport=(\d+) /.exec(l))
        .filter((m) => m !== null && (Number(m[4]) === port || Number(m[5]) === port))
        .map((m) => ({ source: `${m[2]}:${m[4]}`, destination: `${m[3]}:${m[5]}`, timeoutS: Number(m[1]) }));
}
/** When both ends of a stream last heard from the other (the earlier of the two). */
export function lastHeard(s) {
    return Math.min(s.toServer.lastArrivalMs ?? 0, s.toClient.lastArrivalMs ?? 0);
}
//# sourceMappingURL=stream-sessions.testkit.js.map