/**
 * A newly installed image boots on trial (boot-state.ts). Once healthy (health.ts) it is
 * confirmed: it boots from now on and the other slot keeps the previous image. If it is not
 * healthy within the board's bound it restarts, and the boot selector boots the previous image.
 * While on trial the HA election never makes it primary beside a unit it refuses (Cluster.setProbation).
 */
import type { Logger } from '../log/logger.js';
import type { Cancel, Timers } from '../time/timers.js';
import type { FirmwareSlots } from './slots.js';

export interface ProbationOptions {
  slots: FirmwareSlots;
  boundMs: number;
  timers: Timers;
  now: () => number;
  /** Null when healthy, else why not. */
  health: () => string | null;
  /** Tells the HA election (HaRuntime.setProbation). */
  setProbation: (on: boolean) => void;
  /** Restarts the firmware: the selector then boots the previous image. */
  restart: (why: string) => void;
  /** After the image is confirmed (a rolling upgrade's primary waits for it). */
  onConfirmed?: () => void;
  log: Logger;
}

export type ProbationState = 'none' | 'on-trial' | 'confirmed' | 'failed';

/** Health is checked on every HA snapshot and at least this often (config sync has no events to wait on). */
const CHECK_EVERY_MS = 1000;

export class Probation {
  #state: ProbationState = 'none';
  #startedAt = 0;
  #cancel: Cancel | null = null;
  #cancelPoll: Cancel | null = null;
  #lastWhy: string | null = null;

  constructor(private readonly o: ProbationOptions) {}

  get state(): ProbationState {
    return this.#state;
  }

  /** At boot: logs a rollback the selector made, and starts the trial when this image is on one. */
  start(): void {
    const { slots, log } = this.o;
    const rolledBack = slots.takeRolledBack();
    if (rolledBack !== null) {
      log.event(
        `firmware ${slots.describe(rolledBack)} was not confirmed healthy on its trial boot: rolled back to ${slots.describe(slots.running)}`,
        'error',
        { subtype: 'system', fields: { action: 'image-rolled-back' } },
      );
    }
    if (!slots.onTrial()) return;
    this.#state = 'on-trial';
    this.#startedAt = this.o.now();
    this.o.setProbation(true);
    log.event(
      `firmware ${slots.describe(slots.running)} on trial: confirmed once joined and in sync, rolled back unless within ${this.o.boundMs / 1000} s`,
      'info',
      { subtype: 'system', fields: { action: 'image-trial' } },
    );
    this.#cancel = this.o.timers.after(this.o.boundMs, () => this.#expire());
    this.#poll();
  }

  #poll(): void {
    this.#cancelPoll = null;
    this.check();
    if (this.#state === 'on-trial') this.#cancelPoll = this.o.timers.after(CHECK_EVERY_MS, () => this.#poll());
  }

  /** Called whenever an input of the health check may have changed. */
  check(): void {
    if (this.#state !== 'on-trial') return;
    const why = this.o.health();
    this.#lastWhy = why;
    if (why === null) this.#confirm();
  }

  /** Why the trial image is not healthy yet (null once it is, or with no trial). */
  get waitingFor(): string | null {
    return this.#state === 'on-trial' ? this.#lastWhy : null;
  }

  get elapsedMs(): number {
    return this.#state === 'on-trial' ? this.o.now() - this.#startedAt : 0;
  }

  stop(): void {
    this.#cancel?.();
    this.#cancel = null;
    this.#cancelPoll?.();
    this.#cancelPoll = null;
  }

  #confirm(): void {
    const { slots } = this.o;
    this.stop();
    slots.confirm();
    this.#state = 'confirmed';
    this.o.setProbation(false);
    const s = ((this.o.now() - this.#startedAt) / 1000).toFixed(1);
    this.o.log.event(
      `firmware ${slots.describe(slots.running)} confirmed healthy after ${s} s: it boots from now on, ${slots.describe(slots.inactive)} is the fallback`,
      'info',
      { subtype: 'system', fields: { action: 'image-confirmed' } },
    );
    this.o.onConfirmed?.();
  }

  #expire(): void {
    this.#cancel = null;
    this.check();
    if (this.#state !== 'on-trial') return;
    this.#state = 'failed';
    const { slots } = this.o;
    const why = `firmware ${slots.describe(slots.running)} not healthy within ${this.o.boundMs / 1000} s (${this.#lastWhy}): restarting into ${slots.describe(slots.inactive)}`;
    this.o.log.event(why, 'error', { subtype: 'system', fields: { action: 'image-unhealthy' } });
    this.o.restart(why);
  }
}
