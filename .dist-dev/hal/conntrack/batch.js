/**
 * A send buffer of nfnetlink messages written back to back, with nested attributes: the
 * encoder writes each record straight into it, so a batch of 256 costs one buffer and no
 * per-record allocation.
 */
import { writeIpv4, writeIpv6 } from '../../lib/ip-text.js';
import { align4, NLM_F_ACK, NLMSG_HDR_BYTES } from '../netlink.js';
import { NFGENMSG_BYTES, NLA_F_NESTED } from './wire.js';
const AF_INET = 2;
const AF_INET6 = 10;
/** The largest message the encoder writes (an IPv6 create with NAT, master and helper) is under 500 bytes. */
export const MAX_MESSAGE_BYTES = 1024;
const encoder = new TextEncoder();
export class NfBatch {
    bytes;
    view;
    /** Bytes written, whole messages only once `end` has run. */
    length = 0;
    messages = 0;
    start = 0;
    lastStart = -1;
    constructor(capacity) {
        this.bytes = new Uint8Array(capacity);
        this.view = new DataView(this.bytes.buffer);
    }
    reset() {
        this.length = 0;
        this.messages = 0;
        this.lastStart = -1;
    }
    /** Whether another message of the largest size fits. */
    hasRoom() {
        return this.length + MAX_MESSAGE_BYTES <= this.bytes.length;
    }
    /** Starts a message: nlmsghdr and nfgenmsg (version 0, res_id 0) for IP version `family`, 0 for any. */
    begin(type, flags, seq, family) {
        const at = this.length;
        this.start = at;
        this.view.setUint16(at + 4, type, true);
        this.view.setUint16(at + 6, flags, true);
        this.view.setUint32(at + 8, seq, true);
        this.view.setUint32(at + 12, 0, true);
        this.view.setUint32(at + NLMSG_HDR_BYTES, 0);
        this.bytes[at + NLMSG_HDR_BYTES] = family === 4 ? AF_INET : family === 6 ? AF_INET6 : 0;
        this.length = at + NLMSG_HDR_BYTES + NFGENMSG_BYTES;
    }
    /** Completes the message begun last. */
    end() {
        this.view.setUint32(this.start, this.length - this.start, true);
        this.lastStart = this.start;
        this.messages++;
    }
    /** Adds NLM_F_ACK to the flags of the message completed last. */
    ackLast() {
        if (this.lastStart < 0)
            return;
        const at = this.lastStart + 6;
        this.view.setUint16(at, this.view.getUint16(at, true) | NLM_F_ACK, true);
    }
    /** Drops the message begun last (a record that cannot be encoded). */
    abandon() {
        this.length = this.start;
    }
    /** Opens a nested attribute; pass the result to `close`. */
    nest(type) {
        const at = this.length;
        this.view.setUint16(at + 2, type | NLA_F_NESTED, true);
        this.length = at + 4;
        return at;
    }
    close(at) {
        this.view.setUint16(at, this.length - at, true);
    }
    header(type, payload) {
        const at = this.length;
        this.view.setUint16(at, 4 + payload, true);
        this.view.setUint16(at + 2, type, true);
        const end = at + 4 + align4(payload);
        // Padding is zeroed so that a reused buffer sends the same bytes as a fresh one.
        for (let pad = at + 4 + payload; pad < end; pad++)
            this.bytes[pad] = 0;
        this.length = end;
        return at + 4;
    }
    u8(type, value) {
        this.bytes[this.header(type, 1)] = value;
    }
    be16(type, value) {
        this.view.setUint16(this.header(type, 2), value);
    }
    be32(type, value) {
        this.view.setUint32(this.header(type, 4), value >>> 0);
    }
    /** Two bytes as they are (struct nf_ct_tcp_flags { flags, mask }). */
    pair(type, first, second) {
        const at = this.header(type, 2);
        this.bytes[at] = first;
        this.bytes[at + 1] = second;
    }
    /** A NUL-terminated string. */
    string(type, text) {
        const at = this.length;
        const { written } = encoder.encodeInto(text, this.bytes.subarray(at + 4, at + 4 + 64));
        this.header(type, written + 1);
        this.bytes[at + 4 + written] = 0;
    }
    /** Address text of IP version `family` in network order; false when the text is not one. */
    address(type, family, text) {
        const at = this.header(type, family === 4 ? 4 : 16);
        return family === 4 ? writeIpv4(this.bytes, at, text) : writeIpv6(this.bytes, at, text);
    }
}
//# sourceMappingURL=batch.js.map