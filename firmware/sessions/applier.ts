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
 *
 * Expectations (a helper's expected connection, synced with `session-pickup-expectation`) go in
 * as the primary's helper made them, of the synced master: after a takeover the data
 * connection a client was told of before it finds the expectation, and passes as related. They
 * carry no mark and no hold: a new one runs for its helper's timeout from when it arrives (ftp:
 * 300 s, as on the primary), and goes earlier when the primary's goes.
 */
import {
  type ConntrackTable,
  type CtExpectation,
  type CtExpectationKey,
  type CtFailure,
  type CtKey,
  type CtSession,
  PROTO,
} from '../../hal/conntrack/index.js';
import { E } from '../../hal/errors.js';
import { LONGEST_STATE_TIMEOUT_S } from './state-timeouts.js';

/** Longer than any timeout of a live session (TCP established: 5 days), within the kernel's INT_MAX jiffies. */
export const HOLD_S = 10 * 24 * 3600;

/**
 * A synced entry no packet has touched since it was put in: it still carries the hold, longer
 * than any timeout a packet leaves (a new primary forwards through synced entries until its
 * sweep clears their mark, takeover-sweep.ts).
 */
export function untouchedSinceSynced(s: CtSession): boolean {
  return (s.mark & SYNCED_MARK) !== 0 && s.timeout > LONGEST_STATE_TIMEOUT_S;
}

/** Bit 31 of the conntrack mark: this entry came from the primary. */
export const SYNCED_MARK = 0x80000000;

export interface ApplyCounters {
  created: number;
  /** Created in place of an entry with the same tuple. */
  replaced: number;
  /** Existing entries changed by a record without TCP tracking. */
  updated: number;
  deleted: number;
  /** Deletions of sessions this kernel did not have (a destroy that crossed a resync). */
  absent: number;
  /** Expectations created (or refreshed, when already there) and deleted. */
  expectations: number;
  expectationsDeleted: number;
  /** Expectations whose master this kernel does not have (ENOENT). */
  orphans: number;
  /** Records the kernel refused, by errno. */
  refused: Record<number, number>;
}

export class SessionApplier {
  readonly counters: ApplyCounters = {
    created: 0,
    replaced: 0,
    updated: 0,
    deleted: 0,
    absent: 0,
    expectations: 0,
    expectationsDeleted: 0,
    orphans: 0,
    refused: {},
  };

  constructor(private readonly table: ConntrackTable) {}

  /**
   * Puts the primary's sessions into the kernel: created, or replaced where an entry with the
   * same tuple exists. Replaced, not just updated: an entry this kernel tracked itself (from a life
   * as primary before a restart, or a reused port) keeps its TCP window tracking through an
   * update, and a stream that moved on since is out of that window: its packets would be
   * invalid after a takeover. A created entry learns the window from the first packets.
   */
  upsert(sessions: CtSession[]): void {
    if (sessions.length === 0) return;
    for (const s of sessions) {
      s.timeout = HOLD_S;
      s.mark = (s.mark | SYNCED_MARK) >>> 0;
    }
    const created = this.table.create(sessions);
    this.counters.created += created.done;
    const existing = this.existing(sessions, created.failures);
    if (existing.length === 0) return;
    // A record without TCP tracking (a status change's event) must not wipe the state the
    // entry has: that one is updated. The first record of a session (its new event, or a
    // resync's) always carries the tracking, and replaces.
    const replace = existing.filter((s) => s.tcp !== null || s.orig.proto !== PROTO.TCP);
    const update = existing.filter((s) => s.tcp === null && s.orig.proto === PROTO.TCP);
    if (replace.length > 0) {
      this.table.delete(replace);
      const again = this.table.create(replace);
      this.counters.replaced += again.done;
      for (const f of again.failures) this.refuse(f.errno);
    }
    if (update.length > 0) {
      const updated = this.table.update(update);
      this.counters.updated += updated.done;
      for (const f of updated.failures) this.refuse(f.errno);
    }
  }

  /**
   * Puts the primary's expectations into the kernel; the caller has applied their masters first.
   * Returns how many had no master here (ENOENT): its master was left out, or a resync is
   * replacing it, and the resync sends its expectations again after every session.
   */
  expect(expectations: CtExpectation[]): number {
    if (expectations.length === 0) return 0;
    const r = this.table.createExpectations(expectations);
    this.counters.expectations += r.done;
    let orphans = 0;
    for (const f of r.failures) {
      if (f.errno === E.ENOENT) orphans++;
      else this.refuse(f.errno);
    }
    this.counters.orphans += orphans;
    return orphans;
  }

  /** Removes expectations the primary's helper no longer has; one already gone here is counted as absent. */
  unexpect(keys: CtExpectationKey[]): void {
    if (keys.length === 0) return;
    const r = this.table.deleteExpectations(keys);
    this.counters.expectationsDeleted += r.done;
    for (const f of r.failures) {
      if (f.errno === E.ENOENT) this.counters.absent++;
      else this.refuse(f.errno);
    }
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

  /** The sessions a create refused because they exist; other refusals are counted. */
  private existing(sessions: CtSession[], failures: readonly CtFailure[]): CtSession[] {
    const out: CtSession[] = [];
    for (const f of failures) {
      const s = sessions[f.index];
      if (f.errno === E.EEXIST && s) out.push(s);
      else this.refuse(f.errno);
    }
    return out;
  }

  private refuse(errno: number): void {
    this.counters.refused[errno] = (this.counters.refused[errno] ?? 0) + 1;
  }
}
