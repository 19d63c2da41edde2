/**
 * Control frames sealed and opened with the key ring (docs/config-sync-plan.md §2, §6): the HA
 * header, sealer and opener (firmware/ha/wire/) with the control channel's keys, always
 * AES-256-GCM whatever `encryption` says, since the frames carry configuration and passwords.
 * Frames are sealed with the ring's `send` slot and open with any slot: during a key change
 * both keys are accepted.
 *
 * Opening is a ladder, each rejection counted under its reason and never thrown: the opener's
 * (length, magic, version, group, looped, authentication, replay, frame type), then the body
 * (malformedBody, frames.ts) and whom it is for (notForUs).
 */

import { CONTROL_FRAME_TYPE } from '../ha/wire/header.js';
import type { KeyRingSpec, KeySpec } from '../ha/wire/key-ring.js';
import { deriveControlKeys } from '../ha/wire/keys.js';
import { FrameOpener, type OpenedFrame, type RejectReason } from '../ha/wire/opener.js';
import { FrameSealer } from '../ha/wire/sealer.js';
import { type ControlBody, decodeControlBody } from './frames.js';

export type ControlRejectReason = Exclude<RejectReason, 'refused'> | 'notForUs';

/** The ladder's order: of the reasons several slots give, the furthest up it is the frame's. */
const LADDER: readonly ControlRejectReason[] = [
  'badLength',
  'badMagic',
  'badVersion',
  'wrongGroup',
  'looped',
  'badAuth',
  'replayed',
  'malformedBody',
  'notForUs',
];

export type Opened = { ok: true; from: string; bootId: number; body: ControlBody };
export type Refused = { ok: false; reason: ControlRejectReason };

interface Slot {
  spec: KeySpec;
  opener: FrameOpener;
}

/** Slots open the same frames when they share group and password (the keys derive from these). */
const sameKeys = (a: KeySpec, b: KeySpec) => a.groupId === b.groupId && a.password === b.password;

function checkRing(ring: KeyRingSpec): void {
  const n = ring.slots.length;
  if (n < 1 || n > 2 || !(ring.send >= 0 && ring.send < n)) {
    throw new RangeError(`key ring of ${n} slots sending with slot ${ring.send}: expected 1-2 slots and an existing send slot`);
  }
}

export class ControlSeal {
  readonly rejected: Record<ControlRejectReason, number> = Object.fromEntries(LADDER.map((r) => [r, 0])) as Record<
    ControlRejectReason,
    number
  >;
  #sealer: FrameSealer | null = null;
  #slots: Slot[] = [];

  constructor(
    private readonly serial: string,
    /** This start's boot id (firmware/ha/boot-ids.ts), for the first sealer. */
    private readonly firstBootId: number,
    /** The next persisted boot id, for when the sealer's sequences run out. */
    private readonly nextBootId: () => number,
  ) {}

  /**
   * Seals with slot `send` from now on, opens with every slot. The sealer's boot id and sequence
   * carry on (peers would drop a restarted sequence as replays), and a slot whose keys did not
   * change keeps its opener and replay state.
   */
  setKeys(ring: KeyRingSpec): void {
    checkRing(ring);
    const send = ring.slots[ring.send] as KeySpec;
    const old = this.#sealer;
    this.#sealer = new FrameSealer({
      serial: this.serial,
      groupId: send.groupId,
      keys: deriveControlKeys(send.password),
      encryption: true,
      bootId: old ? old.bootId : this.firstBootId,
      lastSeq: old?.lastSeq ?? 0,
      nextBootId: this.nextBootId,
    });
    this.#slots = ring.slots.map((spec) => this.#slots.find((s) => sameKeys(s.spec, spec)) ?? this.#slot(spec));
  }

  /** Writes the frame of `body` at `offset` of `buf`; returns where it ends. */
  seal(body: Uint8Array, buf: Uint8Array, offset: number): number {
    if (!this.#sealer) throw new RangeError('control frame sealed before any keys were set');
    return this.#sealer.seal(CONTROL_FRAME_TYPE, body, buf, offset);
  }

  /** The frame in buf[offset, end): its sender, boot id and body, or why it was dropped. */
  open(buf: Uint8Array, offset: number, end: number): Opened | Refused {
    let worst = -1;
    for (const { opener } of this.#slots) {
      const f = opener.open(buf, offset, end);
      if (f.ok) return this.#read(opener, f);
      worst = Math.max(worst, LADDER.indexOf(f.reason as ControlRejectReason));
    }
    return this.#refuse(LADDER[Math.max(0, worst)] as ControlRejectReason);
  }

  #read(opener: FrameOpener, f: OpenedFrame): Opened | Refused {
    const body = decodeControlBody(f.src, f.bodyLen);
    if (!body) {
      opener.refuseBody(f);
      return this.#refuse('malformedBody');
    }
    const from = opener.accept(f);
    if (body.to !== this.serial) return this.#refuse('notForUs');
    return { ok: true, from, bootId: f.bootId, body };
  }

  #refuse(reason: ControlRejectReason): Refused {
    this.rejected[reason]++;
    return { ok: false, reason };
  }

  #slot(spec: KeySpec): Slot {
    const opener = new FrameOpener({
      ownSerial: this.serial,
      groupId: spec.groupId,
      keys: deriveControlKeys(spec.password),
      encryption: true,
      accepts: (t) => t === CONTROL_FRAME_TYPE,
    });
    return { spec, opener };
  }
}
