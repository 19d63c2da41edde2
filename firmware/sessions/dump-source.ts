/**
 * The kernel dump as the resync pulls it (stream/resync.ts DumpSource): the conntrack driver
 * hands the table over asynchronously, a kernel batch at a time; this keeps one batch ahead,
 * already filtered by the pickup policy and encoded, and hands out as many records as fit a
 * frame. Memory stays at about one kernel batch whatever the table's size.
 *
 * Each dump reads through a table handle of its own, closed once the dump is over: a handle
 * runs one dump at a time (hal/conntrack), and a resync may start while another's dump runs,
 * another secondary's or the one it abandons (whose generator ends a few promises later).
 *
 * When expectations are synced, their dump follows the sessions' on the same handle: the
 * secondary's kernel takes an expectation only of a master it has, and by then it has them all.
 */
import type { ConntrackTable, CtExpectation, CtSession } from '../../hal/conntrack/index.js';
import type { DumpSource } from './stream/index.js';
import { encodeRecord, RECORD_BUDGET } from './sync-frames.js';

export class KernelDumpSource implements DumpSource<Uint8Array> {
  private readonly table: ConntrackTable | null = null;
  private readonly iterator: AsyncIterator<KernelBatch> | null = null;
  private ready: Uint8Array[] = [];
  private at = 0;
  private pulling = false;
  private finished = false;
  private released = false;
  /**
   * Why the dump stopped early, if it did. The source then never says 'done': a bulk that ended
   * would have the secondary delete every session it was not sent. The caller starts another.
   */
  failure: string | null = null;

  constructor(
    /** Opens the table handle the dump reads through. */
    open: () => ConntrackTable,
    /** The session's record (record-writer.ts) when it goes in the bulk, else null (left out, or held for later). */
    private readonly encode: (s: CtSession) => Uint8Array | null,
    /** The expectation's wire array when it is to be synced, else null; none: expectations are not dumped. */
    private readonly encodeExpectation: ((e: CtExpectation) => unknown[] | null) | null,
  ) {
    try {
      const table = open();
      this.table = table;
      this.iterator = kernelBatches(table, encodeExpectation !== null)[Symbol.asyncIterator]();
    } catch (err) {
      this.fail(err as Error);
      return;
    }
    this.pull();
  }

  /** Whether the kernel is still being read (records still come through the filter). */
  get reading(): boolean {
    return !this.finished;
  }

  next(max: number): readonly Uint8Array[] | 'done' {
    const out: Uint8Array[] = [];
    let bytes = 0;
    while (out.length < max && this.at < this.ready.length) {
      const r = this.ready[this.at] as Uint8Array;
      if (bytes + r.length > RECORD_BUDGET && out.length > 0) break;
      out.push(r);
      bytes += r.length;
      this.at++;
    }
    if (this.at >= this.ready.length) {
      if (this.finished && this.failure === null) return out.length > 0 ? out : 'done';
      this.pull();
    }
    return out;
  }

  /** Stops reading the kernel (the resync was abandoned); the handle closes once the dump has ended. */
  close(): void {
    this.finished = true;
    if (this.released) return;
    this.released = true;
    const table = this.table;
    void Promise.resolve(this.iterator?.return?.())
      .catch(() => undefined)
      .finally(() => table?.close());
  }

  private pull(): void {
    if (this.pulling || this.finished || !this.iterator) return;
    this.pulling = true;
    this.iterator.next().then(
      (r) => {
        this.pulling = false;
        // A batch that arrives after close() is not filtered: its resync is gone, and the
        // filter may hold sessions for later (delay.ts) from what is by now a stale read.
        if (this.finished) return;
        if (r.done) {
          this.finished = true;
          this.close();
          return;
        }
        this.ready = [];
        this.at = 0;
        const b = r.value;
        if ('sessions' in b) {
          for (const s of b.sessions) {
            const record = this.encode(s);
            if (record) this.ready.push(record);
          }
        } else {
          for (const e of b.expectations) {
            const w = this.encodeExpectation?.(e);
            if (w) this.ready.push(encodeRecord(w));
          }
        }
      },
      (err: Error) => {
        this.pulling = false;
        this.fail(err);
      },
    );
  }

  private fail(err: Error): void {
    this.finished = true;
    this.failure = err.message;
    this.close();
  }
}

type KernelBatch = { sessions: CtSession[] } | { expectations: CtExpectation[] };

/**
 * The sessions, then the expectations when asked for, a kernel batch at a time. Filtered and
 * encoded by the caller when a batch arrives, not here: a batch that arrives after close()
 * must not reach the filter.
 */
async function* kernelBatches(table: ConntrackTable, expectations: boolean): AsyncGenerator<KernelBatch> {
  for await (const sessions of table.dump()) yield { sessions };
  if (expectations) for await (const batch of table.dumpExpectations()) yield { expectations: batch };
}
