/**
 * What each end of the session stream counts and shows, for `diagnose sys ha status` (sync
 * lag, sequence gaps, retransmissions). Whatever an end drops bumps a counter named for the
 * reason, so the counters of the two ends and of the link between them can be checked against
 * each other (stream.test.ts does).
 */

export type SenderState = 'streaming' | 'needs-resync';

export interface SenderCounters {
  /** Batches transmitted for the first time. */
  sent: number;
  /** Retransmissions, both kinds. */
  retransmitted: number;
  /** Batches found lost by a later batch's ack, before their timer (retransmitted at the next take). */
  fastRetransmits: number;
  /** Of those, the ones the secondary then reported as duplicates: late, not lost. */
  spuriousRetransmits: number;
  /** Batches acknowledged. */
  acked: number;
  /** Batches given up on (each one sends the stream to needs-resync). */
  giveUps: number;
  /** Ack frames taken. */
  acks: number;
  /** Ack frames of another epoch, ignored. */
  staleAcks: number;
  /** Ack frames, or SACK pairs, naming batches never transmitted: ignored. */
  badAcks: number;
}

export interface SenderStatus extends SenderCounters {
  state: SenderState;
  /** Why the stream needs a resync; '' while streaming. */
  reason: string;
  epoch: number;
  /** Batches offered and not yet acknowledged, transmitted or not. */
  inFlight: number;
  /** Age of the oldest unacknowledged batch (ms): how far the secondary lags. 0 when none. */
  lagMs: number;
  srttMs: number;
  rttvarMs: number;
  rtoMs: number;
  reorderThreshold: number;
}

/** `idle` until the first batch. */
export type ReceiverState = 'idle' | 'streaming' | 'needs-resync';

export interface ReceiverCounters {
  /** Every batch handed to onBatch. */
  received: number;
  /** Handed to the caller, in order. */
  delivered: number;
  /** Already delivered or already held: dropped. */
  duplicates: number;
  /** Held above a hole. */
  outOfOrder: number;
  /** Batches found missing (a later one arrived first). */
  gapsSeen: number;
  /** Missing batches that arrived after all. */
  gapsRepaired: number;
  /** Of an older epoch: dropped. */
  staleEpoch: number;
  /** Epoch or seq not a safe integer >= 0: dropped. */
  invalid: number;
  /** Beyond the reorder window: dropped, and the stream is lost. */
  beyondWindow: number;
  /** Of the current epoch after the stream was lost: dropped. */
  whileResync: number;
  /** Held batches dropped when the stream was lost or a newer epoch began. */
  discarded: number;
  /** Newer epochs taken up (the first included). */
  restarts: number;
  /** Ack frames produced. */
  acksSent: number;
}

export interface ReceiverStatus extends ReceiverCounters {
  state: ReceiverState;
  /** Why the stream was lost; '' otherwise. */
  reason: string;
  epoch: number;
  /** The next seq expected in order. */
  nextSeq: number;
  /** Batches held above a hole. */
  buffered: number;
}
