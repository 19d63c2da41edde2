/**
 * When a primary must announce its data ports afresh: whenever switches and hosts may have
 * learnt the virtual MAC somewhere else. That is the case once any other unit has claimed the
 * primary role (a split brain, an override take-back, a unit that took over while this one was
 * frozen, a peer rejoining after a split brain), again when that claim ends (its last forwarded frames may have taught the switches
 * its port), and after this unit's own stall, whatever it missed meanwhile. It does not matter
 * whether the other unit ever "left" from this unit's point of view: the frames say it.
 *
 * A unit that stops claiming sends one heartbeat before releasing the ports (so its successor
 * claims them at once) and one right after, with nothing in between (stand-down.ts); the
 * announcement is repeated on that second frame, which is sure to come after the release. Each
 * heartbeat goes out once per link, and frames keep their order only within a link: the frame
 * after the release is the second on the same link, not the next frame heard (the first frame's
 * copy on the other link).
 */
/** Reasons to announce, and whether one of them is that another unit may have carried the traffic meanwhile. */
export interface AnnounceDue {
  why: string;
  elsewhere: boolean;
}

export class AnnounceWatch {
  /** Peers whose latest heartbeat claimed the primary role. */
  readonly #claiming = new Set<string>();
  /** Peers whose claim just ended, with the links their last claim's end came in on: announce once more on their next frame on one of those. */
  readonly #followUp = new Map<string, Set<string>>();
  /** Peers lost (not left) since we last heard them join. */
  readonly #lost = new Set<string>();
  #why: string | null = null;
  #elsewhere = false;

  /** An accepted heartbeat or beacon from `serial` on `link` (a heartbeat link or data port), claiming the primary role or not. */
  frame(serial: string, claims: boolean, link: string): void {
    if (claims) {
      if (!this.#claiming.has(serial)) this.#want(`${serial} claimed the primary role`);
      this.#claiming.add(serial);
      this.#followUp.delete(serial);
      return;
    }
    if (this.#claiming.delete(serial)) {
      this.#want(`${serial} stepped down from the primary role`);
      this.#followUp.set(serial, new Set([link]));
      return;
    }
    const stepDownOn = this.#followUp.get(serial);
    if (!stepDownOn) return;
    if (stepDownOn.has(link)) {
      this.#followUp.delete(serial);
      this.#want(`${serial} released the data ports`);
    } else {
      // The step down's copy on another link.
      stepDownOn.add(link);
    }
  }

  /**
   * `serial` (re)joined: across a split brain it was lost to us and may have held the ports
   * meanwhile, though its first frame we hear may already say standby. It may have carried the
   * traffic if we lost it before, or if it is past hello (it ran an election without us); a unit
   * that starts and joins in hello has not.
   */
  joined(serial: string, hello: boolean): void {
    this.#want(`${serial} joined`, !hello || this.#lost.has(serial));
    this.#lost.delete(serial);
  }

  /** `serial` was lost (`lost`) or left: if it claimed the role, the MAC may have been learnt on its ports. */
  gone(serial: string, lost: boolean): void {
    this.#followUp.delete(serial);
    if (lost) this.#lost.add(serial);
    if (this.#claiming.delete(serial)) this.#want(`${serial}, which claimed the primary role, is gone`);
  }

  /** The data ports changed while this unit could not announce them (it held them for a successor). */
  portsChanged(): void {
    this.#want('the data ports changed', false);
  }

  /**
   * This unit stalled: peers may have claimed and given up the role meanwhile, and carried the
   * traffic if the stall was long enough for them to lose this unit (`peersCouldLoseUs`).
   */
  stalled(lateMs: number, peersCouldLoseUs: boolean): void {
    this.#want(`this unit resumed after a ${lateMs.toFixed(0)} ms stall`, peersCouldLoseUs);
  }

  /** Just took over: the takeover announces by itself. */
  announced(): void {
    this.#why = null;
    this.#elsewhere = false;
  }

  /**
   * The reasons to announce now, once, when this unit holds the ports; null when there is none.
   * A reason noted while standing by is dropped: a later takeover announces anyway.
   */
  take(holdsPorts: boolean): AnnounceDue | null {
    const due = this.#why === null ? null : { why: this.#why, elsewhere: this.#elsewhere };
    this.#why = null;
    this.#elsewhere = false;
    return holdsPorts ? due : null;
  }

  /** `elsewhere`: another unit may have carried the traffic (every reason but this unit's own port change). */
  #want(why: string, elsewhere = true): void {
    this.#why = this.#why === null ? why : `${this.#why}; ${why}`;
    this.#elsewhere ||= elsewhere;
  }
}
