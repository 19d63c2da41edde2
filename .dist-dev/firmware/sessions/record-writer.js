import { writeIpv4, writeIpv6 } from '../../lib/ip-text.js';
import { ARRAY, BYTES, NULL, TEXT, UINT, writeHead } from './cbor-heads.js';
import { KEY_FIELDS, partA, partB, plainReply, SESSION_FIELDS } from './session-codec.js';
/** An IPv6 session with a reply, a master and a 16-character helper name takes under 200 bytes. */
const MAX_RECORD_BYTES = 512;
const utf8 = new TextEncoder();
/** One buffer for every record: the sync thread writes one at a time and copies it out. */
const buf = new Uint8Array(MAX_RECORD_BYTES);
let at = 0;
function head(major, n) {
    at = writeHead(buf, at, major, n);
}
function address(family, text) {
    head(BYTES, family === 4 ? 4 : 16);
    if (!(family === 4 ? writeIpv4(buf, at, text) : writeIpv6(buf, at, text)))
        throw new RangeError(`address ${text}: not IPv${family}`);
    at += family === 4 ? 4 : 16;
}
/** Text of under 24 bytes (helper names: the kernel's are at most 15 characters). */
function text(s) {
    const { read, written } = utf8.encodeInto(s, buf.subarray(at + 1, at + 24));
    if (read < s.length)
        throw new RangeError(`helper name ${s}: 24 bytes or longer`);
    buf[at] = TEXT | written;
    at += 1 + written;
}
function tuple(family, t) {
    head(ARRAY, 5);
    address(family, t.src);
    address(family, t.dst);
    head(UINT, t.proto);
    head(UINT, partA(t));
    head(UINT, partB(t));
}
function take() {
    return buf.slice(0, at);
}
/** The session's record: session-codec.ts's array of 14, as CBOR. Throws on an address not of its family. */
export function sessionRecord(s) {
    at = 0;
    const f = s.family;
    const o = s.orig;
    head(ARRAY, SESSION_FIELDS);
    head(UINT, f);
    head(UINT, o.proto);
    address(f, o.src);
    address(f, o.dst);
    head(UINT, partA(o));
    head(UINT, partB(o));
    if (plainReply(s))
        buf[at++] = NULL;
    else {
        const r = s.reply;
        head(ARRAY, 4);
        address(f, r.src);
        address(f, r.dst);
        head(UINT, partA(r));
        head(UINT, partB(r));
    }
    head(UINT, s.status >>> 0);
    head(UINT, s.timeout >>> 0);
    head(UINT, s.mark >>> 0);
    head(UINT, s.zone);
    const t = s.tcp;
    if (t === null)
        buf[at++] = NULL;
    else {
        head(ARRAY, 5);
        head(UINT, t.state);
        head(UINT, t.wscaleOrig);
        head(UINT, t.wscaleReply);
        head(UINT, t.flagsOrig);
        head(UINT, t.flagsReply);
    }
    text(s.helper);
    if (s.master === null)
        buf[at++] = NULL;
    else
        tuple(f, s.master);
    return take();
}
/** The deletion's record: [family, proto, src, dst, a, b, zone] as CBOR. */
export function keyRecord(k) {
    at = 0;
    const o = k.orig;
    head(ARRAY, KEY_FIELDS);
    head(UINT, k.family);
    head(UINT, o.proto);
    address(k.family, o.src);
    address(k.family, o.dst);
    head(UINT, partA(o));
    head(UINT, partB(o));
    head(UINT, k.zone);
    return take();
}
//# sourceMappingURL=record-writer.js.map