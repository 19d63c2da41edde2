/**
 * ICMP echo messages (RFC 792) as the pinger writes and reads them.
 *
 * A request is an 8-byte ICMP header and a 56-byte payload, the size `ping` sends: the send
 * time (CLOCK_REALTIME ms as a big-endian float64, the clock of the kernel's receive
 * timestamps) and a fixed fill. A raw IPv4 socket reads the reply with its IP header, so
 * parsing starts there. The parser is a ladder: each rejection is a named reason, never a throw.
 */
export const ICMP_ECHO_REPLY = 0;
export const ICMP_ECHO_REQUEST = 8;
export const ICMP_HEADER_BYTES = 8;
export const ECHO_PAYLOAD_BYTES = 56;
export const ECHO_REQUEST_BYTES = ICMP_HEADER_BYTES + ECHO_PAYLOAD_BYTES;
const IPV4_MIN_HEADER = 20;
const PROTO_ICMP = 1;
/** The Internet checksum (RFC 1071) of bytes[start, end). */
export function internetChecksum(bytes, start, end) {
    let sum = 0;
    let i = start;
    for (; i + 1 < end; i += 2)
        sum += (bytes[i] << 8) | bytes[i + 1];
    if (i < end)
        sum += bytes[i] << 8;
    while (sum > 0xffff)
        sum = (sum & 0xffff) + (sum >>> 16);
    return ~sum & 0xffff;
}
/** Writes an echo request into `into` (at least ECHO_REQUEST_BYTES); returns its length. */
export function encodeEchoRequest(into, id, seq, sentRealtimeMs) {
    const view = new DataView(into.buffer, into.byteOffset, ECHO_REQUEST_BYTES);
    view.setUint8(0, ICMP_ECHO_REQUEST);
    view.setUint8(1, 0);
    view.setUint16(2, 0);
    view.setUint16(4, id & 0xffff);
    view.setUint16(6, seq & 0xffff);
    view.setFloat64(ICMP_HEADER_BYTES, sentRealtimeMs);
    for (let i = ICMP_HEADER_BYTES + 8; i < ECHO_REQUEST_BYTES; i++)
        into[i] = i;
    view.setUint16(2, internetChecksum(into, 0, ECHO_REQUEST_BYTES));
    return ECHO_REQUEST_BYTES;
}
/** Reads an IPv4 packet holding an ICMP echo reply for identifier `id`. */
export function parseEchoReply(packet, length, id) {
    if (length < IPV4_MIN_HEADER)
        return { ok: false, reason: 'truncated' };
    const ihl = (packet[0] & 0x0f) * 4;
    if (packet[0] >> 4 !== 4 || ihl < IPV4_MIN_HEADER || packet[9] !== PROTO_ICMP)
        return { ok: false, reason: 'notIpv4Icmp' };
    if (length < ihl + ICMP_HEADER_BYTES)
        return { ok: false, reason: 'truncated' };
    if (packet[ihl] !== ICMP_ECHO_REPLY || packet[ihl + 1] !== 0)
        return { ok: false, reason: 'notEchoReply' };
    if (internetChecksum(packet, ihl, length) !== 0)
        return { ok: false, reason: 'badChecksum' };
    const view = new DataView(packet.buffer, packet.byteOffset, length);
    if (view.getUint16(ihl + 4) !== (id & 0xffff))
        return { ok: false, reason: 'otherId' };
    const payload = ihl + ICMP_HEADER_BYTES;
    return {
        ok: true,
        from: `${packet[12]}.${packet[13]}.${packet[14]}.${packet[15]}`,
        seq: view.getUint16(ihl + 6),
        sentRealtimeMs: length - payload >= 8 ? view.getFloat64(payload) : Number.NaN,
    };
}
//# sourceMappingURL=echo-packet.js.map