/**
 * Data-port beacons: a primary also advertises itself, at a low rate, on data ports
 * (`data-beacon-dev`), authenticated and encrypted like its heartbeats. When every heartbeat
 * link is down but the data network is not, this is how a unit learns that the peer it lost is
 * alive and primary (CARP's strength, kept with dedicated heartbeat links).
 *
 * A beacon is evidence of life only when it was sent after the sender's heartbeats stopped: it
 * must arrive at least one heartbeat interval after the last heartbeat heard from that unit.
 * A unit that loses power stops both at once, so its beacons never delay a takeover; a unit
 * whose heartbeat links were cut keeps beaconing, so its peer sees it alive before its
 * detector fires and never takes over (no second forwarder at all), or, when both became
 * primary while the data network was split too, the two see each other once it heals and the
 * election settles it.
 */

import type { HaSettings } from '../config/ha-settings.js';
import { type Advert, claimsPrimary } from './advert.js';
import type { Candidate } from './election.js';
import { heartbeatIntervalMs, lostAfterMs } from './settings.js';

const NO_RIVALS: readonly BeaconRival[] = Object.freeze([]);

/** Beacons a rival may miss in a row before it no longer counts. */
const MISSES = 3;

export interface BeaconTiming {
  /** A beacon counts once it comes this long after the sender's last heartbeat. */
  intervalMs: number;
  /** Between two beacons of a primary. */
  periodMs: number;
  /** A rival whose beacons stopped this long ago no longer counts. */
  expireMs: number;
}

/**
 * The beacon period: at least two beacons fall between the missed heartbeat that starts the
 * failure detector's count and its verdict, so a peer whose heartbeat links were cut is seen
 * alive before it would be declared lost (100 ms × 6: a beacon every 250 ms).
 */
export function beaconTiming(s: HaSettings): BeaconTiming {
  const intervalMs = heartbeatIntervalMs(s);
  const periodMs = Math.max(intervalMs, (lostAfterMs(s) - intervalMs) / 2);
  return { intervalMs, periodMs, expireMs: MISSES * periodMs + intervalMs };
}

interface Heard {
  advert: Advert;
  port: string;
  atMs: number;
}

export interface BeaconRival {
  serial: string;
  advert: Advert;
  port: string;
  atMs: number;
}

export class BeaconWatch {
  readonly #lastHeartbeat = new Map<string, number>();
  readonly #beacons = new Map<string, Heard>();

  heartbeat(serial: string, now: number): void {
    this.#lastHeartbeat.set(serial, now);
  }

  beacon(serial: string, port: string, advert: Advert, now: number): void {
    this.#beacons.set(serial, { advert, port, atMs: now });
  }

  /** The unit's latest beacon, if it proves that unit alive and primary without heartbeats. */
  rival(serial: string, now: number, t: BeaconTiming): BeaconRival | null {
    const b = this.#beacons.get(serial);
    if (!b || !claimsPrimary(serial, b.advert) || now - b.atMs > t.expireMs) return null;
    const hb = this.#lastHeartbeat.get(serial);
    if (hb !== undefined && b.atMs - hb < t.intervalMs) return null;
    return { serial, ...b };
  }

  /**
   * Rivals among the units `isMember` rejects (members are judged by their heartbeats). Runs on
   * every heartbeat the cluster takes in: without a rival it allocates nothing.
   */
  rivals(now: number, t: BeaconTiming, isMember: (serial: string) => boolean): readonly BeaconRival[] {
    let out: BeaconRival[] | null = null;
    for (const serial of this.#beacons.keys()) {
      if (isMember(serial)) continue;
      const r = this.rival(serial, now, t);
      if (r) (out ??= []).push(r);
    }
    return out ?? NO_RIVALS;
  }

  /** When the earliest rival stops counting, if its beacons stop now. */
  nextExpiry(now: number, t: BeaconTiming, isMember: (serial: string) => boolean): number {
    let at = Number.POSITIVE_INFINITY;
    for (const r of this.rivals(now, t, isMember)) at = Math.min(at, r.atMs + t.expireMs);
    return at;
  }

  /** Forgets beacons too old to count and units no longer heard at all. */
  prune(now: number, t: BeaconTiming): void {
    for (const [serial, b] of this.#beacons) if (now - b.atMs > t.expireMs) this.#beacons.delete(serial);
    for (const [serial, at] of this.#lastHeartbeat) {
      if (!this.#beacons.has(serial) && now - at > t.expireMs) this.#lastHeartbeat.delete(serial);
    }
  }
}

/** A rival as an election candidate: its advert's inputs, and its age now (peer-ages.ts). */
export function beaconCandidate(r: BeaconRival, ageMs: number): Candidate {
  const a = r.advert;
  return {
    serial: r.serial,
    priority: a.priority,
    ageMs,
    monitorUp: a.monitorUp,
    failover: a.failover,
    sessionsReady: a.sessionsReady,
  };
}
