/**
 * Drives the front-panel LEDs: gathers the unit's state from its sources, maps it to patterns
 * (patterns.ts, board-leds.ts) and shows them through the HAL, whose driver writes only what
 * changed. Refreshed on every change the sources announce and once a second for the config
 * sync state, which announces none. A broken LED is logged once and otherwise ignored: LEDs
 * never stop the firmware.
 */
import type { BoardDefinition } from '../../board/types.js';
import { HalError } from '../../hal/errors.js';
import type { Led, LedDevice } from '../../hal/led/index.js';
import type { MemberSyncState } from '../control/config-sync.js';
import type { HaSnapshot } from '../ha/snapshot.js';
import type { Logger } from '../log/logger.js';
import type { Cancel, Timers } from '../time/timers.js';
import { boardPatterns, sysfsLedNames } from './board-leds.js';
import { type LedInputs, ledLights } from './patterns.js';

export const LED_REFRESH_MS = 1000;

export interface LedSources {
  ha(): HaSnapshot | null;
  configSync(): readonly MemberSyncState[];
  sessionsReady(): boolean;
  alarm(): string | undefined;
}

export interface LedRuntimeOptions {
  device: LedDevice;
  board: Pick<BoardDefinition, 'leds' | 'ledRoot'>;
  timers: Timers;
  log: Logger;
}

export class LedRuntime {
  readonly #o: LedRuntimeOptions;
  readonly #leds = new Map<string, Led>();
  /** The last failure logged per LED, so a persistent one is said once. */
  readonly #failed = new Map<string, string>();
  #sources: LedSources | null = null;
  #cancel: Cancel = () => {};

  constructor(o: LedRuntimeOptions) {
    this.#o = o;
    for (const name of sysfsLedNames(o.board.leds)) {
      try {
        this.#leds.set(name, o.device.open(o.board.ledRoot, name));
      } catch (err) {
        this.#report(name, err);
      }
    }
    if (o.board.leds.some((l) => l.driver === 'gpio'))
      o.log.event('GPIO-wired LEDs are not driven by this firmware (no GPIO driver yet)', 'warn');
    this.refresh();
  }

  /** From now on the unit runs: the state comes from these sources. */
  running(sources: LedSources): void {
    this.#sources = sources;
    this.refresh();
  }

  /** Shows the current state; the sources call it on every change. */
  refresh(): void {
    this.#cancel();
    this.#show(this.#inputs());
    this.#cancel = this.#o.timers.after(LED_REFRESH_MS, () => this.refresh());
  }

  /** Darkens every LED: a stopped firmware must not leave a role lit. */
  stop(): void {
    this.#cancel();
    this.#show(null);
  }

  #inputs(): LedInputs {
    const s = this.#sources;
    const snap = s?.ha() ?? null;
    return {
      running: s !== null,
      alarm: s?.alarm(),
      ha: snap && {
        enabled: snap.enabled,
        state: snap.state,
        members: snap.members.length,
        refused: snap.refused.length,
        rivals: snap.beacons.rivals.length,
      },
      configSync: s?.configSync() ?? [],
      sessionsReady: s?.sessionsReady() ?? false,
    };
  }

  #show(inputs: LedInputs | null): void {
    const lights = inputs ? ledLights(inputs) : { status: null, ha: null, sync: null };
    for (const [name, pattern] of boardPatterns(this.#o.board.leds, lights)) {
      try {
        this.#leds.get(name)?.set(pattern);
        this.#failed.delete(name);
      } catch (err) {
        this.#report(name, err);
      }
    }
  }

  #report(name: string, err: unknown): void {
    if (!(err instanceof HalError)) throw err;
    if (this.#failed.get(name) === err.message) return;
    this.#failed.set(name, err.message);
    this.#o.log.event(`LED ${name} cannot be driven: ${err.message}`, 'warn');
  }
}
