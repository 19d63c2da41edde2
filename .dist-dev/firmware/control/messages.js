/**
 * Control messages as bytes (docs/config-sync-plan.md §2): one flag byte, then a CBOR map with
 * the kind in `k` and the kind's fields (api.ts). Bit 0 of the flag byte says the map is
 * compressed with raw deflate, which it is when its CBOR is above COMPRESS_ABOVE bytes (config
 * text shrinks about sixfold); the other bits are sent as 0, and a message with any of them set
 * is refused, as its meaning is unknown.
 *
 * Decoding is a ladder that never throws: bytes that do not give a map with a known `k` and
 * every field of that kind well typed are refused as malformedMessage, a well-formed map of a
 * kind this version does not know as unknownKind. Fields beyond the kind's are left out, so a
 * later version may add some.
 *
 * Beside the contract's kinds, the link has one of its own, `echo` (control-link.ts): a request
 * carries `data`, its reply the data's SHA-256, so a ping proves the bytes arrived whole.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { cbor } from './cbor.js';
export const COMPRESS_ABOVE = 4096;
const FLAG_DEFLATE = 0x01;
/**
 * The largest message, in its wire bytes (6080 fragments): a full sync of a 1000-policy config
 * compresses to well under a megabyte. A larger one is not sent (`send` says false).
 */
export const MAX_MESSAGE_BYTES = 8 << 20;
/** What a compressed message may inflate to, at most: a bound on a hostile one's cost. */
const MAX_INFLATED_BYTES = 64 << 20;
const str = (v) => typeof v === 'string';
const bool = (v) => typeof v === 'boolean';
const uint = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const ms = (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const bytes = (v) => v instanceof Uint8Array;
const optional = (c) => (v) => v === undefined || c(v);
const oneOf = (...values) => (v) => typeof v === 'string' && values.includes(v);
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
const strings = (v) => isMap(v) && Object.values(v).every(str);
const sums = (v) => isMap(v) && str(v.global) && str(v.root) && str(v.all) && strings(v.sections);
const sections = (v) => Array.isArray(v) && v.every((s) => Array.isArray(s) && s.length === 2 && str(s[0]) && str(s[1]));
const groupId = (v) => uint(v) && v <= 0xffff;
const keySpec = (v) => isMap(v) && groupId(v.groupId) && str(v.groupName) && str(v.password) && bool(v.encryption);
const keyStep = { id: uint, reason: optional(str) };
/** Every kind's fields and what each must be; the copy a decoder hands on has these only. */
const FIELDS = {
    hello: { sums, syncConfig: bool, isPrimary: bool },
    push: { v: uint, base: str, full: bool, reason: str, sections, sums },
    result: { v: uint, ok: bool, reason: optional(str), sums, applyMs: ms },
    commit: { id: uint, sections, base: strings, keys: optional(keySpec) },
    'commit-result': { id: uint, ok: bool, reason: optional(str), v: uint },
    'sync-req': { reason: str },
    'sums-req': { id: uint },
    sums: { id: uint, debugzone: sums, checksum: sums },
    'key-prepare': { id: uint, next: keySpec },
    'key-ready': keyStep,
    'key-refused': keyStep,
    'key-switch': keyStep,
    'key-abort': keyStep,
    'con-open': { sid: uint, admin: str },
    'con-in': { sid: uint, line: str },
    'con-out': { sid: uint, output: str, prompt: str, input: oneOf('line', 'secret'), exit: optional(bool) },
    'con-close': { sid: uint },
    'img-offer': { id: uint, version: str, size: uint, sha256: str, sig: str },
    'img-chunk': { id: uint, at: uint, data: bytes },
    'img-state': {
        id: uint,
        state: oneOf('receiving', 'installed', 'refused', 'confirmed'),
        got: uint,
        version: str,
        reason: optional(str),
    },
    echo: { id: uint, reply: bool, data: bytes },
};
export const LINK_KINDS = Object.keys(FIELDS);
export const CONTROL_KINDS = LINK_KINDS.filter((k) => k !== 'echo');
/** The message's bytes: flag byte, CBOR map (deflated above COMPRESS_ABOVE). */
export function encodeMessage(m) {
    const map = cbor.encode(m);
    // An image chunk is zstd already: deflate would cost CPU and save nothing.
    const deflate = map.length > COMPRESS_ABOVE && m.k !== 'img-chunk';
    const body = deflate ? deflateRawSync(map) : map;
    const out = new Uint8Array(1 + body.length);
    out[0] = deflate ? FLAG_DEFLATE : 0;
    out.set(body, 1);
    return out;
}
/** The message in `b`, or why not. Never throws. */
export function decodeMessage(b) {
    const malformed = { ok: false, reason: 'malformedMessage' };
    if (b.length < 2 || b[0] & ~FLAG_DEFLATE)
        return malformed;
    let v;
    try {
        const map = b[0] === FLAG_DEFLATE ? inflateRawSync(b.subarray(1), { maxOutputLength: MAX_INFLATED_BYTES }) : b.subarray(1);
        v = cbor.decode(map);
    }
    catch {
        return malformed;
    }
    if (!isMap(v) || typeof v.k !== 'string')
        return malformed;
    if (!Object.hasOwn(FIELDS, v.k))
        return { ok: false, reason: 'unknownKind' };
    const fields = FIELDS[v.k];
    const out = { k: v.k };
    for (const [name, check] of Object.entries(fields)) {
        const value = v[name];
        if (!check(value))
            return malformed;
        if (value !== undefined)
            out[name] = value;
    }
    return { ok: true, message: out };
}
//# sourceMappingURL=messages.js.map