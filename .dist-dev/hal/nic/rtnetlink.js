/**
 * NETLINK_ROUTE plumbing: open a socket, build a request, send it, read the replies and check
 * the kernel's ack.
 *
 * rtnetlink runs a request to completion inside the sender's `send` call, so the ack is queued
 * by the time `send` returns; the wait that follows only guards against the unexpected.
 */
import { HalError } from '../errors.js';
import { errno, errnoText, libc } from '../libc.js';
import { align4, awaitAcks, NLMSG_HDR_BYTES, openNetlinkSocket } from '../netlink.js';
export { ACK_WAIT_MS, align4, NLM_F_ACK, NLM_F_CREATE, NLM_F_DUMP, NLM_F_EXCL, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR, NLMSG_HDR_BYTES, sequence, } from '../netlink.js';
const NETLINK_ROUTE = 0;
export const RTMGRP_LINK = 0x1;
/** Opens a non-blocking NETLINK_ROUTE socket subscribed to `groups`; returns its fd or -errno. */
export function openRouteSocket(groups, rcvbufBytes) {
    return openNetlinkSocket(NETLINK_ROUTE, groups, rcvbufBytes);
}
/** Builds one netlink message: header, fixed family struct, then attributes (4-byte aligned). */
export class NlMessage {
    bytes = new Uint8Array(512);
    view = new DataView(this.bytes.buffer);
    length = NLMSG_HDR_BYTES;
    constructor(type, flags, seq) {
        this.view.setUint16(4, type, true);
        this.view.setUint16(6, flags, true);
        this.view.setUint32(8, seq, true);
    }
    /** Appends a fixed struct (given as bytes) after the header. */
    struct(body) {
        this.bytes.set(body, this.length);
        this.length += align4(body.length);
        return this;
    }
    attr(type, payload) {
        const len = 4 + payload.length;
        this.view.setUint16(this.length, len, true);
        this.view.setUint16(this.length + 2, type, true);
        this.bytes.set(payload, this.length + 4);
        this.length += align4(len);
        return this;
    }
    /** Appends an attribute holding one u32 in host order. */
    u32(type, value) {
        const payload = new Uint8Array(4);
        new DataView(payload.buffer).setUint32(0, value, true);
        return this.attr(type, payload);
    }
    finish() {
        this.view.setUint32(0, this.length, true);
        return this.bytes.subarray(0, this.length);
    }
}
/**
 * Sends one request flagged NLM_F_ACK and returns the ack's errno (0 on success); replies that
 * come before the ack go to `onReply`. Throws HalError only when the exchange itself fails
 * (socket, send, no ack).
 */
export function requestAck(device, operation, message, onReply) {
    return exchange(device, operation, message, [seqOf(message)], onReply)[0];
}
/**
 * Sends several requests flagged NLM_F_ACK in one datagram (the kernel runs them in order and
 * acks each) and returns each ack's errno, in order: one socket and one send for all, which is
 * what a takeover adding several addresses wants. Throws HalError only when the exchange fails.
 */
export function requestAcks(device, operation, messages) {
    const batch = new Uint8Array(messages.reduce((n, m) => n + m.length, 0));
    let at = 0;
    for (const m of messages) {
        batch.set(m, at);
        at += m.length;
    }
    return exchange(device, operation, batch, messages.map(seqOf));
}
function seqOf(message) {
    return new DataView(message.buffer, message.byteOffset).getUint32(8, true);
}
function exchange(device, operation, datagram, seqs, onReply) {
    const fd = openRouteSocket(0, 64 * 1024);
    if (fd < 0)
        throw new HalError(device, `${operation}: netlink socket`, -fd, errnoText(-fd));
    try {
        if (libc.send(fd, datagram, datagram.length, 0) !== datagram.length) {
            const err = errno();
            throw new HalError(device, `${operation}: netlink send`, err, errnoText(err));
        }
        return awaitAcks(fd, seqs, device, operation, onReply);
    }
    finally {
        libc.close(fd);
    }
}
//# sourceMappingURL=rtnetlink.js.map