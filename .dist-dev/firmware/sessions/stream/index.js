/**
 * The session stream: reliable, ordered delivery of session batches from the primary to each
 * secondary over the sync link, and the full resync that restarts it (frames.ts for the fields
 * the sync frames carry).
 */
export { ackFromWire, isStreamNumber, MAX_SACK_RANGES } from './frames.js';
export { KeyTable } from './key-table.js';
export { ProgressMeter, RATE_WINDOW_MS } from './progress.js';
export { DEFAULT_RECEIVER_OPTIONS, StreamReceiver } from './receiver.js';
export { BulkSender, Reconciler, } from './resync.js';
export { DEFAULT_RTO_BOUNDS, RtoEstimator } from './rto.js';
export { DEFAULT_SENDER_OPTIONS, MAX_REORDER_THRESHOLD, StreamSender } from './sender.js';
//# sourceMappingURL=index.js.map