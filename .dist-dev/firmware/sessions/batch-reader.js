import { formatIpv4, formatIpv6 } from '../../lib/ip-text.js';
import { SERIAL_LEN } from '../ha/wire/header.js';
import { ARRAY, BYTES, NULL, TEXT } from './cbor-heads.js';
import { KEY_FIELDS, SESSION_FIELDS, tuple, U8, U16, U32 } from './session-codec.js';
/** Returned by a reader that cannot go on: the caller falls back. */
const NO = -1;
/** Tag 64 (a Uint8Array), as cbor-x writes one: 0xd8 0x40. */
const TAG = 0xd8;
const TAG_UINT8ARRAY = 0x40;
const BATCH_KIND = 1;
const BATCH_FIELDS = 7;
const MAX_MARK = 7;
class Cursor {
    src;
    end;
    pos = 0;
    constructor(src, end) {
        this.src = src;
        this.end = end;
    }
    /** An unsigned integer of at most `max`, or NO (another type, a larger value, or the end). */
    uint(max) {
        return this.arg(0, max);
    }
    /**
     * The argument of a head of major type `major` (a number, a length, a tag) of at most `max`,
     * moving past the head; NO for another type, an indefinite length, a larger value, or the end.
     */
    arg(major, max) {
        const { src, end } = this;
        const p = this.pos;
        if (p >= end)
            return NO;
        const b = src[p];
        if (b >> 5 !== major)
            return NO;
        const ai = b & 0x1f;
        let v;
        let n;
        if (ai < 24) {
            v = ai;
            n = 1;
        }
        else if (ai === 24) {
            if (p + 2 > end)
                return NO;
            v = src[p + 1];
            n = 2;
        }
        else if (ai === 25) {
            if (p + 3 > end)
                return NO;
            v = (src[p + 1] << 8) | src[p + 2];
            n = 3;
        }
        else if (ai === 26) {
            if (p + 5 > end)
                return NO;
            v = be32(src, p + 1);
            n = 5;
        }
        else if (ai === 27) {
            if (p + 9 > end)
                return NO;
            const hi = be32(src, p + 1);
            // Beyond 2^53 the generic decoder's number would be rounded: leave it that decision.
            if (hi > 0x1fffff)
                return NO;
            v = hi * 2 ** 32 + be32(src, p + 5);
            n = 9;
        }
        else
            return NO;
        if (v > max)
            return NO;
        this.pos = p + n;
        return v;
    }
    /** The head of a definite array of `count` elements, or of major type `major` with a length under 24; false when not. */
    small(major, count) {
        if (this.pos < this.end && this.src[this.pos] === (major | count)) {
            this.pos++;
            return true;
        }
        return false;
    }
    isNull() {
        if (this.pos >= this.end || this.src[this.pos] !== NULL)
            return false;
        this.pos++;
        return true;
    }
    /** An address of `family` as text, or null (another shape). */
    address(family) {
        const { src, end } = this;
        let p = this.pos;
        if (src[p] === TAG && src[p + 1] === TAG_UINT8ARRAY)
            p += 2;
        const length = family === 4 ? 4 : 16;
        if (p + 1 + length > end || src[p] !== (BYTES | length))
            return null;
        this.pos = p + 1 + length;
        return family === 4 ? formatIpv4(src, p + 1) : formatIpv6(src, p + 1);
    }
    /** Short ASCII text (under 24 bytes), or null. */
    ascii() {
        const { src, end } = this;
        const p = this.pos;
        if (p >= end)
            return null;
        const b = src[p];
        const length = b - TEXT;
        if (length < 0 || length >= 24 || p + 1 + length > end)
            return null;
        let text = '';
        for (let i = p + 1; i <= p + length; i++) {
            const c = src[i];
            if (c >= 0x80)
                return null;
            text += String.fromCharCode(c);
        }
        this.pos = p + 1 + length;
        return text;
    }
    /** Steps over one well-formed item; false when the body is not one this reader can walk. */
    skip() {
        const { src, end } = this;
        if (this.pos >= end)
            return false;
        const b = src[this.pos];
        const major = b >> 5;
        if (major === 7) {
            const ai = b & 0x1f;
            const extra = ai < 24 ? 0 : ai === 24 ? 1 : ai === 25 ? 2 : ai === 26 ? 4 : ai === 27 ? 8 : NO;
            if (extra === NO || this.pos + 1 + extra > end)
                return false;
            this.pos += 1 + extra;
            return true;
        }
        const arg = this.arg(major, Number.MAX_SAFE_INTEGER);
        if (arg === NO)
            return false;
        switch (major) {
            case 0:
            case 1:
                return true;
            case 2:
            case 3:
                if (this.pos + arg > end)
                    return false;
                this.pos += arg;
                return true;
            case 4:
                for (let i = 0; i < arg; i++)
                    if (!this.skip())
                        return false;
                return true;
            case 5:
                for (let i = 0; i < arg * 2; i++)
                    if (!this.skip())
                        return false;
                return true;
            default:
                return this.skip();
        }
    }
}
/** [src, dst, a, b] of a session's reply, orig's proto; null when not in the reader's shape. */
function reply(c, family, proto) {
    if (!c.small(ARRAY, 4))
        return null;
    const src = c.address(family);
    const dst = src === null ? null : c.address(family);
    if (dst === null || src === null)
        return null;
    const a = c.uint(U16);
    const b = a === NO ? NO : c.uint(U16);
    return b === NO ? null : tuple(proto, src, dst, a, b);
}
/** A session (14 fields) or a key (7), or null for any other record or shape. */
function fastRecord(c) {
    const fields = c.src[c.pos] === (ARRAY | SESSION_FIELDS) ? SESSION_FIELDS : c.src[c.pos] === (ARRAY | KEY_FIELDS) ? KEY_FIELDS : 0;
    if (fields === 0)
        return null;
    c.pos++;
    const family = c.uint(6);
    if (family !== 4 && family !== 6)
        return null;
    const proto = c.uint(U8);
    if (proto === NO)
        return null;
    const src = c.address(family);
    const dst = src === null ? null : c.address(family);
    if (src === null || dst === null)
        return null;
    const a = c.uint(U16);
    const b = a === NO ? NO : c.uint(U16);
    if (b === NO)
        return null;
    const orig = tuple(proto, src, dst, a, b);
    if (fields === KEY_FIELDS) {
        const zone = c.uint(U16);
        return zone === NO ? null : { kind: 'delete', key: { family, orig, zone } };
    }
    let back;
    // As decodeSession makes it: an ICMP tuple has no ports, so its plain reply has id and type 0.
    if (c.isNull())
        back = tuple(proto, dst, src, orig.dport, orig.sport);
    else {
        const r = reply(c, family, proto);
        if (!r)
            return null;
        back = r;
    }
    const status = c.uint(U32);
    const timeout = status === NO ? NO : c.uint(U32);
    const mark = timeout === NO ? NO : c.uint(U32);
    const zone = mark === NO ? NO : c.uint(U16);
    if (zone === NO)
        return null;
    let tcp = null;
    if (!c.isNull()) {
        if (!c.small(ARRAY, 5))
            return null;
        const state = c.uint(U8);
        const wscaleOrig = state === NO ? NO : c.uint(U8);
        const wscaleReply = wscaleOrig === NO ? NO : c.uint(U8);
        const flagsOrig = wscaleReply === NO ? NO : c.uint(U8);
        const flagsReply = flagsOrig === NO ? NO : c.uint(U8);
        if (flagsReply === NO)
            return null;
        tcp = { state, wscaleOrig, wscaleReply, flagsOrig, flagsReply };
    }
    const helper = c.ascii();
    if (helper === null || helper.length > 16 || !c.isNull())
        return null;
    const session = {
        family,
        orig,
        reply: back,
        status,
        timeout,
        mark,
        zone,
        id: 0,
        tcp,
        helper,
        master: null,
        startWallMs: 0,
    };
    return { kind: 'session', session };
}
/**
 * The batch in src[0, length), its records decoded; undefined when the body is not a batch
 * this reader can walk (the caller decodes it the generic way, which also refuses what is
 * malformed).
 */
