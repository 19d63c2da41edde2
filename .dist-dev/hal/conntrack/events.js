/**
 * Conntrack event subscription: a non-blocking NETLINK_NETFILTER socket bound to the groups of
 * the event types asked for, read from a poll loop.
 *
 * The kernel sends each event as a datagram of its own, so a receive a datagram would cost a
 * system call an event; recvmmsg takes up to 64 at once (measured: 600k events/s read and
 * decoded, against 180k/s with recv). Its message headers and iovecs hold native addresses, so
 * they and the datagram slots live in native memory, set up once per socket.
 *
 * The kernel drops what does not fit the receive buffer and leaves ENOBUFS for the next
 * receive; `read` reports that as an overrun and carries on with what was queued after it,
 * since the caller's answer (a resync from a dump) does not depend on how much was lost.
 */
import { POINTER_BYTES } from '../abi.js';
import { HalError } from '../errors.js';
import { E, errno, errnoText, freeNative, libc, nativeBuffer } from '../libc.js';
import { NLM_F_CREATE, openNetlinkSocket } from '../netlink.js';
import { decodeExpectation, decodeSession, forEachMessage, newDecodeCounters } from './decode.js';
import { GROUP, MSG, NETLINK_NETFILTER } from './wire.js';
/** Datagrams a recvmmsg call takes at most. */
const VLEN = 64;
/** Room for one event: ctnetlink sizes them well under a page; a longer one is counted truncated. */
const SLOT_BYTES = 4096;
const P = POINTER_BYTES;
/**
 * struct mmsghdr { struct msghdr { void *name; socklen_t namelen; struct iovec *iov;
 * size_t iovlen; void *control; size_t controllen; int flags; } hdr; unsigned int len; },
 * each field aligned to its size: 64 bytes with 8-byte pointers, 32 with 4-byte ones.
 */
const HDR_IOV = 2 * P;
const HDR_IOVLEN = 3 * P;
const HDR_LEN = 7 * P;
const MMSGHDR_BYTES = 8 * P;
const IOVEC_BYTES = 2 * P;
function writePointer(view, at, value) {
    if (P === 8)
        view.setBigUint64(at, value, true);
    else
        view.setUint32(at, Number(value), true);
}
class NetlinkEventSocket {
    fd;
    counters = { ...newDecodeCounters(), events: 0, overruns: 0 };
    memory;
    headers;
    slots = [];
    closed = false;
    constructor(fd) {
        this.fd = fd;
        const iovs = VLEN * MMSGHDR_BYTES;
        const data = iovs + VLEN * IOVEC_BYTES;
        this.memory = nativeBuffer(data + VLEN * SLOT_BYTES);
        const { view, address } = this.memory;
        // No names, no control data, no flags: the rest of each header stays zero.
        view.fill(0);
        this.headers = new DataView(view.buffer, view.byteOffset, view.byteLength);
        for (let i = 0; i < VLEN; i++) {
            const iov = iovs + i * IOVEC_BYTES;
            const slot = data + i * SLOT_BYTES;
            writePointer(this.headers, i * MMSGHDR_BYTES + HDR_IOV, address + BigInt(iov));
            writePointer(this.headers, i * MMSGHDR_BYTES + HDR_IOVLEN, 1n);
            writePointer(this.headers, iov, address + BigInt(slot));
            writePointer(this.headers, iov + P, BigInt(SLOT_BYTES));
            const bytes = view.subarray(slot, slot + SLOT_BYTES);
            this.slots.push({ bytes, view: new DataView(bytes.buffer, bytes.byteOffset, SLOT_BYTES) });
        }
    }
    read(max) {
        const events = [];
        let overrun = false;
        const c = this.counters;
        let slot = this.slots[0];
        const onMessage = (off, len, type, flags) => {
            if (type === MSG.CT_NEW || type === MSG.CT_DELETE) {
                const session = decodeSession(slot.view, slot.bytes, off, len, c);
                if (!session)
                    return;
                // A new entry's event carries NLM_F_CREATE (with NLM_F_EXCL); a change's does not.
                const kind = type === MSG.CT_DELETE ? 'destroy' : flags & NLM_F_CREATE ? 'new' : 'update';
                events.push({ type: kind, session });
            }
            else if (type === MSG.EXP_NEW || type === MSG.EXP_DELETE) {
                const expectation = decodeExpectation(slot.view, slot.bytes, off, len, c);
                if (expectation)
                    events.push({ type: type === MSG.EXP_NEW ? 'exp-new' : 'exp-destroy', expectation });
            }
            else {
                c.unknownType++;
            }
        };
        while (!this.closed && events.length < max) {
            const got = libc.recvmmsg(this.fd, this.memory.ptr, Math.min(VLEN, max - events.length), 0, null);
            if (got > 0) {
                for (let i = 0; i < got; i++) {
                    slot = this.slots[i];
                    forEachMessage(slot.view, this.headers.getUint32(i * MMSGHDR_BYTES + HDR_LEN, true), c, onMessage);
                }
                continue;
            }
            if (got < 0 && errno() === E.ENOBUFS) {
                overrun = true;
                c.overruns++;
                continue;
            }
            break;
        }
        c.events += events.length;
        return { events, overrun };
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        libc.close(this.fd);
        freeNative(this.memory);
    }
}
export function openEventSocket(options) {
    let groups = 0;
    for (const type of options.types)
        groups |= GROUP[type];
    const fd = openNetlinkSocket(NETLINK_NETFILTER, groups, options.rcvbufBytes);
    if (fd < 0)
        throw new HalError('conntrack', 'subscribe', -fd, errnoText(-fd));
    return new NetlinkEventSocket(fd);
}
//# sourceMappingURL=events.js.map