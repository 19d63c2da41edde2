/**
 * The stream agent, run in the client namespace: opens the long-lived TCP streams to the
 * server agent, writes a record on each every `periodMs` and checks the continuity of
 * what comes back. A stream that breaks stays broken: surviving a failover is what is measured.
 *
 *   node streams-main.js '{"server":"198.18.2.10","port":7102,"streams":4,"periodMs":10}'
 */
import { connect, type Socket } from 'node:net';
import { monotonicMs } from '../processes.js';
import { listenCommands, writeLine } from './agent-io.js';
import type { StreamsArgs } from './protocol.js';
import { StreamEnd, type StreamEndView, socketFailure } from './stream-end.js';

/** What the stream agent reports. */
export interface StreamsSnapshot {
  nowMs: number;
  /** Client ends, by stream id. */
  streams: StreamEndView[];
}

const args = JSON.parse(process.argv[2] ?? '{}') as StreamsArgs;

const streams = Array.from({ length: args.streams }, (_, id) => {
  const end = new StreamEnd(id, 'connecting');
  const socket: Socket = connect({ host: args.server, port: args.port, noDelay: true });
  const write = () => {
    const record = end.next(monotonicMs());
    if (record) socket.write(record);
  };
  socket.on('connect', () => {
    end.connected();
    write();
  });
  socket.on('data', (chunk: Buffer) => end.receive(chunk, monotonicMs()));
  socket.on('error', (e) => end.broke(socketFailure(e), monotonicMs()));
  socket.on('end', () => end.broke('closed by the server', monotonicMs()));
  socket.on('close', () => end.broke('closed', monotonicMs()));
  return { end, write };
});

setInterval(() => {
  for (const s of streams) s.write();
}, args.periodMs);

listenCommands(
  (command) => {
    const now = monotonicMs();
    writeLine({ nowMs: now, streams: streams.map((s) => s.end.view(now)) } satisfies StreamsSnapshot);
    if (command === 'stop') process.exit(0);
  },
  () => process.exit(0),
);

writeLine({ ready: true });
