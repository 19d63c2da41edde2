/** What the console may ask of the HA runtime. Implemented on the main thread by firmware/ha/. */
import type { SumsMessage } from '../control/api.js';
import type { MemberSyncStatus } from '../control/config-sync.js';
import type { RemoteSession } from '../control/remote-console.js';
import type { HaSnapshot } from '../ha/snapshot.js';
import type { RemoteLinkView } from '../monitor/view.js';

export interface HaControl {
  /** The latest state the heartbeat worker reported (refreshed on every change and every second). */
  snapshot(): HaSnapshot;
  /** `execute ha failover set|unset`: makes this unit lose (or rejoin) elections. */
  setFailover(on: boolean): void;
  /** `diagnose sys ha reset-uptime`: resets this unit's HA age and re-elects. */
  resetUptime(): void;
  /** `diagnose sys ha clear-stats`: restarts the heartbeat tick jitter statistics. */
  clearStats(): void;
}

/** Test facilities of `diagnose test`. */
export interface DiagControl {
  /** Loads the main thread with allocation for `seconds` (0 stops); returns the console text. */
  mainLoad(seconds: number): string;
  /** Blocks the main thread for `seconds` (the watchdog's test); returns the console text. */
  mainBlock(seconds: number): string;
}

/** Remote link monitoring (ping servers) for `diagnose sys ha port-stats`: firmware/monitor's RemoteLinkMonitor. */
export interface PortStatsSource {
  views(): RemoteLinkView;
}

/** Config sync, for `get system ha status`, `diagnose sys ha checksum cluster` and `execute ha synchronize`: firmware/control's ConfigSync. */
export interface ConfigSyncControl {
  /** Each unit's sync state, this unit first. */
  status(): MemberSyncStatus[];
  /** `execute ha synchronize start`; returns the console text. */
  synchronize(): string;
  /** A peer's sums, or null when it did not answer in time. */
  requestSums(serial: string): Promise<SumsMessage | null>;
}

/** `execute ha manage`: firmware/control's RemoteConsoles. */
export interface RemoteConsoleControl {
  /** A session on `target` for `admin`, its first reply the password prompt; or why not (console text). */
  open(target: string, admin: string): Promise<RemoteSession | string>;
}
