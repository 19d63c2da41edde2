const FNV_PRIME = 0x01000193;
function mixText(h, text) {
    for (let i = 0; i < text.length; i++)
        h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
    return Math.imul(h ^ 0xff, FNV_PRIME);
}
function mixNumber(h, n) {
    h = Math.imul(h ^ (n & 0xff), FNV_PRIME);
    h = Math.imul(h ^ ((n >>> 8) & 0xff), FNV_PRIME);
    h = Math.imul(h ^ ((n >>> 16) & 0xff), FNV_PRIME);
    return Math.imul(h ^ (n >>> 24), FNV_PRIME);
}
function hash(seed, k) {
    const o = k.orig;
    let h = mixNumber(seed, (k.family << 16) | (o.proto << 8));
    h = mixText(h, o.src);
    h = mixText(h, o.dst);
    h = mixNumber(h, (o.sport << 16) | o.dport);
    h = mixNumber(h, (o.icmpId << 16) | (o.icmpType << 8) | o.icmpCode);
    return mixNumber(h, k.zone) >>> 0;
}
/** The key's two halves in out[0] (high) and out[1] (low). */
export function sessionKey(k, out) {
    out[0] = hash(0x811c9dc5, k);
    out[1] = hash(0x050c5d1f, k);
}
/** Which of `ports` sync ports carries the session (the same one for every update of it). */
export function syncPortIndex(k, ports) {
    return ports <= 1 ? 0 : hash(0x811c9dc5, k) % ports;
}
//# sourceMappingURL=session-key.js.map