/**
 * Checks every received heartbeat frame: the opener's ladder (opener.ts: length, magic,
 * version, group, looped, authentication, replay, frame type), then the advert body
 * (malformedBody). Only an accepted frame moves the replay state. Never throws.
 */
import type { Advert } from '../advert.js';
import { decodeBody } from './body.js';
import { type FrameType, isFrameType } from './header.js';
import type { SlotKeys } from './key-ring.js';
import { FrameOpener, type Rejection, type RejectReason } from './opener.js';

export { emptyCounters, type RejectReason } from './opener.js';

export type DecodeResult =
  /** `slot`: the key ring slot that opened the frame. */
  { ok: true; type: FrameType; serial: string; bootId: number; seq: number; slot: number; advert: Advert } | Rejection;

export interface DecoderOptions {
  ownSerial: string;
  /** The key ring's slots (opener.ts). */
  slots: readonly SlotKeys[];
  /** The slot tried first: the one this unit sends with (default 0). */
  first?: number;
  /** Sequences a frame may lag behind the newest accepted from its sender (1-32, default 32). */
  replayWindow?: number;
}

export class HeartbeatDecoder {
  private readonly opener: FrameOpener;

  constructor(opts: DecoderOptions) {
    this.opener = new FrameOpener({ ...opts, accepts: isFrameType });
  }

  get counters(): Record<RejectReason, number> {
    return this.opener.counters;
  }

  /** A new key ring; the replay state and the counters carry on (opener.ts). */
  setSlots(slots: readonly SlotKeys[], first = 0): void {
    this.opener.setSlots(slots, first);
  }

  /** Counts a rejection decided outside the decoder (the cluster's 'refused'). */
  count(reason: RejectReason): void {
    this.opener.count(reason);
  }

  /** Checks the frame in `buf[offset, end)`. */
  decode(buf: Uint8Array, offset: number, end: number): DecodeResult {
    const f = this.opener.open(buf, offset, end);
    if (!f.ok) return f;
    const advert = decodeBody(f.src, f.bodyLen);
    if (!advert) return this.opener.refuseBody(f);
    const serial = this.opener.accept(f);
    return { ok: true, type: f.type as FrameType, serial, bootId: f.bootId, seq: f.seq, slot: f.slot, advert };
  }
}
