/**
 * `diagnose test main-load <seconds>`: makes the main thread allocate hard (a large live heap
 * churned continuously, so the collector runs most of the time) to show, in the field as in the
 * benchmarks, that heartbeats and failure verdicts do not depend on the main thread.
 * The load runs in slices so the console stays usable while it lasts.
 */
import type { Clock } from '../../hal/clock/index.js';

const LIVE_SLOTS = 200_000;
const SLICE_MS = 20;

export class MainLoad {
  private until = 0;
  private live: unknown[] = [];
  private cursor = 0;

  constructor(private readonly clock: Clock) {}

  get running(): boolean {
    return this.clock.nowMs() < this.until;
  }

  /** Starts (or extends, or with 0 stops) the load; returns what the console prints. */
  run(seconds: number): string {
    const wasRunning = this.running;
    this.until = this.clock.nowMs() + seconds * 1000;
    if (seconds === 0) return 'main-thread load stopped\n';
    if (!wasRunning) {
      this.live = new Array(LIVE_SLOTS);
      setImmediate(() => this.slice());
    }
    return `main-thread load running for ${seconds} s\n`;
  }

  private slice(): void {
    const end = Math.min(this.until, this.clock.nowMs() + SLICE_MS);
    while (this.clock.nowMs() < end) {
      for (let i = 0; i < 1000; i++) {
        this.live[this.cursor] = { a: [this.cursor, i], s: `garbage-${i}`, b: new Array(8) };
        this.cursor = (this.cursor + 1) % LIVE_SLOTS;
      }
    }
    if (this.running) setImmediate(() => this.slice());
    else this.live = [];
  }
}
