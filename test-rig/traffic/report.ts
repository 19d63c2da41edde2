/**
 * The traffic report: the prober's round trip, the server's view of the forward path and the
 * streams, joined into one typed value. All times are CLOCK_MONOTONIC ms, the clock of the
 * faults' `atMs`, so an outage can be set against the fault that caused it.
 */
import type { DurationSummary } from './histogram.js';
import type { ProberSnapshot } from './prober-main.js';
import { lostOf, type Outage, outagesOf, type SeqRecord } from './seq-tracker.js';
import type { ServerSnapshot } from './server-main.js';
import type { Stall, StreamEndView, StreamState } from './stream-end.js';
import type { StreamsSnapshot } from './streams-main.js';

export type { Outage } from './seq-tracker.js';
export type { Stall, StreamState } from './stream-end.js';

/** One direction of a stream: records the sender wrote, those the receiver read, its stalls. */
export interface StreamDirection {
  sent: number;
  received: number;
  maxStall: Stall | null;
  lastArrivalMs: number | null;
}

export interface StreamReport {
  id: number;
  /** Broken when either end saw a reset, an error, a close or a continuity failure. */
  state: StreamState;
  /** "client: reset", "server: closed by the client", ... */
  reason: string | null;
  brokenAtMs: number | null;
  toServer: StreamDirection;
  toClient: StreamDirection;
  /** The longer of both directions' longest stall (0 before data flowed). */
  maxStallMs: number;
}

export interface StreamsReport {
  requested: number;
  connecting: number;
  alive: number;
  broken: number;
  maxStallMs: number;
  list: StreamReport[];
}

/** Probes as the server received them: outages of the forward path alone. */
export interface ForwardReport {
  received: number;
  lost: number;
  duplicates: number;
  reordered: number;
  outages: Outage[];
  outageCount: number;
}

export interface TrafficReport {
  running: boolean;
  intervalMs: number;
  startedAtMs: number;
  stoppedAtMs: number | null;
  nowMs: number;
  /** Probes sent, echoes received (distinct), and the difference settled as lost. */
  sent: number;
  received: number;
  lost: number;
  /** Sent within the last SETTLE_MS and not echoed yet (0 after stop). */
  inFlight: number;
  duplicates: number;
  reordered: number;
  sendErrors: number;
  missedTicks: number;
  /** Whether the prober runs SCHED_FIFO (it needs root); pacing suffers without. */
  schedFifo: boolean;
  /** When the first echo arrived: traffic flows. */
  firstEchoAtMs: number | null;
  /** Round-trip outages in sequence order; the last has endMs null while it lasts. */
  outages: Outage[];
  outageCount: number;
  forward: ForwardReport;
  /** Time between consecutive probes sent. */
  pacing: DurationSummary;
  rtt: DurationSummary;
  streams: StreamsReport;
}

/** Closed holes ever recorded, and the open one. */
function outageCount(rec: SeqRecord, outages: Outage[]): number {
  return rec.outageCount + (outages.length > rec.outages.length ? 1 : 0);
}

function direction(sender: StreamEndView | undefined, receiver: StreamEndView | undefined): StreamDirection {
  return {
    sent: sender?.sent ?? 0,
    received: receiver?.received ?? 0,
    maxStall: receiver?.maxStall ?? null,
    lastArrivalMs: receiver?.lastArrivalMs ?? null,
  };
}

export function streamReport(client: StreamEndView, server: StreamEndView | undefined): StreamReport {
  let state = client.state;
  let reason: string | null = null;
  const brokenAt: number[] = [];
  if (client.state === 'broken') {
    reason = `client: ${client.reason}`;
    brokenAt.push(client.brokenAtMs ?? Number.NaN);
  }
  if (server?.state === 'broken') {
    state = 'broken';
    reason ??= `server: ${server.reason}`;
    brokenAt.push(server.brokenAtMs ?? Number.NaN);
  }
  const toServer = direction(client, server);
  const toClient = direction(server, client);
  return {
    id: client.id,
    state,
    reason,
    brokenAtMs: brokenAt.length > 0 ? Math.min(...brokenAt) : null,
    toServer,
    toClient,
    maxStallMs: Math.max(toServer.maxStall?.ms ?? 0, toClient.maxStall?.ms ?? 0),
  };
}

export function buildReport(
  prober: ProberSnapshot,
  server: ServerSnapshot,
  streams: StreamsSnapshot,
  running: boolean,
): TrafficReport {
  const { echoes, settled } = prober;
  const outages = outagesOf(echoes, settled);
  const forwardOutages = outagesOf(server.forward, settled);
  const lost = lostOf(echoes, settled);
  const list = streams.streams.map((c) =>
    streamReport(
      c,
      server.streams.find((s) => s.id === c.id),
    ),
  );
  const count = (s: StreamState) => list.filter((r) => r.state === s).length;
  return {
    running,
    intervalMs: prober.intervalMs,
    startedAtMs: prober.startedAtMs,
    stoppedAtMs: prober.stoppedAtMs,
    nowMs: prober.nowMs,
    sent: prober.sent,
    received: echoes.received,
    lost,
    inFlight: Math.max(0, prober.sent - echoes.received - lost),
    duplicates: echoes.duplicates,
    reordered: echoes.reordered,
    sendErrors: prober.sendErrors,
    missedTicks: prober.missedTicks,
    schedFifo: prober.schedFifo,
    firstEchoAtMs: echoes.firstAtMs,
    outages,
    outageCount: outageCount(echoes, outages),
    forward: {
      received: server.forward.received,
      lost: lostOf(server.forward, settled),
      duplicates: server.forward.duplicates,
      reordered: server.forward.reordered,
      outages: forwardOutages,
      outageCount: outageCount(server.forward, forwardOutages),
    },
    pacing: prober.pacing,
    rtt: prober.rtt,
    streams: {
      requested: list.length,
      connecting: count('connecting'),
      alive: count('alive'),
      broken: count('broken'),
      maxStallMs: Math.max(0, ...list.map((r) => r.maxStallMs)),
      list,
    },
  };
}

/**
 * Whether every stream carried data both ways after `atMs`. A stream can stay unbroken while it
 * moves nothing (a gateway that drops its segments as out of window): alive is not flowing.
 */
export function streamsFlowSince(r: TrafficReport, atMs: number): boolean {
  const after = (d: StreamDirection) => (d.lastArrivalMs ?? Number.NEGATIVE_INFINITY) > atMs;
  return r.streams.list.every((s) => after(s.toServer) && after(s.toClient));
}
