/**
 * What the rig's traffic agents put on the wire and say to the supervisor.
 *
 * UDP probe (client → server, 24 bytes, big-endian):
 *   u32 magic 'TDP1' | u32 run id | u32 sequence | u32 zero | f64 send time (CLOCK_MONOTONIC ms)
 * The echo (server → client) is the probe with the server's receive time appended (32 bytes).
 *
 * TCP stream record (both directions, 16 bytes, big-endian):
 *   u16 magic 'TD' | u16 stream id | u32 sequence | f64 send time (CLOCK_MONOTONIC ms)
 *
 * Agents talk to the supervisor over stdin/stdout, one line each way: the supervisor writes
 * `report` or `stop`, the agent answers with one JSON line. An agent prints `{"ready":true}`
 * once its sockets are open, and exits when its stdin closes (the supervisor is gone).
 */
export const PROBE_PORT = 7101;
export const STREAM_PORT = 7102;
export const PROBE_MAGIC = 0x54445031;
export const PROBE_BYTES = 24;
export const ECHO_BYTES = 32;
export const RECORD_MAGIC = 0x5444;
export const RECORD_BYTES = 16;
/**
 * A probe not echoed this long after it was sent counts as missing in a report taken while
 * traffic runs. Echoes arriving later still count: they fill the hole they left.
 */
export const SETTLE_MS = 100;
/** After `stop`, the prober waits this long for the last echoes before its final report. */
export const DRAIN_MS = 300;
export function encodeProbe(view, p) {
    view.setUint32(0, PROBE_MAGIC);
    view.setUint32(4, p.runId);
    view.setUint32(8, p.seq);
    view.setUint32(12, 0);
    view.setFloat64(16, p.sendMs);
}
/** The probe in a datagram of `length` bytes, or null when it is not one of this run's. */
export function decodeProbe(view, length, runId) {
    if (length < PROBE_BYTES || view.getUint32(0) !== PROBE_MAGIC || view.getUint32(4) !== runId)
        return null;
    return { runId, seq: view.getUint32(8), sendMs: view.getFloat64(16) };
}
export function encodeRecord(r) {
    const b = Buffer.allocUnsafe(RECORD_BYTES);
    b.writeUInt16BE(RECORD_MAGIC, 0);
    b.writeUInt16BE(r.stream, 2);
    b.writeUInt32BE(r.seq, 4);
    b.writeDoubleBE(r.sendMs, 8);
    return b;
}
/** The record at `offset`, or null when its magic is wrong (the byte stream is not ours). */
export function decodeRecord(b, offset) {
    if (b.readUInt16BE(offset) !== RECORD_MAGIC)
        return null;
    return { stream: b.readUInt16BE(offset + 2), seq: b.readUInt32BE(offset + 4), sendMs: b.readDoubleBE(offset + 8) };
}
//# sourceMappingURL=protocol.js.map