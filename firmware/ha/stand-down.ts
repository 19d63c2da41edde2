/**
 * A primary that loses the election to a peer (`execute ha failover set`, a monitored port
 * down, an override take-back) keeps its data ports until the successor's heartbeat says it
 * works: make before break, as a graceful leave does (graceful-leave.ts). Its first frame as
 * standby tells the successor to take over at once; releasing at the same moment, as a stand
 * down did before, left the segment without a gateway for the successor's takeover (up to 3
 * probes of the 1 ms prober lost in 9 of 12 `failover set` runs, README "Fast paths"). A peer that already works (a split
 * brain healing, a take-back by a unit that took over first) ends the hold at once.
 *
 * While it holds, the unit sends neither tick heartbeats nor beacons: its advert already says
 * standby, and the successor announces once more on the first frame after the release
 * (announce-watch.ts), which must not come before it. So the hold is bounded by the peers'
 * detectors as well: a tick postponed by (lost threshold − 2) intervals leaves them one
 * interval to spare, and below a threshold of 3 there is no hold.
 */
import type { HaSettings } from '../config/ha-settings.js';
import { HANDOVER_WAIT_MS } from './graceful-leave.js';
import { heartbeatIntervalMs } from './settings.js';

/** The longest a stand down may hold the ports under `s`; 0 for none. */
export function standDownHoldMs(s: HaSettings): number {
  return Math.max(0, Math.min(HANDOVER_WAIT_MS, heartbeatIntervalMs(s) * (s.hbLostThreshold - 2)));
}

/** Why the ports may go now: no hold was needed, or how the one that ran ended. */
export type HoldEnd = { held: false } | { held: true; successorWorked: boolean; afterMs: number };

export class StandDown {
  /** When the running hold began, or null. */
  #since: number | null = null;
  #holdMs = 0;

  /** Whether the ports are held for a successor. */
  get holding(): boolean {
    return this.#since !== null;
  }

  /** When a hold ends at the latest (the loop wakes for it); +∞ when none runs. */
  get deadline(): number {
    return this.#since === null ? Number.POSITIVE_INFINITY : this.#since + this.#holdMs;
  }

  /**
   * Called on each turn a unit that is no longer primary still holds the ports, with the hold
   * its settings allow now (a commit during the hold may shorten it). Starts a hold when a peer
   * may succeed and none works yet; returns null while the ports stay held, or why they may go.
   */
  poll(now: number, holdMs: number, successorWorks: boolean, hasPeers: boolean): HoldEnd | null {
    this.#holdMs = holdMs;
    if (this.#since === null) {
      if (holdMs <= 0 || successorWorks || !hasPeers) return { held: false };
      this.#since = now;
      return null;
    }
    if (!successorWorks && now < this.deadline) return null;
    const afterMs = now - this.#since;
    this.#since = null;
    return { held: true, successorWorked: successorWorks, afterMs };
  }

  /** Primary again before the hold ended: nothing to release. */
  cancel(): void {
    this.#since = null;
  }
}
