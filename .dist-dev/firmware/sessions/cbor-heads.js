/**
 * CBOR heads (RFC 8949 §3) for session sync's hand-written codec: the batch framing
 * (sync-frames.ts), the primary's record writer (record-writer.ts) and the secondary's batch
 * reader (batch-reader.ts) share these, so the three agree byte for byte.
 */
/** Major types, shifted into a head's top three bits. */
export const UINT = 0;
export const BYTES = 2 << 5;
export const TEXT = 3 << 5;
export const ARRAY = 4 << 5;
export const NULL = 0xf6;
/** Writes the head of `major` with argument `n` (below 2^53) in its shortest form at buf[at]; returns where it ends. */
export function writeHead(buf, at, major, n) {
    if (n < 24) {
        buf[at] = major | n;
        return at + 1;
    }
    if (n < 0x100) {
        buf[at] = major | 24;
        buf[at + 1] = n;
        return at + 2;
    }
    if (n < 0x10000) {
        buf[at] = major | 25;
        buf[at + 1] = n >>> 8;
        buf[at + 2] = n & 0xff;
        return at + 3;
    }
    if (n <= 0xffffffff) {
        buf[at] = major | 26;
        writeBe32(buf, at + 1, n);
        return at + 5;
    }
    buf[at] = major | 27;
    writeBe32(buf, at + 1, Math.floor(n / 2 ** 32));
    writeBe32(buf, at + 5, n >>> 0);
    return at + 9;
}
function writeBe32(buf, at, n) {
    buf[at] = n >>> 24;
    buf[at + 1] = (n >>> 16) & 0xff;
    buf[at + 2] = (n >>> 8) & 0xff;
    buf[at + 3] = n & 0xff;
}
//# sourceMappingURL=cbor-heads.js.map