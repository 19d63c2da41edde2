/**
 * After a takeover, the new primary's synced entries still carry the secondary's hold timeout
 * (applier.ts). Traffic refreshes a live session to its state's timeout with its next packet;
 * the sweep gives the rest (sessions that went quiet, or died with the old primary) the
 * timeout the kernel would have given them, and clears the synced mark, so they expire as on
 * any primary. It runs in the background, batch by batch, after the takeover: a takeover's cost
 * never grows with the table.
 */
import type { ConntrackTable, CtSession } from '../../hal/conntrack/index.js';
import { SYNCED_MARK } from './applier.js';

/** The timeout the kernel gives a session in its current state (hal/conntrack timeouts). */
export type StateTimeout = (s: CtSession) => number;

export interface SweepResult {
  swept: number;
  refused: number;
}

/** Restores state timeouts of every synced entry; resolves when the whole table was seen. */
export async function sweepSyncedEntries(table: ConntrackTable, timeoutOf: StateTimeout): Promise<SweepResult> {
  const result: SweepResult = { swept: 0, refused: 0 };
  for await (const batch of table.dump()) {
    const synced = batch.filter((s) => (s.mark & SYNCED_MARK) !== 0);
    if (synced.length === 0) continue;
    for (const s of synced) {
      s.timeout = Math.min(s.timeout, timeoutOf(s));
      s.mark = (s.mark & ~SYNCED_MARK) >>> 0;
    }
    const r = table.update(synced);
    result.swept += r.done;
    result.refused += r.failures.length;
  }
  return result;
}
