/**
 * The messages between the main process and the heartbeat worker process (worker-protocol.ts)
 * on their stream socket: each is a 4-byte little-endian length and a CBOR body.
 *
 * The worker's side never blocks on the main process: what the socket cannot take waits in a
 * queue that is flushed on every turn, and during a turn everything waits for its end (hold). The queue is bounded so that a main process that stopped
 * reading cannot grow the worker without limit: only the newest snapshot is kept (each one
 * supersedes the last), log records and relayed control frames beyond the bound are dropped
 * (and counted: logs here, frames by the relay, control-relay.ts), and takeover events are
 * always kept (a few per failover).
 */
import { Encoder } from 'cbor-x';
import type { IpcStream } from '../../hal/ipc/index.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const HEADER_BYTES = 4;
/** Larger than any message the protocol has (a snapshot is a few kB, a takeover plan less). */
export const MAX_MESSAGE_BYTES = 1 << 20;
/** What may wait for a main process that does not read, before log records are dropped. */
const QUEUE_LIMIT_BYTES = 4 << 20;
const READ_CHUNK_BYTES = 64 * 1024;

// Plain maps and arrays, no shared record structures: each message decodes on its own. Byte
// strings (a virtual MAC) are copied out: a view would see the reader's buffer reused.
const cbor = new Encoder({ useRecords: false, mapsAsObjects: true, copyBuffers: true });

/** One message as it goes on the socket. */
export function encodeMessage(msg: unknown): Uint8Array {
  const body = cbor.encode(msg);
  const out = new Uint8Array(HEADER_BYTES + body.length);
  new DataView(out.buffer).setUint32(0, body.length, true);
  out.set(body, HEADER_BYTES);
  return out;
}

/** Reassembles messages from the bytes of a stream, however they were cut. */
export class MessageReader {
  private buf = new Uint8Array(READ_CHUNK_BYTES);
  private start = 0;
  private end = 0;
  /** Set once the stream carried something that is no message of ours; nothing more is read. */
  broken: string | null = null;

  push(chunk: Uint8Array): void {
    if (this.broken) return;
    this.reserve(chunk.length);
    this.buf.set(chunk, this.end);
    this.end += chunk.length;
  }

  /** Room for `bytes` more at the end: compacts, grows up to one message and a chunk. */
  reserve(bytes: number): Uint8Array {
    if (this.start > 0) {
      this.buf.copyWithin(0, this.start, this.end);
      this.end -= this.start;
      this.start = 0;
    }
    if (this.end + bytes > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.end + bytes));
      grown.set(this.buf.subarray(0, this.end));
      this.buf = grown;
    }
    return this.buf.subarray(this.end);
  }

  /** After writing `bytes` into what reserve() returned. */
  commit(bytes: number): void {
    this.end += bytes;
  }

  /** The next whole message, or undefined until more bytes come. */
  next(): unknown {
    if (this.broken || this.end - this.start < HEADER_BYTES) return undefined;
    const length = new DataView(this.buf.buffer, this.buf.byteOffset + this.start).getUint32(0, true);
    if (length > MAX_MESSAGE_BYTES) {
      this.broken = `a message of ${length} bytes (at most ${MAX_MESSAGE_BYTES})`;
      return undefined;
    }
    if (this.end - this.start < HEADER_BYTES + length) return undefined;
    const body = this.buf.subarray(this.start + HEADER_BYTES, this.start + HEADER_BYTES + length);
    this.start += HEADER_BYTES + length;
    try {
      return cbor.decode(body);
    } catch (err) {
      this.broken = `an undecodable message (${(err as Error).message})`;
      return undefined;
    }
  }
}

interface Queued {
  bytes: Uint8Array;
  snapshot: boolean;
}

/** The worker's end: commands in, reports out, never blocking. */
export class WorkerChannel {
  private readonly reader = new MessageReader();
  private readonly queue: Queued[] = [];
  /** Bytes of the queue's head already written. */
  private headSent = 0;
  private queuedBytes = 0;
  /** The main process closed its end (it is gone or going). */
  closed = false;
  /** Log records dropped because the main process did not read. */
  logsDropped = 0;
  /** While held, post() only keeps the message (see hold()). */
  #held = false;
  /** Messages posted while held, encoded and queued at release. */
  readonly #pending: FromWorker[] = [];

  constructor(readonly stream: IpcStream) {}

  get fd(): number {
    return this.stream.fd;
  }

  /** Reads what the socket holds; then next() gives the commands it completed. */
  fill(): void {
    for (;;) {
      const n = this.stream.read(this.reader.reserve(READ_CHUNK_BYTES));
      if (n < 0) this.closed = true;
      if (n <= 0) return;
      this.reader.commit(n);
    }
  }

  /** The next command read, in the order the main process sent them. */
  next(): ToWorker | undefined {
    const m = this.reader.next() as ToWorker | undefined;
    if (this.reader.broken) this.closed = true;
    return m;
  }

  /** Why the commands stopped making sense, if they did. */
  get broken(): string | null {
    return this.reader.broken;
  }

  /**
   * Queues `msg` and writes what the socket takes; false when it was dropped. While held, the
   * message is kept as it is and true returned: whether it fits is decided at release.
   */
  post(msg: FromWorker): boolean {
    if (this.#held) {
      this.#pending.push(msg);
      return true;
    }
    const queued = this.#enqueue(msg);
    this.flush();
    return queued;
  }

  /** Encodes `msg` onto the queue; false when the queue is past its bound for such a message. */
  #enqueue(msg: FromWorker): boolean {
    const snapshot = msg.type === 'snapshot';
    if ((msg.type === 'log' || msg.type === 'control-frames') && this.queuedBytes > QUEUE_LIMIT_BYTES) {
      if (msg.type === 'log') this.logsDropped++;
      return false;
    }
    const bytes = encodeMessage(msg);
    // A snapshot waiting whole is superseded by this one.
    const stale = snapshot ? this.queue.findIndex((q, i) => q.snapshot && (i > 0 || this.headSent === 0)) : -1;
    if (stale >= 0) {
      this.queuedBytes -= (this.queue[stale] as Queued).bytes.length;
      this.queue.splice(stale, 1);
    }
    this.queue.push({ bytes, snapshot });
    this.queuedBytes += bytes.length;
    return true;
  }

  /**
   * From now until release(), post() only keeps what it is given. For a turn of the heartbeat
   * loop: each write is a system call that wakes the main process, and encoding a report (a log
   * line, a link change) runs code that is cold at that moment; made before the turn's heartbeat
   * or takeover, either would hold them up. The turn's end encodes and writes them all.
   */
  hold(): void {
    this.#held = true;
  }

  /** Ends a hold: encodes what was posted meanwhile, in order, and writes what the socket takes; true when nothing is left waiting. */
  release(): boolean {
    this.#held = false;
    for (const msg of this.#pending) this.#enqueue(msg);
    this.#pending.length = 0;
    return this.flush();
  }

  /** Writes what the socket takes now; true when nothing is left waiting. */
  flush(): boolean {
    while (this.queue.length > 0 && !this.closed) {
      const head = this.queue[0] as Queued;
      const n = this.stream.write(head.bytes.subarray(this.headSent), head.bytes.length - this.headSent);
      if (n < 0) this.closed = true;
      if (n <= 0) break;
      this.headSent += n;
      if (this.headSent < head.bytes.length) break;
      this.queue.shift();
      this.queuedBytes -= head.bytes.length;
      this.headSent = 0;
    }
    return this.queue.length === 0;
  }
}
