/**
 * The secondary's side of the kernel: what the primary sends goes into this unit's own
 * conntrack table, continuously, so that a takeover finds every session already there and has
 * nothing to commit (DESIGN.md, "Session sync").
 *
 * Entries on a secondary must not expire while the primary still has them: traffic refreshes
 * the primary's timers but no event tells of it. So a synced entry goes in with HOLD_S as its
 * timeout and SYNCED_MARK in its mark, and leaves only when the primary's goes (a destroy),
 * when a resync finds the primary no longer has it, or on takeover, when the new primary puts
 * back the timeouts the kernel gives each state (takeover-sweep.ts) and clears the mark.
 */
import type { ConntrackTable, CtKey, CtSession } from '../../hal/conntrack/index.js';
import { E } from '../../hal/errors.js';

/** Longer than any timeout of a live session (TCP established: 5 days), within the kernel's INT_MAX jiffies. */
export const HOLD_S = 10 * 24 * 3600;
/** Bit 31 of the conntrack mark: this entry came from the primary. */
export const SYNCED_MARK = 0x80000000;

export interface ApplyCounters {
  created: number;
  updated: number;
  deleted: number;
  /** Deletions of sessions this kernel did not have (a destroy that crossed a resync). */
  absent: number;
  /** Records the kernel refused, by errno. */
  refused: Record<number, number>;
}

export class SessionApplier {
  readonly counters: ApplyCounters = { created: 0, updated: 0, deleted: 0, absent: 0, refused: {} };

  constructor(private readonly table: ConntrackTable) {}

  /** Puts the primary's sessions into the kernel: created, or updated where they exist. */
  upsert(sessions: CtSession[]): void {
    if (sessions.length === 0) return;
    for (const s of sessions) {
      s.timeout = HOLD_S;
      s.mark = (s.mark | SYNCED_MARK) >>> 0;
    }
    const created = this.table.create(sessions);
    const existing: CtSession[] = [];
    for (const f of created.failures) {
      const s = sessions[f.index];
      if (f.errno === E.EEXIST && s) existing.push(s);
      else this.refuse(f.errno);
    }
    this.counters.created += created.done;
    if (existing.length === 0) return;
    const updated = this.table.update(existing);
    this.counters.updated += updated.done;
    for (const f of updated.failures) this.refuse(f.errno);
  }

  remove(keys: CtKey[]): void {
    if (keys.length === 0) return;
    const r = this.table.delete(keys);
    this.counters.deleted += r.done;
    for (const f of r.failures) {
      if (f.errno === E.ENOENT) this.counters.absent++;
      else this.refuse(f.errno);
    }
  }

  private refuse(errno: number): void {
    this.counters.refused[errno] = (this.counters.refused[errno] ?? 0) + 1;
  }
}
