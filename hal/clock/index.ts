/**
 * Clock device: monotonic time, the wall clock, a periodic ticker and a blocking wait for use
 * inside a worker.
 *
 * Times are milliseconds of CLOCK_MONOTONIC as floats. CLOCK_MONOTONIC is one clock for the
 * whole host, shared by every process and network namespace, so the test rig can compare a
 * fault's injection time with a board's reaction time directly. The wall clock is only for
 * dating what operators read: it jumps when the time is set, so nothing is measured with it.
 */

/** Anything that can be waited on: a file descriptor owned by a driver. */
export interface Pollable {
  readonly fd: number;
}

export interface Clock {
  /** Monotonic milliseconds (sub-millisecond precision). */
  nowMs(): number;
  /** Wall-clock milliseconds since the Unix epoch (CLOCK_REALTIME). */
  wallMs(): number;
}

/** The wall time, ms since the epoch, of monotonic instant `monotonicMs` (default: now). */
export function wallMsAt(clock: Clock, monotonicMs?: number): number {
  const wall = clock.wallMs();
  return monotonicMs === undefined ? wall : wall - (clock.nowMs() - monotonicMs);
}

/** Wall-clock ms since the epoch as ISO 8601 in UTC, to the millisecond. */
export function isoOfWallMs(wallMs: number): string {
  return new Date(wallMs).toISOString();
}

/** The wall time, ISO 8601 in UTC, of monotonic instant `monotonicMs` (default: now). */
export function wallTimeIso(clock: Clock, monotonicMs?: number): string {
  return isoOfWallMs(wallMsAt(clock, monotonicMs));
}

/** A periodic timer (timerfd). Expirations accumulate while nobody reads them. */
export interface Ticker extends Pollable {
  /** Re-arms with a new period; the next tick comes one period from now. */
  setPeriod(ms: number): void;
  /** Consumes pending expirations without blocking; returns how many (0 when none). */
  take(): number;
  close(): void;
}

/**
 * Blocks the calling thread until one of the watched fds is readable or the timeout passes.
 * Only for worker threads that run a synchronous loop: it blocks the event loop by design.
 */
export interface Poller {
  /** Replaces the watched set. */
  watch(items: readonly Pollable[]): void;
  /** Returns the number of readable items; timeoutMs < 0 waits forever. EINTR counts as 0. */
  wait(timeoutMs: number): number;
  /** After `wait`: whether items[i] (index in the watched set) is readable. */
  readable(index: number): boolean;
}

export interface ClockDevice extends Clock {
  openTicker(periodMs: number): Ticker;
  openPoller(): Poller;
  /**
   * Raises the calling thread to SCHED_FIFO at `priority`. Returns false (with the reason) when
   * the process lacks the capability; never throws.
   */
  raiseThreadPriority(priority: number): { ok: true } | { ok: false; reason: string };
  /**
   * Returns the calling thread to the normal policy (SCHED_OTHER): a thread whose urgent part is
   * done must not keep a core from everything below it while it winds down. Never throws.
   */
  lowerThreadPriority(): { ok: true } | { ok: false; reason: string };
}
