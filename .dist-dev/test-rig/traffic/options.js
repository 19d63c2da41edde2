/** What `traffic start` accepts, checked the same way by the CLI, the library and the supervisor. */
import { RigError } from '../errors.js';
export const DEFAULT_STREAMS = 4;
export const MAX_STREAMS = 1000;
export const DEFAULT_INTERVAL_MS = 1;
export const MIN_INTERVAL_MS = 0.1;
export const MAX_INTERVAL_MS = 1000;
export const DEFAULT_STREAM_PERIOD_MS = 10;
export const MIN_STREAM_PERIOD_MS = 1;
export const MAX_STREAM_PERIOD_MS = 1000;
export function checkTrafficOptions(o = {}) {
    const streams = o.streams ?? DEFAULT_STREAMS;
    const intervalMs = o.intervalMs ?? DEFAULT_INTERVAL_MS;
    if (!Number.isInteger(streams) || streams < 0 || streams > MAX_STREAMS) {
        throw new RigError(`streams ${streams} is not allowed: use an integer from 0 to ${MAX_STREAMS}`);
    }
    if (!(intervalMs >= MIN_INTERVAL_MS && intervalMs <= MAX_INTERVAL_MS)) {
        throw new RigError(`probe interval ${intervalMs} ms is not allowed: use ${MIN_INTERVAL_MS} to ${MAX_INTERVAL_MS} ms`);
    }
    const streamPeriodMs = o.streamPeriodMs ?? DEFAULT_STREAM_PERIOD_MS;
    if (!Number.isInteger(streamPeriodMs) || streamPeriodMs < MIN_STREAM_PERIOD_MS || streamPeriodMs > MAX_STREAM_PERIOD_MS) {
        throw new RigError(`stream period ${streamPeriodMs} ms is not allowed: use an integer from ${MIN_STREAM_PERIOD_MS} to ${MAX_STREAM_PERIOD_MS} ms`);
    }
    return { streams, intervalMs, streamPeriodMs };
}
//# sourceMappingURL=options.js.map