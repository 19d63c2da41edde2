/**
 * The kernel dump as the resync pulls it (stream/resync.ts DumpSource): the conntrack driver
 * hands the table over asynchronously, a kernel batch at a time; this keeps one batch ahead,
 * already filtered by the pickup policy and encoded, and hands out as many records as fit a
 * frame. Memory stays at about one kernel batch whatever the table's size.
 */
import type { ConntrackTable, CtSession } from '../../hal/conntrack/index.js';
import type { DumpSource } from './stream/index.js';
import { encodeRecord, RECORD_BUDGET } from './sync-frames.js';

export class KernelDumpSource implements DumpSource<Uint8Array> {
  private readonly iterator: AsyncIterator<CtSession[]>;
  private ready: Uint8Array[] = [];
  private at = 0;
  private pulling = false;
  private finished = false;
  /** Why the dump stopped early, if it did (the resync then ends short; the next one repairs it). */
  failure: string | null = null;

  constructor(
    table: ConntrackTable,
    /** The session's wire array when it is to be synced, else null. */
    private readonly encode: (s: CtSession) => unknown[] | null,
  ) {
    this.iterator = table.dump()[Symbol.asyncIterator]();
    this.pull();
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
      if (this.finished) return out.length > 0 ? out : 'done';
      this.pull();
    }
    return out;
  }

  /** Stops reading the kernel (the resync was abandoned). */
  close(): void {
    this.finished = true;
    void this.iterator.return?.();
  }

  private pull(): void {
    if (this.pulling || this.finished) return;
    this.pulling = true;
    this.iterator.next().then(
      (r) => {
        this.pulling = false;
        if (r.done) {
          this.finished = true;
          return;
        }
        this.ready = [];
        this.at = 0;
        for (const s of r.value) {
          const w = this.encode(s);
          if (w) this.ready.push(encodeRecord(w));
        }
      },
      (err: Error) => {
        this.pulling = false;
        this.finished = true;
        this.failure = err.message;
      },
    );
  }
}
