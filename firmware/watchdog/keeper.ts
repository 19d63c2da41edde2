/**
 * The watchdog keeper's decision, once per kick period: kick only while the runtime is healthy
 * (health.ts). When it turns unhealthy, the keeper stops kicking, says so in the event log and
 * writes the reason into the run record first, so that the boot after the reset can tell why.
 * If the runtime recovers before the timeout, kicking resumes and the record says running again.
 *
 * The service manager's watchdog (systemd's WatchdogSec, service-watchdog.ts) is pinged here too,
 * on the same verdict, rather than by the main thread: pings from the main thread would stop when
 * it blocks but go on while the heartbeat worker stalls, and a blocked main thread cannot write
 * down why it stopped. Here a blocked main thread or a stalled worker stops the pings and the
 * kicks together, and the run record holds the reason the next run reads once systemd has
 * restarted the service.
 */
import type { Clock } from '../../hal/clock/index.js';
import type { Notifier } from '../../hal/notify/index.js';
import type { Watchdog } from '../../hal/watchdog/index.js';
import type { Logger } from '../log/logger.js';
import { type HealthLimits, type HealthStamps, unhealthy } from './health.js';
import type { RunState } from './run-record.js';

export interface KeeperDeps {
  /** null: the board's watchdog could not be opened; health is still judged and recorded. */
  watchdog: Watchdog | null;
  stamps: HealthStamps;
  limits: HealthLimits;
  /** The service manager's watchdog: pinged every `intervalMs` while healthy; null when it is off. */
  service: { notifier: Notifier; intervalMs: number } | null;
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
  private lastPingMs = Number.NEGATIVE_INFINITY;
  private pingErrno = 0;
  kicks = 0;
  pings = 0;

  constructor(private readonly d: KeeperDeps) {}

  get starving(): boolean {
    return this.starvingSince !== null;
  }

  /** One kick period: kicks (and pings when a ping is due), or starts or goes on starving the watchdogs. */
  check(): void {
    const now = this.d.clock.nowMs();
    const why = unhealthy(this.d.stamps, now, this.d.limits);
    if (why !== null) {
      if (this.starvingSince === null) {
        this.starvingSince = now;
        this.d.record('starving', why);
        const reset = this.d.watchdog ? `: the board resets ${this.d.timeoutS} s after the last kick unless it recovers` : '';
        const service = this.d.service;
        const restart = service
          ? `; the service manager restarts the firmware ${(service.intervalMs / 500).toFixed(1)} s after the last ping`
          : '';
        this.d.log.event(`watchdog no longer kicked, ${why}${reset}${restart}`, 'error');
      }
      return;
    }
    if (this.starvingSince !== null) {
      const ms = now - this.starvingSince;
      this.starvingSince = null;
      this.d.record('running');
      this.d.log.event(`runtime healthy again after ${(ms / 1000).toFixed(1)} s: watchdog kicked again`, 'warn');
    }
    this.ping(now);
    if (!this.d.watchdog) return;
    const err = this.d.watchdog.kick();
    if (err === 0) this.kicks++;
    else if (err !== this.kickErrno) this.d.log.event(`watchdog kick failed (errno ${err})`, 'error');
    this.kickErrno = err;
  }

  /** WATCHDOG=1 once `intervalMs` has passed since the last ping that went out; a failed one is tried again next period. */
  private ping(now: number): void {
    const service = this.d.service;
    if (!service || now - this.lastPingMs < service.intervalMs) return;
    const err = service.notifier.send('WATCHDOG=1');
    if (err === 0) {
      this.pings++;
      this.lastPingMs = now;
    } else if (err !== this.pingErrno) {
      this.d.log.event(`service manager watchdog ping failed (errno ${err})`, 'error');
    }
    this.pingErrno = err;
  }
}
