/**
 * The session stream: reliable, ordered delivery of session batches from the primary to each
 * secondary over the sync link, and the full resync that restarts it (frames.ts for the fields
 * the sync frames carry).
 */

export { type AckFrame, ackFromWire, type DataFrame, isStreamNumber, MAX_SACK_RANGES } from './frames.js';
export { type KeyMark, KeyTable } from './key-table.js';
export { ProgressMeter, RATE_WINDOW_MS, type ResyncProgress } from './progress.js';
export { type BatchOutcome, DEFAULT_RECEIVER_OPTIONS, type ReceiverOptions, StreamReceiver } from './receiver.js';
export {
  type BulkOptions,
  BulkSender,
  type BulkState,
  type DumpSource,
  type ReconcileProgress,
  Reconciler,
  type ReconcilerState,
  type StreamPosition,
} from './resync.js';
export { DEFAULT_RTO_BOUNDS, type RtoBounds, RtoEstimator } from './rto.js';
export { DEFAULT_SENDER_OPTIONS, MAX_REORDER_THRESHOLD, type SenderOptions, StreamSender } from './sender.js';
export type {
  ReceiverCounters,
  ReceiverState,
  ReceiverStatus,
  SenderCounters,
  SenderState,
  SenderStatus,
} from './status.js';
