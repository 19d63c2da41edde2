/**
 * Peers' HA ages to within half a heartbeat gap instead of a second. An advert carries its
 * sender's age in whole seconds (the body is encoded once a second, not per frame: wire/body.ts),
 * so an age read from one advert runs up to 1 s behind. Two units ranking ages that differ by
 * about `ha-uptime-diff-margin` could then each find itself the elder and both work until the
 * dual-primary watch settles it (dual-primary.ts). In the rig (margin 1 s) that happened on
 * about one heal in twenty of a flap storm: a 30 ms dual primary each time.
 *
 * The second ticks over between two frames, so the first frame carrying a new value arrived at
 * most one gap after the peer's age reached it: its age then is the new value plus half the
 * gap, give or take half the gap. From there it grows with the local clock. The estimate is kept
 * across a peer's loss and rejoin, and replaced by a tighter one or when an advert contradicts
 * it (the peer's age was reset, or it rebooted).
 *
 * Frames are timed when the worker reads them, not when they arrived. A late turn reads a
 * backlog at one time, so a gap shorter than half the sender's interval is a backlog's, not a
 * tick-over's, and dates nothing. A backlog that still passes can leave an estimate off by more
 * than it claims; the sender's next tick-over then contradicts it and it is dated afresh.
 */

interface AgeTrack {
  /** The last advert's age (s) and when it arrived (monotonic ms). */
  lastS: number;
  lastAt: number;
  /** The age (ms) estimated at `refAt`, within ± `refErrMs`; NaN before the first tick-over. */
  refMs: number;
  refAt: number;
  refErrMs: number;
}

/** The longest gap between two frames that still dates a tick-over; beyond it the advert alone counts. */
const MAX_GAP_MS = 1000;

export class PeerAges {
  readonly #tracks = new Map<string, AgeTrack>();

  /** An accepted advert (heartbeat or beacon) from `serial`, saying `ageS` and its heartbeat interval, read at `now`. */
  note(serial: string, ageS: number, intervalMs: number, now: number): void {
    const t = this.#tracks.get(serial);
    if (!t) {
      this.#tracks.set(serial, { lastS: ageS, lastAt: now, refMs: Number.NaN, refAt: now, refErrMs: Number.POSITIVE_INFINITY });
      return;
    }
    // One second less: a frame that crossed a later one on another path. Stale, not a reset.
    if (ageS === t.lastS - 1) return;
    const gap = now - t.lastAt;
    if (!consistent(t, ageS, now)) {
      t.refMs = Number.NaN;
      t.refErrMs = Number.POSITIVE_INFINITY;
    }
    if (ageS === t.lastS + 1 && gap >= intervalMs / 2 && gap <= MAX_GAP_MS && gap / 2 < t.refErrMs) {
      t.refMs = ageS * 1000 + gap / 2;
      t.refAt = now;
      t.refErrMs = gap / 2;
    }
    t.lastS = ageS;
    t.lastAt = now;
  }

  /** The age of `serial` at `now`, whose advert said `ageS` at `rxAt`. */
  ageMs(serial: string, ageS: number, rxAt: number, now: number): number {
    const t = this.#tracks.get(serial);
    if (t && consistent(t, ageS, rxAt)) return t.refMs + (now - t.refAt);
    return ageS * 1000 + (now - rxAt);
  }
}

/** Whether the estimate agrees with an advert of `ageS` at `at` (false without one). */
function consistent(t: AgeTrack, ageS: number, at: number): boolean {
  if (Number.isNaN(t.refMs)) return false;
  const predicted = t.refMs + (at - t.refAt);
  return predicted >= ageS * 1000 - t.refErrMs && predicted < (ageS + 1) * 1000 + t.refErrMs;
}
