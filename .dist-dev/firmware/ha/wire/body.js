/**
 * The heartbeat body: the sender's Advert as one CBOR map (cbor-x) with short text keys.
 *
 * | key | Advert field | CBOR type | allowed (protocol 1.0)                  |
 * | --- | ------------ | --------- | --------------------------------------- |
 * | fw  | firmware     | text      | 1-32 characters ("major.minor.patch")   |
 * | mo  | model        | text      | 0-32 characters                         |
 * | gn  | groupName    | text      | 0-32 characters                         |
 * | hm  | mode         | text      | "standalone", "a-p", "a-a"              |
 * | hn  | hostname     | text      | 0-64 characters                         |
 * | st  | state        | text      | "hello", "work", "standby"              |
 * | pr  | priority     | uint      | 0-255                                   |
 * | ov  | override     | bool      |                                         |
 * | ag  | ageS         | uint      | 0-4294967295                            |
 * | mu  | monitorUp    | uint      | 0-65535, at most monitorTotal           |
 * | mt  | monitorTotal | uint      | 0-65535                                 |
 * | fo  | failover     | bool      |                                         |
 * | hi  | hbIntervalMs | uint      | 1-60000                                 |
 * | lt  | lostThreshold| uint      | 1-255                                   |
 * | pp  | primary      | text      | 0-16 characters (a serial, "" for none) |
 * | sr  | sessionsReady| bool      | since 1.1; absent (a 1.0 sender): true  |
 *
 * Rolling upgrades: a key keeps its meaning forever. A later minor version may add keys; a 1.0
 * decoder ignores keys it does not know. Every 1.0 key is required with its type and range, so
 * a frame missing one is malformed, never half-understood; a key added later has the value its
 * absence means (what a sender of the earlier minor does).
 */
import { Decoder, Encoder } from 'cbor-x';
import { WireError } from './errors.js';
import { MAX_BODY_LEN } from './header.js';
const text = (min, max) => ({ kind: 'text', min, max });
const uint = (min, max) => ({ kind: 'uint', min, max });
const bool = { kind: 'bool' };
const oneOf = (...values) => ({ kind: 'enum', values });
/** The table above, in encoding order. */
export const BODY_FIELDS = [
    { key: 'fw', name: 'firmware', spec: text(1, 32) },
    { key: 'mo', name: 'model', spec: text(0, 32) },
    { key: 'gn', name: 'groupName', spec: text(0, 32) },
    { key: 'hm', name: 'mode', spec: oneOf('standalone', 'a-p', 'a-a') },
    { key: 'hn', name: 'hostname', spec: text(0, 64) },
    { key: 'st', name: 'state', spec: oneOf('hello', 'work', 'standby') },
    { key: 'pr', name: 'priority', spec: uint(0, 255) },
    { key: 'ov', name: 'override', spec: bool },
    { key: 'ag', name: 'ageS', spec: uint(0, 0xffffffff) },
    { key: 'mu', name: 'monitorUp', spec: uint(0, 0xffff) },
    { key: 'mt', name: 'monitorTotal', spec: uint(0, 0xffff) },
    { key: 'fo', name: 'failover', spec: bool },
    { key: 'hi', name: 'hbIntervalMs', spec: uint(1, 60000) },
    { key: 'lt', name: 'lostThreshold', spec: uint(1, 255) },
    { key: 'pp', name: 'primary', spec: text(0, 16) },
    { key: 'sr', name: 'sessionsReady', spec: bool, absent: true },
];
function fits(v, s) {
    switch (s.kind) {
        case 'text':
            return typeof v === 'string' && v.length >= s.min && v.length <= s.max;
        case 'uint':
            return typeof v === 'number' && Number.isInteger(v) && v >= s.min && v <= s.max;
        case 'bool':
            return typeof v === 'boolean';
        case 'enum':
            return typeof v === 'string' && s.values.includes(v);
    }
}
function allowed(s) {
    switch (s.kind) {
        case 'text':
            return `a string of ${s.min}-${s.max} characters`;
        case 'uint':
            return `an integer ${s.min}-${s.max}`;
        case 'bool':
            return 'a boolean';
        case 'enum':
            return `one of ${s.values.join(', ')}`;
    }
}
function show(v) {
    return typeof v === 'string' ? JSON.stringify(v) : String(v);
}
/** Why an advert cannot be sent as protocol 1.0, or null when it can. */
export function advertProblem(a) {
    for (const f of BODY_FIELDS) {
        const v = a[f.name];
        if (!fits(v, f.spec))
            return `advert ${f.name} ${show(v)}: must be ${allowed(f.spec)}`;
    }
    if (a.monitorUp > a.monitorTotal) {
        return `advert monitorUp ${a.monitorUp}: must not exceed monitorTotal ${a.monitorTotal}`;
    }
    return null;
}
const encoder = new Encoder({ useRecords: false, variableMapSize: true });
const decoder = new Decoder({ useRecords: false, mapsAsObjects: true });
/** cbor-x's decode takes an end offset that its typings omit; it spares a subarray per frame. */
const decodeUpTo = decoder.decode.bind(decoder);
/**
 * The body of an advert. Throws WireError when the advert is out of the ranges a peer accepts:
 * sending it would only get it refused as malformedBody.
 */
export function encodeBody(a) {
    const problem = advertProblem(a);
    if (problem)
        throw new WireError(problem);
    const map = {};
    for (const f of BODY_FIELDS)
        map[f.key] = a[f.name];
    // cbor-x hands back a view of its shared buffer, overwritten by its next encode.
    const body = new Uint8Array(encoder.encode(map));
    if (body.length > MAX_BODY_LEN) {
        throw new WireError(`advert encodes to ${body.length} bytes: at most ${MAX_BODY_LEN} fit in a frame`);
    }
    return body;
}
/**
 * The advert in `src[0, length)`, or null when the bytes are not CBOR, not a map, or lack a
 * protocol 1.0 field with its type and range. Never throws.
 */
export function decodeBody(src, length) {
    let m;
    try {
        m = decodeUpTo(src, length);
    }
    catch {
        return null;
    }
    if (typeof m !== 'object' || m === null)
        return null;
    const rec = m;
    const out = {};
    for (const f of BODY_FIELDS) {
        const v = rec[f.key] === undefined && f.absent !== undefined ? f.absent : rec[f.key];
        if (!fits(v, f.spec))
            return null;
        out[f.name] = v;
    }
    const a = out;
    return a.monitorUp <= a.monitorTotal ? a : null;
}
//# sourceMappingURL=body.js.map