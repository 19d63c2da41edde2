/**
 * IPC for tests of the heartbeat loop and its main-process side: stream pairs in memory whose
 * ends are fake fds the fake clock's poller watches (hal/clock/clock-device.fake.ts), shared
 * memory as plain buffers.
 *
 * It fails the way the driver does: each direction holds at most `capacity` bytes, so a writer
 * facing a busy reader gets a short write or 0; once either end is closed, reads drain what was
 * sent before and then return -1, writes return -1; adopting or mapping an fd this fake did not
 * make is HalError EBADF; `dieWithParent` answers what the test set.
 */
import { FakeFdTable } from '../clock/clock-device.fake.js';
import { E, HalError } from '../errors.js';
const NOW = Number.NEGATIVE_INFINITY;
const NEVER = Number.POSITIVE_INFINITY;
/** One direction of a stream: bytes in flight, bounded like a socket's buffer. */
class Pipe {
    capacity;
    chunks = [];
    queued = 0;
    closed = false;
    constructor(capacity) {
        this.capacity = capacity;
    }
}
export class FakeIpcStream {
    fds;
    inbound;
    outbound;
    fd;
    #closed = false;
    constructor(fds, inbound, outbound) {
        this.fds = fds;
        this.inbound = inbound;
        this.outbound = outbound;
        this.fd = fds.open(this);
    }
    read(buf) {
        if (this.#closed)
            return -1;
        let n = 0;
        while (n < buf.length && this.inbound.chunks.length > 0) {
            const head = this.inbound.chunks[0];
            const take = Math.min(head.length, buf.length - n);
            buf.set(head.subarray(0, take), n);
            n += take;
            if (take === head.length)
                this.inbound.chunks.shift();
            else
                this.inbound.chunks[0] = head.subarray(take);
        }
        this.inbound.queued -= n;
        if (n === 0 && this.inbound.closed)
            return -1;
        return n;
    }
    write(buf, length) {
        if (this.#closed || this.outbound.closed)
            return -1;
        const n = Math.min(length, this.outbound.capacity - this.outbound.queued);
        if (n <= 0)
            return 0;
        this.outbound.chunks.push(buf.slice(0, n));
        this.outbound.queued += n;
        return n;
    }
    readableAt() {
        return this.inbound.queued > 0 || this.inbound.closed ? NOW : NEVER;
    }
    close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.inbound.closed = true;
        this.outbound.closed = true;
        this.fds.close(this.fd);
    }
    /** Bytes sent to this end and not read yet. */
    get pending() {
        return this.inbound.queued;
    }
}
export class FakeIpc {
    fds;
    capacity;
    #streams = new Map();
    #memory = new Map();
    #nextMemoryFd = 1000;
    /** What dieWithParent answers (the parent is alive), and the parents asked for. */
    parentAlive = true;
    parentsWatched = [];
    constructor(
    /** Where stream ends are pollable: the fake clock device's table, for a loop's poller. */
    fds = new FakeFdTable(), 
    /** Bytes each direction of a stream holds before writes come up short. */
    capacity = 64 * 1024) {
        this.fds = fds;
        this.capacity = capacity;
    }
    adoptStream(fd) {
        const s = this.#streams.get(fd);
        if (!s)
            throw new HalError('ipc', 'adopt stream', E.EBADF, `fd ${fd} is no stream of this fake`);
        return s;
    }
    streamPair() {
        const ab = new Pipe(this.capacity);
        const ba = new Pipe(this.capacity);
        const a = new FakeIpcStream(this.fds, ba, ab);
        const b = new FakeIpcStream(this.fds, ab, ba);
        this.#streams.set(a.fd, a);
        this.#streams.set(b.fd, b);
        return [a, b];
    }
    createSharedMemory(bytes) {
        const fd = this.#nextMemoryFd++;
        const buffer = new ArrayBuffer(bytes);
        this.#memory.set(fd, buffer);
        return { fd, buffer };
    }
    mapSharedMemory(fd, bytes) {
        const buffer = this.#memory.get(fd);
        if (!buffer || buffer.byteLength < bytes)
            throw new HalError('ipc', 'mmap', E.EBADF, `fd ${fd} is no shared memory of ${bytes} bytes`);
        return { fd, buffer };
    }
    dieWithParent(parentPid) {
        this.parentsWatched.push(parentPid);
        return this.parentAlive;
    }
}
//# sourceMappingURL=ipc.fake.js.map