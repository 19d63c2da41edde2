/**
 * A kernel tracks each TCP session's sequence windows, and the ruleset drops what falls outside
 * them (`ct state invalid drop`, ruleset.ts). When another unit carried a session for a while (a
 * split brain, a dual primary, a takeover while this unit was frozen, a failover and back), the
 * stream moved on there: this kernel's windows are stale. Both directions then fall outside
 * them (each acknowledges data this kernel never saw), nothing passes that would move them, and
 * the stream hangs for good (README, "Stale TCP windows"): a blackhole for the sessions that
 * survived everything else.
 *
 * So whenever traffic may come back to this unit from another (it took over; it holds the ports
 * and another unit may have carried the traffic meanwhile, announce-watch.ts), the sessions it
 * already had stop being window-checked: the namespace's switch goes on at once, for every
 * session, while a walk of the table sets BE_LIBERAL on each TCP session, and goes off once the
 * walk is done. Sessions that start afterwards are checked as usual. Synced entries no packet
 * has touched are left alone: they learn their windows from the first packets (applier.ts).
 *
 * Each relaxed session raises a conntrack update event, which session sync passes on to the
 * secondaries; past a first burst the walk keeps to a rate the sync keeps pace with (the switch
 * covers the sessions it has not reached). A walk that fails leaves the switch on (unchecked
 * windows rather than hung streams) and is tried again.
 */
import { type ConntrackDevice, type CtSession, type CtTcpInfo, PROTO, TCP_FLAG } from '../../hal/conntrack/index.js';
import { E } from '../../hal/errors.js';
import type { Logger } from '../log/logger.js';
import { untouchedSinceSynced } from '../sessions/applier.js';
import type { Cancel, Timers } from '../time/timers.js';

/**
 * Sessions relaxed at once; beyond them, RELAX_PER_S (session sync keeps pace at 80k/s, README
 * "Benchmarks"). The burst leaves room in the primary's event buffer (about 64k events) for the
 * takeover sweep's own events and the traffic's.
 */
export const RELAX_BURST = 20_000;
export const RELAX_PER_S = 40_000;
/** After a walk failed. */
export const RETRY_MS = 10_000;

export interface StaleWindowsOptions {
  conntrack: ConntrackDevice;
  now: () => number;
  timers: Timers;
  log: Logger;
  /** RELAX_BURST and RELAX_PER_S unless given. */
  burst?: number;
  perS?: number;
}

/** What one walk did. */
interface RelaxResult {
  relaxed: number;
  /** Sessions the kernel refused to change (not those that ended meanwhile). */
  refused: number;
  tookMs: number;
}

const liberal = (t: CtTcpInfo): boolean => (t.flagsOrig & t.flagsReply & TCP_FLAG.BE_LIBERAL) !== 0;

/** A TCP session this kernel tracks and still checks. */
const stale = (s: CtSession): boolean =>
  s.orig.proto === PROTO.TCP && s.tcp !== null && !liberal(s.tcp) && !untouchedSinceSynced(s);

export class StaleWindows {
  readonly #o: StaleWindowsOptions;
  #walking = false;
  /** Reasons that came while a walk ran (or waited to be tried again): one more walk follows. */
  readonly #again = new Set<string>();
  #retry: Cancel | null = null;
  #closed = false;

  constructor(o: StaleWindowsOptions) {
    this.#o = o;
  }

  /** Traffic may come back from another unit, for `reason`. */
  relax(reason: string): void {
    if (this.#closed) return;
    this.#again.add(reason);
    if (this.#walking) return;
    this.#retry?.();
    this.#retry = null;
    this.#walking = true;
    void this.#walk().finally(() => {
      this.#walking = false;
    });
  }

  /** No more walks; one running stops at its next batch. */
  close(): void {
    this.#closed = true;
    this.#retry?.();
    this.#retry = null;
  }

  async #walk(): Promise<void> {
    const { conntrack, log } = this.#o;
    try {
      conntrack.setTcpLiberal(true);
    } catch (err) {
      log.warn(`TCP window checks could not be turned off for the walk: ${(err as Error).message}`);
    }
    while (this.#again.size > 0 && !this.#closed) {
      const reason = [...this.#again].join('; ');
      this.#again.clear();
      let result: RelaxResult;
      try {
        result = await this.#relaxAll();
      } catch (err) {
        if (this.#closed) return;
        log.event(
          `relaxing the TCP windows of sessions another unit may have carried failed (${reason}): ${(err as Error).message}; ` +
            `window checks stay off for every session until a walk succeeds (next try in ${RETRY_MS / 1000} s)`,
          'error',
        );
        this.#again.add(reason);
        this.#retry = this.#o.timers.after(RETRY_MS, () => this.relax(reason));
        return;
      }
      if (result.relaxed > 0 || result.refused > 0) {
        log.event(
          `TCP sessions another unit may have carried (${reason}): window checks relaxed on ${result.relaxed} ` +
            `in ${result.tookMs.toFixed(0)} ms${result.refused > 0 ? `, refused by the kernel on ${result.refused}` : ''}`,
          result.refused > 0 ? 'warn' : 'info',
        );
      }
    }
    if (this.#closed) return;
    try {
      conntrack.setTcpLiberal(false);
    } catch (err) {
      log.warn(`TCP window checks could not be turned back on: ${(err as Error).message}`);
    }
  }

  async #relaxAll(): Promise<RelaxResult> {
    const started = this.#o.now();
    const table = this.#o.conntrack.open();
    const result: RelaxResult = { relaxed: 0, refused: 0, tookMs: 0 };
    try {
      for await (const batch of table.dump()) {
        if (this.#closed) break;
        const keys = batch.filter(stale);
        if (keys.length === 0) continue;
        const r = table.relaxTcpWindows(keys);
        result.relaxed += r.done;
        result.refused += r.failures.filter((f) => f.errno !== E.ENOENT).length;
        await this.#pace(result.relaxed, started);
      }
    } finally {
      table.close();
    }
    result.tookMs = this.#o.now() - started;
    return result;
  }

  /** Waits until `relaxed` sessions are within the burst plus the rate since `started`. */
  async #pace(relaxed: number, started: number): Promise<void> {
    const aheadMs =
      ((relaxed - (this.#o.burst ?? RELAX_BURST)) / (this.#o.perS ?? RELAX_PER_S)) * 1000 - (this.#o.now() - started);
    if (aheadMs <= 0) return;
    await new Promise<void>((resolve) => this.#o.timers.after(aheadMs, resolve));
  }
}
