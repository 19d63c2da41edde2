import { addressBytes, encodeTuple, partA, partB, plainReply } from './session-codec.js';
export function encodeSession(s) {
    const f = s.family;
    const o = s.orig;
    const r = s.reply;
    const m = s.master;
    return [
        f,
        o.proto,
        addressBytes(f, o.src),
        addressBytes(f, o.dst),
        partA(o),
        partB(o),
        plainReply(s) ? null : [addressBytes(f, r.src), addressBytes(f, r.dst), partA(r), partB(r)],
        s.status,
        s.timeout,
        s.mark,
        s.zone,
        s.tcp ? [s.tcp.state, s.tcp.wscaleOrig, s.tcp.wscaleReply, s.tcp.flagsOrig, s.tcp.flagsReply] : null,
        s.helper,
        m ? encodeTuple(f, m) : null,
    ];
}
export function encodeKey(k) {
    const o = k.orig;
    return [k.family, o.proto, addressBytes(k.family, o.src), addressBytes(k.family, o.dst), partA(o), partB(o), k.zone];
}
//# sourceMappingURL=session-codec.testkit.js.map