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
import { type FakeFd, FakeFdTable } from '../clock/clock-device.fake.js';
import { E, HalError } from '../errors.js';
import type { IpcDevice, IpcStream, SharedMemory } from './index.js';

const NOW = Number.NEGATIVE_INFINITY;
const NEVER = Number.POSITIVE_INFINITY;

/** One direction of a stream: bytes in flight, bounded like a socket's buffer. */
class Pipe {
  chunks: Uint8Array[] = [];
  queued = 0;
  closed = false;

  constructor(readonly capacity: number) {}
}

export class FakeIpcStream implements IpcStream, FakeFd {
  readonly fd: number;
  #closed = false;

  constructor(
    private readonly fds: FakeFdTable,
    private readonly inbound: Pipe,
    private readonly outbound: Pipe,
  ) {
    this.fd = fds.open(this);
  }

  read(buf: Uint8Array): number {
    if (this.#closed) return -1;
    let n = 0;
    while (n < buf.length && this.inbound.chunks.length > 0) {
      const head = this.inbound.chunks[0] as Uint8Array;
      const take = Math.min(head.length, buf.length - n);
      buf.set(head.subarray(0, take), n);
      n += take;
      if (take === head.length) this.inbound.chunks.shift();
      else this.inbound.chunks[0] = head.subarray(take);
    }
    this.inbound.queued -= n;
    if (n === 0 && this.inbound.closed) return -1;
    return n;
  }

  write(buf: Uint8Array, length: number): number {
    if (this.#closed || this.outbound.closed) return -1;
    const n = Math.min(length, this.outbound.capacity - this.outbound.queued);
    if (n <= 0) return 0;
    this.outbound.chunks.push(buf.slice(0, n));
    this.outbound.queued += n;
    return n;
  }

  readableAt(): number {
    return this.inbound.queued > 0 || this.inbound.closed ? NOW : NEVER;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.inbound.closed = true;
    this.outbound.closed = true;
    this.fds.close(this.fd);
  }

  /** Bytes sent to this end and not read yet. */
  get pending(): number {
    return this.inbound.queued;
  }
}

export class FakeIpc implements IpcDevice {
  readonly #streams = new Map<number, FakeIpcStream>();
  readonly #memory = new Map<number, ArrayBuffer>();
  #nextMemoryFd = 1000;
  /** What dieWithParent answers (the parent is alive), and the parents asked for. */
  parentAlive = true;
  readonly parentsWatched: number[] = [];

  constructor(
    /** Where stream ends are pollable: the fake clock device's table, for a loop's poller. */
    private readonly fds: FakeFdTable = new FakeFdTable(),
    /** Bytes each direction of a stream holds before writes come up short. */
    readonly capacity = 64 * 1024,
  ) {}

  adoptStream(fd: number): FakeIpcStream {
    const s = this.#streams.get(fd);
    if (!s) throw new HalError('ipc', 'adopt stream', E.EBADF, `fd ${fd} is no stream of this fake`);
    return s;
  }

  streamPair(): [FakeIpcStream, FakeIpcStream] {
    const ab = new Pipe(this.capacity);
    const ba = new Pipe(this.capacity);
    const a = new FakeIpcStream(this.fds, ba, ab);
    const b = new FakeIpcStream(this.fds, ab, ba);
    this.#streams.set(a.fd, a);
    this.#streams.set(b.fd, b);
    return [a, b];
  }

  createSharedMemory(bytes: number): SharedMemory {
    const fd = this.#nextMemoryFd++;
    const buffer = new ArrayBuffer(bytes);
    this.#memory.set(fd, buffer);
    return { fd, buffer };
  }

  mapSharedMemory(fd: number, bytes: number): SharedMemory {
    const buffer = this.#memory.get(fd);
    if (!buffer || buffer.byteLength < bytes)
      throw new HalError('ipc', 'mmap', E.EBADF, `fd ${fd} is no shared memory of ${bytes} bytes`);
    return { fd, buffer };
  }

  dieWithParent(parentPid: number): boolean {
    this.parentsWatched.push(parentPid);
    return this.parentAlive;
  }
}
