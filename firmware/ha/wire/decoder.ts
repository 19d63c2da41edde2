/**
 * Checks every received heartbeat frame, in this order, each failure counted under its reason:
 * too short for header and tag (badLength), magic (badMagic), protocol major (badVersion), body
 * length against the frame (badLength), group-id (wrongGroup), our own serial (looped: the
 * cabling loops back to us), tag or decryption (badAuth: includes a different password or a
 * different encryption setting), a boot id older than the sender's current one or a sequence
 * already seen under the same boot id (replayed), then frame type, sender serial and body
 * (malformedBody). Only an accepted frame moves the replay state. Never throws: cbor-x and
 * node:crypto failures are caught where they can happen.
 */
import { createDecipheriv, createHmac } from 'node:crypto';
import type { Advert } from '../advert.js';
import { decodeBody } from './body.js';
import {
  FLAG_ENCRYPTED,
  type FrameType,
  HA_MAGIC,
  HEADER_LEN,
  isFrameType,
  Off,
  PROTOCOL_MAJOR,
  readU16,
  readU32,
  SERIAL_LEN,
  sameSerial,
  serialForLog,
  serialLength,
  serialToBytes,
  TAG_LEN,
} from './header.js';
import { type HaKeys, noncePrefix } from './keys.js';
import { copySerial, REPLAY_WINDOW, ReplayGuard } from './replay.js';

/**
 * Why a frame was refused, one named counter each (`diagnose sys ha heartbeat`): the decoder's
 * ladder above, plus `refused`, a frame the cluster turned down after decoding it (count()).
 */
export type RejectReason =
  | 'badMagic'
  | 'badVersion'
  | 'badLength'
  | 'wrongGroup'
  | 'badAuth'
  | 'replayed'
  | 'malformedBody'
  | 'looped'
  | 'refused';

export type DecodeResult =
  | { ok: true; type: FrameType; serial: string; bootId: number; seq: number; advert: Advert }
  | { ok: false; reason: RejectReason; serial?: string; groupId?: number };

export interface DecoderOptions {
  ownSerial: string;
  groupId: number;
  keys: HaKeys;
  encryption: boolean;
  /** Sequences a frame may lag behind the newest accepted from its sender (1-32, default 32). */
  replayWindow?: number;
}

export function emptyCounters(): Record<RejectReason, number> {
  return {
    badMagic: 0,
    badVersion: 0,
    badLength: 0,
    wrongGroup: 0,
    badAuth: 0,
    replayed: 0,
    malformedBody: 0,
    looped: 0,
    refused: 0,
  };
}

export class HeartbeatDecoder {
  readonly counters: Record<RejectReason, number> = emptyCounters();
  private readonly ownSerial: Uint8Array;
  private readonly groupId: number;
  private readonly keys: HaKeys;
  private readonly encryption: boolean;
  private readonly replay: ReplayGuard;
  /** Clear bodies are copied here: cbor-x reads from offset 0 and caches a DataView per buffer. */
  private readonly scratch = Buffer.alloc(0x10000);
  private readonly nonce = Buffer.alloc(12);

  constructor(opts: DecoderOptions) {
    this.ownSerial = serialToBytes(opts.ownSerial);
    this.groupId = opts.groupId;
    this.keys = opts.keys;
    this.encryption = opts.encryption;
    this.replay = new ReplayGuard(opts.replayWindow ?? REPLAY_WINDOW);
  }

  /** Counts a rejection decided outside the decoder (the cluster's 'refused'). */
  count(reason: RejectReason): void {
    this.counters[reason]++;
  }

