/**
 * The stream agent, run in the client namespace: opens the long-lived TCP streams to the
 * server agent, writes a record on each every `periodMs` and checks the continuity of
 * what comes back. A stream that breaks stays broken: surviving a failover is what is measured.
 *
 *   node streams-main.js '{"server":"198.18.2.10","port":7102,"streams":4,"periodMs":10}'
 */
import { connect } from 'node:net';
import { monotonicMs } from '../processes.js';
import { listenCommands, writeLine } from './agent-io.js';
import { StreamEnd, socketFailure } from './stream-end.js';
const args = JSON.parse(process.argv[2] ?? '{}');
const streams = Array.from({ length: args.streams }, (_, id) => {
    const end = new StreamEnd(id, 'connecting');
    const socket = connect({ host: args.server, port: args.port, noDelay: true });
    const write = () => {
        const record = end.next(monotonicMs());
        if (record)
            socket.write(record);
    };
    socket.on('connect', () => {
        end.connected();
        write();
    });
    socket.on('data', (chunk) => end.receive(chunk, monotonicMs()));
    socket.on('error', (e) => end.broke(socketFailure(e), monotonicMs()));
    socket.on('end', () => end.broke('closed by the server', monotonicMs()));
    socket.on('close', () => end.broke('closed', monotonicMs()));
    return { end, write };
});
setInterval(() => {
    for (const s of streams)
        s.write();
}, args.periodMs);
listenCommands((command) => {
    const now = monotonicMs();
    writeLine({ nowMs: now, streams: streams.map((s) => s.end.view(now)) });
    if (command === 'stop')
        process.exit(0);
}, () => process.exit(0));
writeLine({ ready: true });
//# sourceMappingURL=streams-main.js.map