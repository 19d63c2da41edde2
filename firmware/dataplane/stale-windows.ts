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
 * and a peer claimed the role meanwhile, announce-watch.ts), the sessions it already had stop
 * being window-checked: the namespace's switch goes on at once, for every session, while a walk
 * of the table sets BE_LIBERAL on each TCP session, and goes off once the walk is done. Sessions
 * that start afterwards are checked as usual. Synced entries are left alone: created by session
 * sync, they have seen no packet and learn their windows from the first ones (applier.ts). A
 * walk that fails leaves the switch on: unchecked windows rather than hung streams.
 */
import { type ConntrackDevice, type CtSession, type CtTcpInfo, PROTO, TCP_FLAG } from '../../hal/conntrack/index.js';
import { E } from '../../hal/errors.js';
import type { Logger } from '../log/logger.js';
import { SYNCED_MARK } from '../sessions/applier.js';

export interface StaleWindowsOptions {
  conntrack: ConntrackDevice;
  now: () => number;
  log: Logger;
}

/** What one walk did. */
export interface RelaxResult {
  relaxed: number;
  /** Sessions the kernel refused to change (not those that ended meanwhile). */
  refused: number;
  tookMs: number;
}

const liberal = (t: CtTcpInfo): boolean => (t.flagsOrig & t.flagsReply & TCP_FLAG.BE_LIBERAL) !== 0;

/** A TCP session this kernel has tracked itself and still checks. */
const stale = (s: CtSession): boolean =>
  s.orig.proto === PROTO.TCP && s.tcp !== null && !liberal(s.tcp) && (s.mark & SYNCED_MARK) === 0;

export class StaleWindows {
  readonly #o: StaleWindowsOptions;
  #walking: Promise<void> | null = null;
  /** A reason that came while a walk ran: one more walk follows, for the sessions the first had passed. */
  #again: string | null = null;

  constructor(o: StaleWindowsOptions) {
    this.#o = o;
  }

  /** Traffic may come back from another unit, for `reason`. */
  relax(reason: string): void {
    if (this.#walking) {
      this.#again = this.#again === null ? reason : `${this.#again}; ${reason}`;
      return;
    }
    this.#walking = this.#walk(reason).finally(() => {
      this.#walking = null;
    });
  }

  async #walk(first: string): Promise<void> {
    const { conntrack, log } = this.#o;
    try {
      conntrack.setTcpLiberal(true);
    } catch (err) {
      log.warn(`TCP window checks could not be turned off for the walk: ${(err as Error).message}`);
    }
    for (let reason: string | null = first; reason !== null; reason = this.#takeAgain()) {
      let result: RelaxResult;
      try {
        result = await this.#relaxAll();
      } catch (err) {
        log.event(
          `relaxing the TCP windows of sessions another unit may have carried failed (${reason}): ${(err as Error).message}; ` +
            'window checks stay off for every session until a walk succeeds',
          'error',
        );
        this.#again = null;
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
    try {
      conntrack.setTcpLiberal(false);
    } catch (err) {
      log.warn(`TCP window checks could not be turned back on: ${(err as Error).message}`);
    }
  }

  #takeAgain(): string | null {
    const again = this.#again;
    this.#again = null;
    return again;
  }

  async #relaxAll(): Promise<RelaxResult> {
    const started = this.#o.now();
    const table = this.#o.conntrack.open();
    const result: RelaxResult = { relaxed: 0, refused: 0, tookMs: 0 };
    try {
      for await (const batch of table.dump()) {
        const keys = batch.filter(stale);
        if (keys.length === 0) continue;
        const r = table.relaxTcpWindows(keys);
        result.relaxed += r.done;
        result.refused += r.failures.filter((f) => f.errno !== E.ENOENT).length;
      }
    } finally {
      table.close();
    }
    result.tookMs = this.#o.now() - started;
    return result;
  }
}
