/**
 * The run record: one small file in flash saying how the current run of the firmware is doing
 * (running, starving its watchdog and why, or stopped cleanly). The next boot reads it, with the
 * watchdog's boot status and the kernel's boot id, to say why the last run ended.
 */
import type { StorageDevice } from '../../hal/storage/index.js';
import { WDIOF_CARDRESET } from '../../hal/watchdog/index.js';
import type { Level } from '../log/logger.js';

export type RunState = 'running' | 'starving' | 'stopped';

export interface RunRecord {
  state: RunState;
  /** The kernel's boot id during that run: tells a reboot from a firmware restart. */
  kernelBoot: string;
  /** Wall time of the state change (ISO 8601). */
  sinceWall: string;
  /** Why it is starving, or what stopped it. */
  reason?: string;
}

const STATES: readonly RunState[] = ['running', 'starving', 'stopped'];

export class RunRecords {
  constructor(
    private readonly storage: StorageDevice,
    readonly path: string,
  ) {}

  /** The record, or undefined when it is missing or unreadable (a first boot, a damaged file). */
  read(): RunRecord | undefined {
    let value: unknown;
    try {
      value = JSON.parse(this.storage.read(this.path) ?? 'null');
    } catch {
      return undefined;
    }
    if (typeof value !== 'object' || value === null) return undefined;
    const r = value as Record<string, unknown>;
    if (!STATES.includes(r.state as RunState) || typeof r.kernelBoot !== 'string' || typeof r.sinceWall !== 'string') {
      return undefined;
    }
    const reason = typeof r.reason === 'string' ? r.reason : undefined;
    return { state: r.state as RunState, kernelBoot: r.kernelBoot, sinceWall: r.sinceWall, ...(reason ? { reason } : {}) };
  }

  /** Replaces the record atomically; throws HalError when flash cannot be written. */
  write(record: RunRecord): void {
    this.storage.writeAtomic(this.path, `${JSON.stringify(record)}\n`);
  }
}

export interface RunEnd {
  text: string;
  level: Level;
}

/**
 * Why the previous run ended. `kernelBoot` is this boot's kernel boot id; `bootStatus` the
 * watchdog's WDIOF_* flags (undefined when unknown).
 */
export function previousRunEnd(
  prev: RunRecord | undefined,
  kernelBoot: string | undefined,
  bootStatus: number | undefined,
): RunEnd {
  if (!prev) return { text: 'no record of an earlier run (first boot, or the record was lost)', level: 'info' };
  if (prev.state === 'stopped')
    return { text: `clean shutdown (${prev.reason ?? 'stopped'}) at ${prev.sinceWall}`, level: 'info' };
  const starving = prev.state === 'starving' ? `${prev.reason ?? 'unhealthy'} (from ${prev.sinceWall})` : null;
  if (kernelBoot !== undefined && prev.kernelBoot === kernelBoot) {
    return {
      text: starving
        ? `the firmware ended while its watchdog was starving: ${starving}; the kernel kept running`
        : 'the firmware ended without shutting down (crashed or killed); the kernel kept running',
      level: 'warn',
    };
  }
  if (bootStatus !== undefined && (bootStatus & WDIOF_CARDRESET) !== 0) {
    return {
      text: starving
        ? `watchdog reset: ${starving}`
        : 'watchdog reset: no thread of the firmware ran to record why (the whole process hung or was frozen)',
      level: 'error',
    };
  }
  return {
    text: starving
      ? `reboot while the watchdog was starving: ${starving}`
      : 'power loss or reset without a shutdown (the firmware was running)',
    level: 'warn',
  };
}
