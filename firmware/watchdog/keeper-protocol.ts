/** Messages between the main thread and the watchdog keeper thread (keeper-worker.ts). */
import type { LogRecord } from '../log/logger.js';
import type { HealthLimits } from './health.js';

export interface KeeperInit {
  device: string;
  timeoutS: number;
  limits: HealthLimits;
  /** HealthStamps' shared memory (an fd of this process), which the heartbeat worker maps too. */
  healthFd: number;
  /** The run record's path in flash. */
  recordPath: string;
  /** This boot's kernel boot id, written into every run record. */
  kernelBoot: string;
  /** The service manager's watchdog: its $NOTIFY_SOCKET and the ping interval; null when it is off. */
  service: { socket: string; intervalMs: number } | null;
}

export type ToKeeper = { type: 'stop'; reason: string };

export type FromKeeper =
  | { type: 'log'; record: LogRecord }
  /** The device is open (timeoutS: what it runs with, null when it keeps its own), or why not. */
  | { type: 'opened'; timeoutS: number | null }
  | { type: 'unavailable'; reason: string }
  | { type: 'stopped' };
