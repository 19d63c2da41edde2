/**
 * What the console may ask of the session table and of session sync: the `diagnose sys
 * session` commands and the session sync lines of the HA status commands. Implemented on the
 * main thread by kernel-sessions.ts, over a conntrack table of its own (the sync worker's
 * tables stay the worker's).
 */
import type { CtSession } from '../../hal/conntrack/index.js';
import type { SyncStatus } from '../sessions/worker-protocol.js';

/** Decides which sessions a listing shows (session-filter.ts). */
export interface SessionMatcher {
  matches(s: CtSession): boolean;
}

/** One walk of the table, for `diagnose sys session stat`. */
export interface SessionTally {
  /** Sessions the dump handed over (the kernel's counter may differ by those opened or closed meanwhile). */
  walked: number;
  /** Sessions by IP protocol number. */
  byProto: Map<number, number>;
  /** TCP sessions by tracking state (TCP_STATE); a dump entry without TCP info counts as NONE. */
  tcpStates: Map<number, number>;
  /** Entries that came from the primary (SYNCED_MARK in their conntrack mark). */
  synced: number;
  expectations: number;
}

export interface SessionListing {
  /** The first sessions that passed the filter, in dump order, at most the limit. */
  sessions: CtSession[];
  /** All sessions that passed, shown or not. */
  matched: number;
}

export interface SessionsControl {
  /** Sessions in the kernel table, from its counter (no dump). */
  count(): number;
  /** Walks the table and its expectations, yielding to the event loop between the kernel's batches. */
  tally(): Promise<SessionTally>;
  /** Walks the table (yielding as tally does) and keeps the first `limit` sessions that `filter` passes. */
  list(filter: SessionMatcher, limit: number): Promise<SessionListing>;
  /** The sync worker's latest status; null when session sync is off. */
  syncStatus(): SyncStatus | null;
}
