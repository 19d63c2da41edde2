/**
 * Seals frames of the HA wire (header.ts): header, body and tag, the tag an HMAC over header and
 * body (clear) or the AES-256-GCM tag with the header as additional data (encrypted). Heartbeats
 * (encoder.ts) and session sync frames (firmware/sessions/) share it, each channel with keys of
 * its own (keys.ts), so their sequences never share a GCM nonce.
 *
 * A frame costs the header, one copy of the body into the caller's buffer and the tag: no
 * allocation beyond node:crypto's own objects. A key change (setKeys) keeps the boot id and the
 * sequence: peers keep one replay state per sender whatever key opens its frames.
 */
import { createCipheriv, createHmac } from 'node:crypto';
import { WireError } from './errors.js';
import { FLAG_ENCRYPTED, HEADER_LEN, MAX_BODY_LEN, serialToBytes, TAG_LEN, writeHeader, writeU32 } from './header.js';
import { noncePrefix } from './keys.js';
const U32_MAX = 0xffffffff;
function checkU32(name, v) {
    if (!Number.isInteger(v) || v < 0 || v > U32_MAX) {
        throw new WireError(`${name} ${v}: must be an integer 0-${U32_MAX}`);
    }
}
export class FrameSealer {
    key;
    serial;
    nextBootId;
    nonce = Buffer.alloc(12);
    boot;
    seq;
    constructor(opts) {
        this.serial = serialToBytes(opts.serial);
        this.setKeys(opts);
        checkU32('bootId', opts.bootId);
        checkU32('lastSeq', opts.lastSeq ?? 0);
        this.boot = opts.bootId;
        this.nextBootId = opts.nextBootId;
        this.seq = opts.lastSeq ?? 0;
        this.nonce.set(noncePrefix(this.serial, opts.serial.length), 0);
    }
    /** Frames from now on are sealed with `k`; throws WireError when its group-id does not fit the header. */
    setKeys(k) {
        if (!Number.isInteger(k.groupId) || k.groupId < 0 || k.groupId > 0xffff) {
            throw new WireError(`groupId ${k.groupId}: must be an integer 0-65535`);
        }
        this.key = { groupId: k.groupId, keys: k.keys, encryption: k.encryption };
    }
    /** The boot id of the next frame; it changes when the sequence wraps (see nextSequence). */
    get bootId() {
        return this.boot;
    }
    /** Sequence of the last frame sealed. */
    get lastSeq() {
        return this.seq;
    }
    /**
     * Writes header + body + tag at `offset` and returns the offset just past the frame. Throws
     * WireError only on misuse (a frame type outside 1-255, a body or buffer too small or too
     * large), never for a runtime condition.
     */
    seal(type, body, buf, offset) {
        if (!Number.isInteger(type) || type < 1 || type > 255)
            throw new WireError(`frame type ${type}: must be 1-255`);
        if (body.length > MAX_BODY_LEN)
            throw new WireError(`body of ${body.length} bytes: at most ${MAX_BODY_LEN}`);
        const end = offset + HEADER_LEN + body.length + TAG_LEN;
        if (!Number.isInteger(offset) || offset < 0 || end > buf.length) {
            throw new WireError(`buffer of ${buf.length} bytes at offset ${offset}: a frame needs ${end - offset} bytes`);
        }
        this.nextSequence();
        const { groupId, keys, encryption } = this.key;
        writeHeader(buf, offset, {
            type,
            flags: encryption ? FLAG_ENCRYPTED : 0,
            groupId,
            serial: this.serial,
            bootId: this.boot,
            seq: this.seq,
            bodyLen: body.length,
        });
        const tagAt = end - TAG_LEN;
        if (encryption) {
            writeU32(this.nonce, 4, this.boot);
            writeU32(this.nonce, 8, this.seq);
            const cipher = createCipheriv('aes-256-gcm', keys.enc, this.nonce, { authTagLength: TAG_LEN });
            cipher.setAAD(buf.subarray(offset, offset + HEADER_LEN));
            buf.set(cipher.update(body), offset + HEADER_LEN);
            cipher.final();
            buf.set(cipher.getAuthTag(), tagAt);
        }
        else {
            buf.set(body, offset + HEADER_LEN);
            const mac = createHmac('sha256', keys.auth).update(buf.subarray(offset, tagAt)).digest();
            for (let i = 0; i < TAG_LEN; i++)
                buf[tagAt + i] = mac[i] ?? 0;
        }
        return end;
    }
    /**
     * Receivers refuse a sequence they have seen under the same boot id, and GCM must never reuse a
     * nonce: past 2^32 - 1 frames (about 250 days at 10 ms on two links) the sealer takes the
     * next boot id, persisted like a restart's, and starts again at 1. Peers order boot ids
     * (replay.ts), so the new one reads as a restart, and no later start can reuse it.
     */
    nextSequence() {
        if (this.seq < U32_MAX) {
            this.seq++;
            return;
        }
        this.boot = this.nextBootId();
        this.seq = 1;
    }
}
//# sourceMappingURL=sealer.js.map