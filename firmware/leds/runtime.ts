/**
 * Drives the front-panel LEDs: gathers the unit's state from its sources, maps it to patterns
 * (patterns.ts, board-leds.ts) and shows them through the HAL's sysfs LEDs or, for GPIO-wired
 * ones, through gpio-leds.ts; both write only what changed. Refreshed on every change the
 * sources announce and once a second for the config sync state, which announces none. A broken
 * LED is logged once and otherwise ignored: LEDs never stop the firmware.
 */
import type { BoardDefinition } from '../../board/types.js';
import { HalError } from '../../hal/errors.js';
import type { GpioDevice, Led, LedDevice } from '../../hal/led/index.js';
import type { MemberSyncState } from '../control/config-sync.js';
import type { HaSnapshot } from '../ha/snapshot.js';
import type { Logger } from '../log/logger.js';
import type { Cancel, Timers } from '../time/timers.js';
import { boardPatterns, sysfsLedNames } from './board-leds.js';
import { GpioLeds } from './gpio-leds.js';
import { type LedInputs, ledLights } from './patterns.js';

export const LED_REFRESH_MS = 1000;

export interface LedSources {
  ha(): HaSnapshot | null;
  configSync(): readonly MemberSyncState[];
  sessionsReady(): boolean;
  alarm(): string | undefined;
}

export interface LedRuntimeOptions {
  /** The sysfs LED class, for the board's `driver: 'sysfs'` LEDs. */
  device: LedDevice;
  /** The GPIO chips the board's `driver: 'gpio'` LEDs are wired to. */
  gpio: GpioDevice;
  board: Pick<BoardDefinition, 'leds' | 'ledRoot'>;
  timers: Timers;
  log: Logger;
}

export class LedRuntime {
  readonly #o: LedRuntimeOptions;
  /** Every LED by id (board-leds.ts). */
  readonly #leds = new Map<string, Led>();
  readonly #gpio: GpioLeds;
  /** The last failure logged per LED, so a persistent one is said once. */
  readonly #failed = new Map<string, string>();
  #sources: LedSources | null = null;
  #cancel: Cancel = () => {};
  #stopped = false;

  constructor(o: LedRuntimeOptions) {
    this.#o = o;
    for (const name of sysfsLedNames(o.board.leds)) {
      try {
        this.#leds.set(name, o.device.open(o.board.ledRoot, name));
      } catch (err) {
        this.#report(name, err);
      }
    }
    this.#gpio = new GpioLeds({
      device: o.gpio,
      timers: o.timers,
      leds: o.board.leds,
      onError: (id, err) => this.#report(id, err),
    });
    for (const [id, led] of this.#gpio.leds) this.#leds.set(id, led);
    this.refresh();
  }

  /** From now on the unit runs: the state comes from these sources. */
  running(sources: LedSources): void {
    this.#sources = sources;
    this.refresh();
  }

  /** Shows the current state; the sources call it on every change. Does nothing once stopped. */
  refresh(): void {
    if (this.#stopped) return;
    this.#cancel();
    this.#show(this.#inputs());
    this.#cancel = this.#o.timers.after(LED_REFRESH_MS, () => this.refresh());
  }

  /** Darkens every LED (a stopped firmware must not leave a role lit), then releases the GPIO lines. */
  stop(): void {
    this.#cancel();
    this.#show(null);
    this.#gpio.close();
    this.#stopped = true;
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
