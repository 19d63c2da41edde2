/**
 * The watchdog keeper's decision, once per kick period: kick only while the runtime is healthy
 * (health.ts). When it turns unhealthy, the keeper stops kicking, says so in the event log and
 * writes the reason into the run record first, so that the boot after the reset can tell why.
 * If the runtime recovers before the timeout, kicking resumes and the record says running again.
 */
import type { Clock } from '../../hal/clock/index.js';
import type { Watchdog } from '../../hal/watchdog/index.js';
import type { Logger } from '../log/logger.js';
import { type HealthLimits, type HealthStamps, unhealthy } from './health.js';
import type { RunState } from './run-record.js';

export interface KeeperDeps {
  /** null: the board's watchdog could not be opened; health is still judged and recorded. */
  watchdog: Watchdog | null;
  stamps: HealthStamps;
  limits: HealthLimits;
  /** The timeout the board was promised, for the log. */
  timeoutS: number;
  clock: Clock;
  /** Writes the run record; never throws (the caller logs a failed write). */
  record: (state: RunState, reason?: string) => void;
  log: Logger;
}

export class WatchdogKeeper {
  private starvingSince: number | null = null;
  private kickErrno = 0;
  kicks = 0;

  constructor(private readonly d: KeeperDeps) {}

  get starving(): boolean {
    return this.starvingSince !== null;
  }

  /** One kick period: kicks, or starts or goes on starving the watchdog. */
  check(): void {
    const now = this.d.clock.nowMs();
    const why = unhealthy(this.d.stamps, now, this.d.limits);
    if (why !== null) {
      if (this.starvingSince === null) {
        this.starvingSince = now;
        this.d.record('starving', why);
        const reset = this.d.watchdog ? `: the board resets ${this.d.timeoutS} s after the last kick unless it recovers` : '';
        this.d.log.event(`watchdog no longer kicked, ${why}${reset}`, 'error');
      }
      return;
    }
    if (this.starvingSince !== null) {
      const ms = now - this.starvingSince;
      this.starvingSince = null;
      this.d.record('running');
      this.d.log.event(`runtime healthy again after ${(ms / 1000).toFixed(1)} s: watchdog kicked again`, 'warn');
    }
    if (!this.d.watchdog) return;
    const err = this.d.watchdog.kick();
    if (err === 0) this.kicks++;
    else if (err !== this.kickErrno) this.d.log.event(`watchdog kick failed (errno ${err})`, 'error');
    this.kickErrno = err;
  }
}
