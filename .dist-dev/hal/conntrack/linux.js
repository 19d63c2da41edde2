/**
 * The conntrack table over NETLINK_NETFILTER, from the calling thread's network namespace.
 *
 * Writes go out up to 256 messages a send (MEASURED.md: 80–104k creates/s, against 48–65k one
 * message a send). The kernel runs them in order inside `send` and acks every failed message
 * whatever its flags (netlink_rcv_skb), so only the last message of a send asks for an ack:
 * once that ack is read, every failure before it has been read too, and a batch costs a
 * receive per failure plus one rather than one per record (measured side by side: 330k
 * creates/s against 140k/s with an ack a message). NETLINK_CAP_ACK keeps those acks to their
 * headers.
 *
 * A dump runs on a socket of its own, so writes can go on while a consumer works through it.
 */
import { writeFileSync } from 'node:fs';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { monotonicMs } from '../clock/linux.js';
import { HalError } from '../errors.js';
import { E, errno, errnoText, libc, POLLIN } from '../libc.js';
import { ACK_WAIT_MS, align4, awaitAcks, NLM_F_ACK, NLM_F_DUMP, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR, NLMSG_HDR_BYTES, openNetlinkSocket, } from '../netlink.js';
import { NfBatch } from './batch.js';
import { decodeExpectation, decodeSession, forEachMessage, newDecodeCounters } from './decode.js';
import { writeCreate, writeDelete, writeExpectationCreate, writeExpectationDelete, writeRelax, writeRequest, writeUpdate, } from './encode.js';
import { openEventSocket } from './events.js';
import { MSG, NETLINK_NETFILTER, NFGENMSG_BYTES, NLA_TYPE_MASK, STATS_GLOBAL_ENTRIES } from './wire.js';
const DEVICE = 'conntrack';
export const MESSAGES_PER_SEND = 256;
/** Room for 256 of the largest messages, well under the socket's default send buffer. */
const BATCH_BYTES = 160 * 1024;
/** Failed records' acks (a few hundred bytes of kernel memory each) must all fit. */
const COMMAND_RCVBUF_BYTES = 4 << 20;
/** One dump chunk (the kernel caps them at 32 KB) a receive. */
const DUMP_RECV_BYTES = 64 * 1024;
const SOL_NETLINK = 270;
const NETLINK_CAP_ACK = 10;
function fail(operation, err) {
    throw new HalError(DEVICE, operation, err, errnoText(err));
}
function openSocket(operation, rcvbufBytes) {
    const fd = openNetlinkSocket(NETLINK_NETFILTER, 0, rcvbufBytes);
    if (fd < 0)
        fail(`${operation}: netlink socket`, -fd);
    return fd;
}
function sendAll(fd, bytes, length, operation) {
    for (;;) {
        if (libc.send(fd, bytes, length, 0) === length)
            return;
        const err = errno();
        if (err !== E.EINTR)
            fail(`${operation}: netlink send`, err);
    }
}
class NetlinkTable {
    counters = newDecodeCounters();
    command;
    dumpFd;
    batch = new NfBatch(BATCH_BYTES);
    /** Index into the caller's array of each message in the batch being sent. */
    indexOf = new Int32Array(MESSAGES_PER_SEND);
    dumpBuf = new Uint8Array(DUMP_RECV_BYTES);
    dumpView = new DataView(this.dumpBuf.buffer);
    pollfd = new Int32Array(2);
    dumping = false;
    closed = false;
    seq = 1;
    constructor() {
        this.command = openSocket('open', COMMAND_RCVBUF_BYTES);
        libc.setsockopt(this.command, SOL_NETLINK, NETLINK_CAP_ACK, new Int32Array([1]), 4);
        try {
            this.dumpFd = openSocket('open', 1 << 20);
        }
        catch (err) {
            libc.close(this.command);
            throw err;
        }
    }
    create(sessions) {
        return this.write('create', sessions, writeCreate);
    }
    update(sessions) {
        return this.write('update', sessions, writeUpdate);
    }
    delete(keys) {
        return this.write('delete', keys, writeDelete);
    }
    relaxTcpWindows(keys) {
        return this.write('relax TCP windows', keys, writeRelax);
    }
    createExpectations(expectations) {
        return this.write('create expectations', expectations, writeExpectationCreate);
    }
    deleteExpectations(keys) {
        return this.write('delete expectations', keys, writeExpectationDelete);
    }
    write(operation, records, writer) {
        this.checkOpen(operation);
        const failures = [];
        const b = this.batch;
        let next = 0;
        while (next < records.length) {
            b.reset();
            // Sequence numbers base, base+1, … name the messages in order.
            const base = this.reserveSeqs(MESSAGES_PER_SEND);
            for (; next < records.length && b.messages < MESSAGES_PER_SEND && b.hasRoom(); next++) {
                if (writer(b, records[next], base + b.messages))
                    this.indexOf[b.messages - 1] = next;
                else
                    failures.push({ index: next, errno: E.EINVAL });
            }
            if (b.messages === 0)
                continue;
            b.ackLast();
            this.sendBatch(operation, base, failures);
        }
        return { done: records.length - failures.length, failures };
    }
    sendBatch(operation, base, failures) {
        const b = this.batch;
        const count = b.messages;
        const fence = base + count - 1;
        sendAll(this.command, b.bytes, b.length, operation);
        const [fenceErr] = awaitAcks(this.command, [fence], DEVICE, operation, (buf, off, len) => {
            const view = new DataView(buf.buffer, buf.byteOffset);
            if (view.getUint16(off + 4, true) !== NLMSG_ERROR || len < NLMSG_HDR_BYTES + 4)
                return;
            const k = view.getUint32(off + 8, true) - base;
            const err = -view.getInt32(off + NLMSG_HDR_BYTES, true);
            if (k >= 0 && k < count - 1 && err !== 0)
                failures.push({ index: this.indexOf[k], errno: err });
        });
        if (fenceErr !== 0)
            failures.push({ index: this.indexOf[count - 1], errno: fenceErr });
    }
    dump(family) {
        return this.stream(MSG.CT_GET, family, decodeSession);
    }
    dumpExpectations(family) {
        return this.stream(MSG.EXP_GET, family, decodeExpectation);
    }
    async *stream(type, family, decode) {
        this.checkOpen('dump');
        if (this.dumping)
            fail('dump', E.EBUSY);
        this.dumping = true;
        const seq = this.reserveSeqs(1);
        let done = false;
        try {
            const request = new NfBatch(64);
            writeRequest(request, type, NLM_F_REQUEST | NLM_F_DUMP, seq, family ?? 0);
            sendAll(this.dumpFd, request.bytes, request.length, 'dump');
            while (!done) {
                const n = this.receiveDump();
                const batch = [];
                let err = 0;
                forEachMessage(this.dumpView, n, this.counters, (off, len, msgType, _flags, msgSeq) => {
                    if (msgSeq !== seq || done)
                        return;
                    if (msgType === NLMSG_DONE || msgType === NLMSG_ERROR) {
                        done = true;
                        err = len >= NLMSG_HDR_BYTES + 4 ? -this.dumpView.getInt32(off + NLMSG_HDR_BYTES, true) : 0;
                    }
                    else if (msgType === (type & 0xff00)) {
                        // Entries come as NEW messages of the subsystem asked (ctnetlink_fill_info).
                        const record = decode(this.dumpView, this.dumpBuf, off, len, this.counters);
                        if (record)
                            batch.push(record);
                    }
                    else {
                        this.counters.unknownType++;
                    }
                });
                if (err !== 0)
                    fail('dump', err);
                if (batch.length > 0) {
                    yield batch;
                    await yieldToEventLoop();
                }
            }
        }
        finally {
            if (!done)
                this.drainDump(seq);
            this.dumping = false;
        }
    }
    /** One receive from the dump socket; polls while the kernel has nothing queued. */
    receiveDump() {
        const deadline = monotonicMs() + ACK_WAIT_MS;
        this.pollfd[0] = this.dumpFd;
        this.pollfd[1] = POLLIN;
        for (;;) {
            const n = libc.recv(this.dumpFd, this.dumpBuf, this.dumpBuf.length, 0);
            if (n >= 0)
                return n;
            const err = errno();
            if (err !== E.EAGAIN && err !== E.EINTR)
                fail('dump: netlink recv', err);
            const left = deadline - monotonicMs();
            if (left <= 0)
                throw new HalError(DEVICE, 'dump', E.ETIMEDOUT, `no dump data within ${ACK_WAIT_MS} ms`);
            libc.poll(this.pollfd, 1, Math.ceil(left));
        }
    }
    /**
     * Reads an abandoned dump to its end. The kernel builds each chunk inside the receive that
     * makes room for it, so once a receive finds nothing queued the dump is over.
     */
    drainDump(seq) {
        let finished = false;
        while (!finished) {
            const n = libc.recv(this.dumpFd, this.dumpBuf, this.dumpBuf.length, 0);
            if (n <= 0)
                return;
            forEachMessage(this.dumpView, n, this.counters, (_off, _len, type, _flags, msgSeq) => {
                if (msgSeq === seq && (type === NLMSG_DONE || type === NLMSG_ERROR))
                    finished = true;
            });
        }
    }
    count() {
        let entries = -1;
        this.request('count', MSG.CT_GET_STATS, (view, off, len) => {
            for (let at = off + NLMSG_HDR_BYTES + NFGENMSG_BYTES; at + 8 <= off + len; at += align4(view.getUint16(at, true))) {
                if (view.getUint16(at, true) < 4)
                    return;
                if ((view.getUint16(at + 2, true) & NLA_TYPE_MASK) === STATS_GLOBAL_ENTRIES)
                    entries = view.getUint32(at + 4);
            }
        });
        if (entries < 0)
            throw new HalError(DEVICE, 'count', E.EINVAL, 'no entry count in the kernel reply');
        return entries;
    }
    flush() {
        this.request('flush', MSG.CT_DELETE);
    }
    /** One request without attributes, acked; replies of `type` go to `onReply`. */
    request(operation, type, onReply) {
        this.checkOpen(operation);
        const seq = this.reserveSeqs(1);
        const message = new NfBatch(64);
        writeRequest(message, type, NLM_F_REQUEST | NLM_F_ACK, seq, 0);
        sendAll(this.command, message.bytes, message.length, operation);
        const [err] = awaitAcks(this.command, [seq], DEVICE, operation, (buf, off, len) => {
            const view = new DataView(buf.buffer, buf.byteOffset);
            if (view.getUint32(off + 8, true) === seq && view.getUint16(off + 4, true) === type)
                onReply?.(view, off, len);
        });
        if (err !== 0)
            fail(operation, err);
    }
    /** `count` consecutive sequence numbers; they restart before they could wrap. */
    reserveSeqs(count) {
        if (this.seq > 0xffff0000)
            this.seq = 1;
        const base = this.seq;
        this.seq += count;
        return base;
    }
    checkOpen(operation) {
        if (this.closed)
            fail(operation, E.EBADF);
    }
    close() {
        if (this.closed)
            return;
        this.closed = true;
        libc.close(this.command);
        libc.close(this.dumpFd);
    }
}
/** The session start times' switch; /proc/sys/net is the namespace of the thread that opens it. */
const TIMESTAMP_SYSCTL = '/proc/sys/net/netfilter/nf_conntrack_timestamp';
/** Window checking of every TCP session, in the same namespace. */
const TCP_LIBERAL_SYSCTL = '/proc/sys/net/netfilter/nf_conntrack_tcp_be_liberal';
function writeSysctl(operation, path, value) {
    try {
        writeFileSync(path, `${value}\n`);
    }
    catch (err) {
        const e = err;
        throw new HalError(DEVICE, operation, e.errno ? -e.errno : 0, `${path}: ${e.message}`);
    }
}
export function createLinuxConntrack() {
    return {
        open: () => new NetlinkTable(),
        subscribe: (options) => openEventSocket(options),
        enableTimestamps: () => writeSysctl('enableTimestamps', TIMESTAMP_SYSCTL, '1'),
        setTcpLiberal: (on) => writeSysctl('setTcpLiberal', TCP_LIBERAL_SYSCTL, on ? '1' : '0'),
    };
}
//# sourceMappingURL=linux.js.map