export function readBatch(src, length, generic) {
    const c = new Cursor(src, length);
    if (!c.small(ARRAY, BATCH_FIELDS) || c.uint(BATCH_KIND) !== BATCH_KIND)
        return undefined;
    const to = c.ascii();
    if (to === null || to.length === 0 || to.length > SERIAL_LEN)
        return undefined;
    const epoch = c.uint(Number.MAX_SAFE_INTEGER);
    const seq = epoch === NO ? NO : c.uint(Number.MAX_SAFE_INTEGER);
    const mark = seq === NO ? NO : c.uint(MAX_MARK);
    const total = mark === NO ? NO : c.uint(Number.MAX_SAFE_INTEGER);
    const n = total === NO ? NO : c.arg(4, length);
    if (n === NO)
        return undefined;
    const records = new Array(n);
    for (let i = 0; i < n; i++) {
        const start = c.pos;
        let r = fastRecord(c);
        if (r === null) {
            c.pos = start;
            if (!c.skip())
                return undefined;
            const g = generic(src.subarray(start, c.pos));
            if (g === undefined)
                return undefined;
            r = g;
        }
        records[i] = r;
    }
    if (c.pos !== length)
        return undefined;
    return { kind: BATCH_KIND, to, epoch, seq, mark, total, records };
}
function be32(src, at) {
    return (((src[at] << 24) | (src[at + 1] << 16) | (src[at + 2] << 8) | src[at + 3]) >>>
        0);
}
//# sourceMappingURL=batch-reader.js.map