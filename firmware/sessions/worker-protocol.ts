/** Messages between the main thread and the session sync worker thread (worker.ts). */
import type { HaSettings } from '../config/ha-settings.js';
import type { KeyRingSpec } from '../ha/wire/key-ring.js';
import type { LogRecord } from '../log/logger.js';
import type { ApplyCounters } from './applier.js';
import type { FeedView, PrimaryCounters } from './primary-sync.js';
import type { SecondaryCounters, SecondaryView } from './secondary-sync.js';
import type { LinkCounters } from './sync-link.js';
import type { SyncPortSpec } from './sync-ports.js';

/** What this unit is to session sync: the primary feeds its secondaries; a secondary follows the primary. */
export type SyncRole = { role: 'primary'; secondaries: string[] } | { role: 'secondary'; primary: string } | { role: 'idle' };

export interface SyncSetup {
  /** Everything but the keys, which the ring says (SyncWorkerInit `keys`, ToSyncWorker `keys`). */
  settings: HaSettings;
  /** `session-sync-dev` ports, then the heartbeat links (falling hbdev priority), resolved. */
  dedicated: SyncPortSpec[];
  fallback: SyncPortSpec[];
  /** The unit's own addresses: sessions that end on it are not synced. */
  localAddresses: string[];
}

export interface SyncWorkerInit extends SyncSetup {
  serial: string;
  /** A boot id above every earlier one (firmware/ha/boot-ids.ts): the sealer's, and the epochs' base. */
  bootId: number;
  /** Where the boot id counter lives in flash, for when the sealer's sequences run out. */
  bootIdPath: string;
  /** What sync frames are sealed and opened with (firmware/ha/wire/key-ring.ts). */
  keys: KeyRingSpec;
}

export type ToSyncWorker =
  | { type: 'setup'; setup: SyncSetup }
  /** A new key ring (docs/config-sync-plan.md §6). */
  | { type: 'keys'; ring: KeyRingSpec }
  | { type: 'role'; role: SyncRole }
  | { type: 'stop' };

export interface SyncStatus {
  role: SyncRole['role'];
  portsInUse: string[];
  link: LinkCounters;
  rejected: Record<string, number>;
  primary: { counters: PrimaryCounters; feeds: FeedView[] } | null;
  secondary: { counters: SecondaryCounters; view: SecondaryView; applied: ApplyCounters } | null;
  /** Sessions in this unit's kernel table. */
  kernelSessions: number;
}

export type FromSyncWorker =
  | { type: 'status'; status: SyncStatus }
  | { type: 'ready'; ready: boolean }
  | { type: 'log'; record: LogRecord }
  | { type: 'stopped' };
