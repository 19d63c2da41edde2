/**
 * Bodies of session sync frames (frame type 4 on the HA wire, sealed and opened like heartbeats
 * with the sync channel's own keys): one CBOR array each.
 *
 * | kind | array                                              | meaning                        |
 * | ---- | -------------------------------------------------- | ------------------------------ |
 * | 1    | [1, to, epoch, seq, mark, total, records[]]        | a batch of the reliable stream |
 * | 2    | [2, epoch, cumulative, [from, to, ...], dup, resync] | an ack (stream/frames.ts)    |
 *
 * Every unit on the sync ports gets every frame (a multicast group), and the primary feeds each
 * secondary a stream of its own (epochs and seqs of its own): a batch names in `to` the serial
 * of the secondary it is for, and the others drop it. An ack's sender is the frame's.
 *
 * A batch's mark is a set of bits: none for live changes; Bulk for records of the epoch's
 * resync; BulkBegin on its first batch (`total`: how many sessions the primary estimates it
 * will send; 0 in every other batch); BulkEnd on its last. Records are session-codec.ts
 * sessions (create or change) and keys (delete), in the order the primary saw them: a session
 * deleted and opened again within one batch must end up open. An ack says every seq below `cumulative` was received, then the
 * [from, to) pairs received beyond it, the latest duplicate seen (-1: none), and whether the
 * secondary lost the stream and asks for a resync.
 *
 * Batches are assembled from records encoded one by one (cbor-x), so the builder knows the
 * exact size as it goes, a frame is filled to the byte, and a batch going to three secondaries
 * (each with its own sequence) encodes its records once.
 */
import { Encoder } from 'cbor-x';
import { cborArray } from '../../lib/cbor-array.js';
import { MAX_BODY_LEN, SERIAL_LEN } from '../ha/wire/header.js';
import { readBatch } from './batch-reader.js';
import { ARRAY, TEXT, UINT, writeHead } from './cbor-heads.js';
import { ackFromWire } from './stream/index.js';
import { decodeRecord } from './sync-records.js';
export const SYNC_FRAME_TYPE = 4;
export const Kind = { Batch: 1, Ack: 2 };
export const BatchMark = { Bulk: 1, BulkBegin: 2, BulkEnd: 4 };
const MARK_BITS = 7;
// Epochs pass 2^32 (boot id · 2^20): 64-bit integers must decode as numbers, not bigints
// (cbor-x has the option; its type declarations lack it). Byte strings (addresses) are copied
// out: a batch the stream holds for reordering outlives the frame buffer it was read from.
const cbor = new Encoder({
    useRecords: false,
    mapsAsObjects: true,
    int64AsNumber: true,
    copyBuffers: true,
});
/** Worst case of the batch's fixed part: array head, kind, to, epoch, seq, mark, total, the list's head. */
const FIXED_BYTES = 1 + 1 + (1 + SERIAL_LEN) + 9 + 9 + 1 + 9 + 3;
/** What the records of one batch may take. */
export const RECORD_BUDGET = MAX_BODY_LEN - FIXED_BYTES;
/** One record's CBOR bytes (a session-codec.ts session or key). */
export function encodeRecord(record) {
    // cbor-x hands back a view of its shared buffer: copy before the next encode.
    return new Uint8Array(cbor.encode(record));
}
/** Collects encoded records up to one frame's worth. */
export class BatchBuilder {
    records = [];
    bytes = 0;
    get count() {
        return this.records.length;
    }
    /** Whether a record of `bytes` still fits. */
    fits(bytes) {
        return this.bytes + bytes <= RECORD_BUDGET;
    }
    add(record) {
        this.records.push(record);
        this.bytes += record.length;
    }
    /** The batch so far; the builder starts empty again. */
    cut(mark = 0, total = 0) {
        const b = { mark, total, records: this.records, bytes: this.bytes };
        this.records = [];
        this.bytes = 0;
        return b;
    }
}
/** The body of `batch` at `seq` of `epoch`, in the stream to the secondary of serial `to` (ASCII, 1-16 characters). */
export function encodeBatch(to, epoch, seq, batch) {
    const body = new Uint8Array(FIXED_BYTES + batch.bytes);
    let at = writeHead(body, 0, ARRAY, 7);
    at = writeHead(body, at, UINT, Kind.Batch);
    at = writeHead(body, at, TEXT, to.length);
    for (let i = 0; i < to.length; i++)
        body[at++] = to.charCodeAt(i) & 0x7f;
    at = writeHead(body, at, UINT, epoch);
    at = writeHead(body, at, UINT, seq);
    at = writeHead(body, at, UINT, batch.mark);
    at = writeHead(body, at, UINT, batch.total);
    at = writeHead(body, at, ARRAY, batch.records.length);
    for (const r of batch.records) {
        body.set(r, at);
        at += r.length;
    }
    return body.subarray(0, at);
}
export function encodeAck(ack) {
    return new Uint8Array(cbor.encode([Kind.Ack, ack.epoch, ack.cumulative, ack.sack, ack.dup, ack.resync]));
}
const uint = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER;
/** One record's bytes decoded the generic way (batch-reader.ts leaves it the shapes it does not read); undefined when cbor-x refuses them. */
function genericRecord(bytes) {
    let w;
    try {
        w = cbor.decode(bytes);
    }
    catch {
        return undefined;
    }
    return decodeRecord(w);
}
/** The body in src[0, length), or null when it is not one of the kinds above. Never throws. */
export function decodeSyncBody(src, length) {
    return readBatch(src, length, genericRecord) ?? genericSyncBody(src, length);
}
/** The generic decoder of bodies (cbor-x): acks, and the batches batch-reader.ts leaves to it. */
export function genericSyncBody(src, length) {
    const v = cborArray(cbor, src, length);
    if (!v)
        return null;
    switch (v[0]) {
        case Kind.Batch: {
            const [, to, epoch, seq, mark, total, records] = v;
            if (v.length !== 7 || typeof to !== 'string' || to.length === 0 || to.length > SERIAL_LEN)
                return null;
            if (!uint(epoch) || !uint(seq) || !uint(mark) || mark > MARK_BITS || !uint(total))
                return null;
            if (!Array.isArray(records))
                return null;
            return { kind: 1, to, epoch, seq, mark, total, records: records.map(decodeRecord) };
        }
        case Kind.Ack: {
            const ack = ackFromWire(v.slice(1));
            return ack && { kind: 2, ...ack };
        }
        default:
            return null;
    }
}
//# sourceMappingURL=sync-frames.js.map