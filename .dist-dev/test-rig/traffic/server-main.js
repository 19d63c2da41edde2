/**
 * The server agent, run in the server namespace: echoes UDP probes (keeping its own record of
 * which arrived: the forward path's outages) and accepts the client's TCP streams, writing a
 * record on each every `streamPeriodMs` and checking the continuity of what it reads.
 *
 *   node server-main.js '{"probePort":7101,"streamPort":7102,"runId":42}'
 */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { monotonicMs } from '../processes.js';
import { listenCommands, writeLine } from './agent-io.js';
import { decodeProbe, ECHO_BYTES, PROBE_BYTES } from './protocol.js';
import { SeqTracker } from './seq-tracker.js';
import { StreamEnd, socketFailure } from './stream-end.js';
const args = JSON.parse(process.argv[2] ?? '{}');
const forward = new SeqTracker();
const streams = new Map();
const udp = createSocket('udp4');
udp.on('message', (msg, from) => {
    const now = monotonicMs();
    const p = decodeProbe(new DataView(msg.buffer, msg.byteOffset, msg.length), msg.length, args.runId);
    if (!p)
        return;
    forward.accept(p.seq, p.sendMs, now);
    const echo = Buffer.allocUnsafe(ECHO_BYTES);
    msg.copy(echo, 0, 0, PROBE_BYTES);
    echo.writeDoubleBE(now, PROBE_BYTES);
    udp.send(echo, from.port, from.address);
});
const tcp = createServer((socket) => {
    socket.setNoDelay(true);
    const end = new StreamEnd(null, 'alive');
    streams.set(end, socket);
    socket.on('data', (chunk) => end.receive(chunk, monotonicMs()));
    socket.on('error', (e) => end.broke(socketFailure(e), monotonicMs()));
    socket.on('end', () => end.broke('closed by the client', monotonicMs()));
    socket.on('close', () => end.broke('closed', monotonicMs()));
});
setInterval(() => {
    const now = monotonicMs();
    for (const [end, socket] of streams) {
        const record = end.next(now);
        if (record)
            socket.write(record);
    }
}, args.streamPeriodMs);
function snapshot() {
    const now = monotonicMs();
    const views = [...streams.keys()].filter((e) => e.streamId !== null).map((e) => e.view(now));
    return { nowMs: now, forward: forward.record(), streams: views };
}
listenCommands((command) => {
    writeLine(snapshot());
    if (command === 'stop')
        process.exit(0);
}, () => process.exit(0));
await Promise.all([
    new Promise((resolve) => udp.bind(args.probePort, resolve)),
    new Promise((resolve) => tcp.listen(args.streamPort, resolve)),
]);
writeLine({ ready: true });
//# sourceMappingURL=server-main.js.map