  /** Checks the frame in `buf[offset, end)`. */
  decode(buf: Uint8Array, offset: number, end: number): DecodeResult {
    const len = end - offset;
    if (
      !(buf instanceof Uint8Array) ||
      !Number.isInteger(offset) ||
      !Number.isInteger(end) ||
      offset < 0 ||
      end > buf.length ||
      len < HEADER_LEN + TAG_LEN
    ) {
      return this.reject('badLength');
    }
    if (readU16(buf, offset) !== HA_MAGIC) return this.reject('badMagic');
    if (buf[offset + Off.major] !== PROTOCOL_MAJOR) return this.reject('badVersion');
    const groupId = readU16(buf, offset + Off.groupId);
    const bodyLen = readU16(buf, offset + Off.bodyLen);
    const so = offset + Off.serial;
    if (HEADER_LEN + bodyLen + TAG_LEN !== len) return this.rejectFrom('badLength', buf, so, groupId);
    if (groupId !== this.groupId) return this.rejectFrom('wrongGroup', buf, so, groupId);
    if (sameSerial(buf, so, this.ownSerial)) return this.rejectFrom('looped', buf, so, groupId);

    let peer = this.replay.find(buf, so);
    const encrypted = (buf[offset + Off.flags] & FLAG_ENCRYPTED) !== 0;
    let prefix: Uint8Array | undefined;
    let src: Uint8Array | null;
    if (encrypted !== this.encryption) {
      src = null;
    } else if (encrypted) {
      prefix = peer ? peer.noncePrefix : noncePrefix(buf.subarray(so, so + SERIAL_LEN), nulIndex(buf, so));
      src = this.open(buf, offset, bodyLen, prefix);
    } else {
      src = this.verify(buf, offset, bodyLen) ? this.scratch : null;
    }
    if (!src) return this.rejectFrom('badAuth', buf, so, groupId);

    const bootId = readU32(buf, offset + Off.bootId);
    const seq = readU32(buf, offset + Off.seq);
    if (!this.replay.fresh(peer, bootId, seq)) return this.rejectFrom('replayed', buf, so, groupId);

    // An authenticated frame this version cannot read: a type from a later minor, a sender
    // serial that is not one, or a body without the 1.0 fields.
    const type = buf[offset + Off.type];
    if (!isFrameType(type) || (!peer && serialLength(buf, so) < 0)) {
      return this.rejectFrom('malformedBody', buf, so, groupId);
    }
    const advert = decodeBody(src, bodyLen);
    if (!advert) return this.rejectFrom('malformedBody', buf, so, groupId);

    if (peer) {
      this.replay.accept(peer, bootId, seq);
    } else {
      const serialBytes = copySerial(buf, so);
      peer = this.replay.add(
        { serialBytes, serial: serialForLog(buf, so), noncePrefix: prefix ?? noncePrefix(serialBytes, nulIndex(buf, so)) },
        bootId,
        seq,
      );
    }
    return { ok: true, type, serial: peer.serial, bootId, seq, advert };
  }

  /** HMAC tag check; on success the body is in `scratch`. */
  private verify(buf: Uint8Array, offset: number, bodyLen: number): boolean {
    const tagAt = offset + HEADER_LEN + bodyLen;
    const mac = createHmac('sha256', this.keys.auth).update(buf.subarray(offset, tagAt)).digest();
    let diff = 0;
    for (let i = 0; i < TAG_LEN; i++) diff |= mac[i] ^ buf[tagAt + i];
    if (diff !== 0) return false;
    this.scratch.set(buf.subarray(offset + HEADER_LEN, tagAt), 0);
    return true;
  }

  /** AES-256-GCM open; the plaintext body, or null when the tag does not verify. */
  private open(buf: Uint8Array, offset: number, bodyLen: number, prefix: Uint8Array): Uint8Array | null {
    const tagAt = offset + HEADER_LEN + bodyLen;
    this.nonce.set(prefix, 0);
    for (let i = 0; i < 8; i++) this.nonce[4 + i] = buf[offset + Off.bootId + i];
    try {
      const d = createDecipheriv('aes-256-gcm', this.keys.enc, this.nonce, { authTagLength: TAG_LEN });
      d.setAAD(buf.subarray(offset, offset + HEADER_LEN));
      d.setAuthTag(buf.subarray(tagAt, tagAt + TAG_LEN));
      const plain = d.update(buf.subarray(offset + HEADER_LEN, tagAt));
      d.final();
      return plain;
    } catch {
      return null;
    }
  }

  private reject(reason: RejectReason): DecodeResult {
    this.counters[reason]++;
    return { ok: false, reason };
  }

  private rejectFrom(reason: RejectReason, buf: Uint8Array, so: number, groupId: number): DecodeResult {
    this.counters[reason]++;
    return { ok: false, reason, serial: serialForLog(buf, so), groupId };
  }
}

/** Length of the serial field up to its first NUL. */
function nulIndex(buf: Uint8Array, so: number): number {
  let n = 0;
  while (n < SERIAL_LEN && buf[so + n] !== 0) n++;
  return n;
}
