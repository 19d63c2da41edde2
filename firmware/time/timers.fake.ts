/**
 * Timers for tests, run on a FakeClock: advance() fires each timer due on the way at its own
 * time, in order. It fails the way the real one does: a timer longer than setTimeout allows is
 * refused.
 */
import type { FakeClock } from '../../hal/clock/clock.fake.js';
import type { Cancel, Timers } from './timers.js';

const MAX_TIMER_MS = 0x7fffffff;

interface Pending {
  atMs: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

export class FakeTimers implements Timers {
  private pending: Pending[] = [];
  private order = 0;

  constructor(readonly clock: FakeClock) {}

  after(ms: number, fn: () => void): Cancel {
    // setTimeout turns a longer delay into 1 ms: a caller that asks for one has a bug.
    if (!(ms >= 0 && ms <= MAX_TIMER_MS)) throw new RangeError(`timer of ${ms} ms: allowed 0-${MAX_TIMER_MS}`);
    const p: Pending = { atMs: this.clock.nowMs() + ms, order: this.order++, fn, cancelled: false };
    this.pending.push(p);
    return () => {
      p.cancelled = true;
    };
  }

  /** Moves time forward by `ms`, running each timer due on the way at its own time, in order. */
  advance(ms: number): void {
    const end = this.clock.nowMs() + ms;
    for (;;) {
      this.pending = this.pending.filter((p) => !p.cancelled);
      const due = this.pending.filter((p) => p.atMs <= end).sort((a, b) => a.atMs - b.atMs || a.order - b.order)[0];
      if (!due) break;
      this.pending.splice(this.pending.indexOf(due), 1);
      this.clock.advanceTo(due.atMs);
      due.fn();
    }
    this.clock.advanceTo(end);
  }

  /** Timers armed and not cancelled. */
  get armed(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }
}
