/**
 * Builds this unit's heartbeat frames. The advert's body is encoded once per change and kept,
 * together with the header, in a buffer of the encoder's own, so a frame costs one header
 * update, the tag and one copy into the caller's buffer: no allocation beyond node:crypto's
 * own objects.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import type { Advert } from '../advert.js';
import { encodeBody } from './body.js';
import { WireError } from './errors.js';
import {
  FLAG_ENCRYPTED,
  FrameType,
  HA_MAX_PAYLOAD,
  HEADER_LEN,
  isFrameType,
  serialToBytes,
  TAG_LEN,
  writeHeader,
  writeU32,
} from './header.js';
import { type HaKeys, noncePrefix } from './keys.js';

export interface EncoderOptions {
  serial: string;
  groupId: number;
  keys: HaKeys;
  encryption: boolean;
  /** This start's boot id (u32, boot-ids.ts): larger than that of any earlier start. */
  bootId: number;
  /** Sequence of the last frame sent under this boot id (default 0: the first frame is 1). */
  lastSeq?: number;
  /**
   * A boot id larger than every earlier one, persisted before it is returned (boot-ids.ts),
   * for when this one's sequences run out.
   */
  nextBootId: () => number;
}

const U32_MAX = 0xffffffff;

function checkU32(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > U32_MAX) {
    throw new WireError(`${name} ${v}: must be an integer 0-${U32_MAX}`);
  }
}

export class HeartbeatEncoder {
  private readonly keys: HaKeys;
  private readonly encryption: boolean;
  private readonly serial: Uint8Array;
  private readonly groupId: number;
  private readonly nextBootId: () => number;
  /** Header then body, as sent in clear; the tag is computed over its `frame` view. */
  private readonly scratch = Buffer.alloc(HA_MAX_PAYLOAD);
  private readonly header = this.scratch.subarray(0, HEADER_LEN);
  private readonly nonce = Buffer.alloc(12);
  private frame: Buffer = this.scratch.subarray(0, HEADER_LEN);
  private body: Buffer = this.scratch.subarray(HEADER_LEN, HEADER_LEN);
  private advert: Advert | null = null;
  private boot: number;
  private seq: number;

  constructor(opts: EncoderOptions) {
    this.serial = serialToBytes(opts.serial);
    if (!Number.isInteger(opts.groupId) || opts.groupId < 0 || opts.groupId > 0xffff) {
      throw new WireError(`groupId ${opts.groupId}: must be an integer 0-65535`);
    }
    checkU32('bootId', opts.bootId);
    checkU32('lastSeq', opts.lastSeq ?? 0);
    this.groupId = opts.groupId;
    this.keys = opts.keys;
    this.encryption = opts.encryption;
    this.boot = opts.bootId;
    this.nextBootId = opts.nextBootId;
    this.seq = opts.lastSeq ?? 0;
    this.nonce.set(noncePrefix(this.serial, opts.serial.length), 0);
  }

  /** The boot id of the next frame; it changes when the sequence wraps (see encode). */
  get bootId(): number {
    return this.boot;
  }

  /** Sequence of the last frame encoded. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Bytes of one frame with the current advert (0 before the first setAdvert). */
  get frameLength(): number {
    return this.advert ? this.frame.length + TAG_LEN : 0;
  }

  /**
   * Encodes and keeps the body of the advert. An advert equal to the last one costs a field
   * comparison and no encoding. Throws WireError when a field is out of the protocol's ranges.
   */
  setAdvert(advert: Advert): void {
    if (this.advert && sameAdvert(this.advert, advert)) return;
    const body = encodeBody(advert);
    this.scratch.set(body, HEADER_LEN);
    this.body = this.scratch.subarray(HEADER_LEN, HEADER_LEN + body.length);
    this.frame = this.scratch.subarray(0, HEADER_LEN + body.length);
    this.advert = { ...advert };
  }

  /**
   * Writes header + body + tag at `offset` and returns the offset just past the frame. Throws
   * WireError only on misuse (no advert set yet, buffer too small), never for a runtime condition.
   */
  encode(type: FrameType, buf: Uint8Array, offset: number): number {
    if (!this.advert) throw new WireError('encode before setAdvert: there is no advert to send');
    if (!isFrameType(type)) throw new WireError(`frame type ${type}: must be ${Object.values(FrameType).join(' or ')}`);
    const end = offset + this.frame.length + TAG_LEN;
    if (!Number.isInteger(offset) || offset < 0 || end > buf.length) {
      throw new WireError(`buffer of ${buf.length} bytes at offset ${offset}: a frame needs ${end - offset} bytes`);
    }
    this.nextSequence();
    writeHeader(this.scratch, 0, {
      type,
      flags: this.encryption ? FLAG_ENCRYPTED : 0,
      groupId: this.groupId,
      serial: this.serial,
      bootId: this.boot,
      seq: this.seq,
      bodyLen: this.body.length,
    });
    const tagAt = end - TAG_LEN;
    if (this.encryption) {
      buf.set(this.header, offset);
      writeU32(this.nonce, 4, this.boot);
      writeU32(this.nonce, 8, this.seq);
      const cipher = createCipheriv('aes-256-gcm', this.keys.enc, this.nonce, { authTagLength: TAG_LEN });
      cipher.setAAD(this.header);
      buf.set(cipher.update(this.body), offset + HEADER_LEN);
      cipher.final();
      buf.set(cipher.getAuthTag(), tagAt);
    } else {
      buf.set(this.frame, offset);
      const mac = createHmac('sha256', this.keys.auth).update(this.frame).digest();
      for (let i = 0; i < TAG_LEN; i++) buf[tagAt + i] = mac[i];
    }
    return end;
  }

  /**
   * Receivers refuse a sequence they have seen under the same boot id, and GCM must never reuse a
   * nonce: past 2^32 - 1 frames (about 250 days at 10 ms on two links) the encoder takes the
   * next boot id, persisted like a restart's, and starts again at 1. Peers order boot ids
   * (replay.ts), so the new one reads as a restart, and no later start can reuse it.
   */
  private nextSequence(): void {
    if (this.seq < U32_MAX) {
      this.seq++;
      return;
    }
    this.boot = this.nextBootId();
    this.seq = 1;
  }
}

/** Field by field, written out: a loop over the field table costs a keyed lookup per field. */
function sameAdvert(a: Advert, b: Advert): boolean {
  return (
    a.ageS === b.ageS &&
    a.state === b.state &&
    a.primary === b.primary &&
    a.priority === b.priority &&
    a.monitorUp === b.monitorUp &&
    a.monitorTotal === b.monitorTotal &&
    a.failover === b.failover &&
    a.override === b.override &&
    a.hostname === b.hostname &&
    a.firmware === b.firmware &&
    a.model === b.model &&
    a.groupName === b.groupName &&
    a.mode === b.mode &&
    a.hbIntervalMs === b.hbIntervalMs &&
    a.lostThreshold === b.lostThreshold
  );
}
