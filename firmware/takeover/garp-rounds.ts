/**
 * The announcement rounds after a takeover or a healed split brain, on the main thread: the
 * worker sends each round's first burst on its fast path, this sends the rest (`arps` in all,
 * `arps-interval` apart) and stops the moment the unit is no longer primary.
 */
import type { Cancel, Timers } from '../time/timers.js';
import { GarpSchedule, type GarpScheduleOptions } from './garp-schedule.js';

export class GarpRounds {
  #schedule: GarpSchedule;
  #cancel: Cancel | null = null;

  constructor(
    opts: GarpScheduleOptions,
    private readonly timers: Timers,
    private readonly now: () => number,
    private readonly burst: () => void,
  ) {
    this.#schedule = new GarpSchedule(opts);
  }

  /** New `gratuitous-arps`/`arps`/`arps-interval`; a round under way is abandoned. */
  configure(opts: GarpScheduleOptions): void {
    this.stop();
    this.#schedule = new GarpSchedule(opts);
  }

  /** A round began at `atMs` and its first burst went out then. */
  begin(atMs: number): void {
    this.#schedule.start(atMs);
    this.#schedule.sent(atMs);
    this.#arm();
  }

  stop(): void {
    this.#schedule.stop();
    this.#cancel?.();
    this.#cancel = null;
  }

  #arm(): void {
    this.#cancel?.();
    this.#cancel = null;
    const at = this.#schedule.nextAt();
    if (!Number.isFinite(at)) return;
    this.#cancel = this.timers.after(Math.max(0, at - this.now()), () => {
      this.#cancel = null;
      const now = this.now();
      if (!this.#schedule.due(now)) return this.#arm();
      this.burst();
      this.#schedule.sent(now);
      this.#arm();
    });
  }
}
