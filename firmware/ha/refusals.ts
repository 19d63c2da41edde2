/**
 * Peers refused from the cluster and why. A refusal is news (an event for the log) once per
 * (serial, reason): not once per heartbeat. It is news again after the reason changes or after
 * the peer was accepted in between.
 */
import type { RefusalView } from './snapshot.js';

interface Refusal {
  link: string;
  reason: string;
  count: number;
  lastAt: number;
}

export class Refusals {
  readonly #bySerial = new Map<string, Refusal>();
  #frames = 0;

  /** Heartbeats refused since start (never goes down, unlike the per-peer counts). */
  get frames(): number {
    return this.#frames;
  }

  /** Records a refused heartbeat; true when this is news. */
  refuse(serial: string, link: string, reason: string, now: number): boolean {
    this.#frames++;
    const r = this.#bySerial.get(serial);
    if (r && r.reason === reason) {
      r.count++;
      r.link = link;
      r.lastAt = Math.max(r.lastAt, now);
      return false;
    }
    this.#bySerial.set(serial, { link, reason, count: 1, lastAt: now });
    return true;
  }

  accept(serial: string): void {
    this.#bySerial.delete(serial);
  }

  view(now: number): RefusalView[] {
    return [...this.#bySerial].map(([serial, r]) => ({
      serial,
      link: r.link,
      reason: r.reason,
      count: r.count,
      lastAgoMs: now - r.lastAt,
    }));
  }
}
