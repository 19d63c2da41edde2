/**
 * The peers accepted into the cluster, as last heard, and which changes in their adverts are
 * election inputs (REFERENCE.md: the election runs again whenever an input changes).
 */
import { type Advert, claimsPrimary } from './advert.js';
import type { Candidate } from './election.js';
import { PeerAges } from './peer-ages.js';
import type { MemberView } from './snapshot.js';

export interface Peer {
  readonly serial: string;
  advert: Advert;
  /** When `advert` arrived (monotonic ms). */
  rxAt: number;
  /** The link `advert` arrived on. */
  link: string;
}

export interface PeerUpdate {
  joined: boolean;
  /** An older frame that crossed a later one on the other link: proof of life, nothing more. */
  stale: boolean;
  /** What changed among the peer's election inputs ("priority 128 -> 200"), or null. */
  change: string | null;
}

export class Members {
  readonly #peers = new Map<string, Peer>();
  /** Kept across a peer's loss and rejoin; beacons feed it too (Cluster.beacon). */
  readonly ages = new PeerAges();

  get size(): number {
    return this.#peers.size;
  }

  has(serial: string): boolean {
    return this.#peers.has(serial);
  }

  get(serial: string): Peer | undefined {
    return this.#peers.get(serial);
  }

  all(): Peer[] {
    return [...this.#peers.values()];
  }

  update(serial: string, link: string, advert: Advert, now: number): PeerUpdate {
    const peer = this.#peers.get(serial);
    if (peer && now < peer.rxAt) return { joined: false, stale: true, change: null };
    // One second older than the advert held, from the other link: a frame that crossed a later
    // one (a turn reads each link to its end in turn). Stale, not an age reset; frames on one
    // link keep their order, so there it is a reset (1 s -> 0 s).
    if (peer && link !== peer.link && advert.ageS === peer.advert.ageS - 1) return { joined: false, stale: true, change: null };
    this.ages.note(serial, advert.ageS, advert.hbIntervalMs, now);
    if (!peer) {
      this.#peers.set(serial, { serial, advert, rxAt: now, link });
      return { joined: true, stale: false, change: null };
    }
    const change = electionChange(peer.advert, advert);
    peer.advert = advert;
    peer.rxAt = now;
    peer.link = link;
    return { joined: false, stale: false, change };
  }

  remove(serial: string): boolean {
    return this.#peers.delete(serial);
  }

  /**
   * Peers that stand in the election: every member not in `hello`. A unit still negotiating
   * must not take the role from a working primary; it stands once it leaves hello.
   */
  /** Peers standing in the election; with `negotiating`, also those still in hello. */
  candidates(now: number, negotiating = false): Candidate[] {
    const out: Candidate[] = [];
    for (const p of this.#peers.values()) {
      if (p.advert.state === 'hello' && !negotiating) continue;
      const a = p.advert;
      out.push({
        serial: p.serial,
        priority: a.priority,
        ageMs: this.ageMs(p, now),
        monitorUp: a.monitorUp,
        failover: a.failover,
        sessionsReady: a.sessionsReady,
      });
    }
    return out;
  }

  /** Whether some peer says it is the working primary. */
  anyWorking(): boolean {
    for (const p of this.#peers.values()) if (claimsPrimary(p.serial, p.advert)) return true;
    return false;
  }

  /** Whether some peer already works or stands by: a formed cluster to join. */
  anyFormed(): boolean {
    for (const p of this.#peers.values()) if (p.advert.state !== 'hello') return true;
    return false;
  }

  /** A peer's HA age as seen now (peer-ages.ts). */
  ageMs(p: Peer, now: number): number {
    return this.ages.ageMs(p.serial, p.advert.ageS, p.rxAt, now);
  }

  /** Whether a peer that stands in the election has override enabled. */
  candidateOverride(): boolean {
    for (const p of this.#peers.values()) if (p.advert.state !== 'hello' && p.advert.override) return true;
    return false;
  }
}

export function electionChange(prev: Advert, next: Advert): string | null {
  const changes: string[] = [];
  if (prev.state === 'hello' && next.state !== 'hello') changes.push('left hello');
  if (prev.state !== 'hello' && next.state === 'hello') changes.push('is back in hello');
  if (next.priority !== prev.priority) changes.push(`priority ${prev.priority} -> ${next.priority}`);
  if (next.override !== prev.override) changes.push(`override ${next.override ? 'enabled' : 'disabled'}`);
  if (next.monitorUp !== prev.monitorUp) changes.push(`connected monitored ports ${prev.monitorUp} -> ${next.monitorUp}`);
  if (next.failover !== prev.failover) changes.push(`failover ${next.failover ? 'set' : 'unset'}`);
  if (next.ageS < prev.ageS) changes.push(`age reset (${prev.ageS} s -> ${next.ageS} s)`);
  return changes.length > 0 ? changes.join(', ') : null;
}

export function peerView(p: Peer, ageMs: number, now: number, links: string[]): MemberView {
  const a = p.advert;
  return {
    serial: p.serial,
    hostname: a.hostname,
    firmware: a.firmware,
    state: a.state,
    priority: a.priority,
    override: a.override,
    ageMs,
    monitorUp: a.monitorUp,
    monitorTotal: a.monitorTotal,
    failover: a.failover,
    lastHeardAgoMs: now - p.rxAt,
    links,
    self: false,
  };
}
