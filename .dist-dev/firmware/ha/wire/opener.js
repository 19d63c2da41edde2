/**
 * Opens frames of the HA wire (header.ts) up to their body, in this order, each failure counted
 * under its reason: too short for header and tag (badLength), magic (badMagic), protocol major
 * (badVersion), body length against the frame (badLength), group-id (wrongGroup: no slot of the
 * key ring has it), our own serial (looped: the cabling loops back to us), tag or decryption
 * (badAuth: no slot with that group and the frame's encryption flag opens it, which includes a
 * different password or a different encryption setting), a boot id older than the sender's
 * current one or a sequence already seen under the same boot id (replayed), then a frame type
 * this channel does not take or a sender serial that is none (malformedBody). The caller reads
 * the body and then accepts the frame (which moves the replay state) or refuses it as
 * malformedBody. Never throws: node:crypto failures are caught where they can happen.
 *
 * The slots are a key ring's (key-ring.ts): one, or two while a key change settles. The first
 * slot tried is the one this unit sends with, which is also what its peers send with but in the
 * moment around a switch, so a frame costs one tag check and at most two. The replay state is
 * per sender, whatever slot opened the frame: a frame recorded under the old key and replayed
 * after the switch is still refused.
 *
 * Heartbeats (decoder.ts) and session sync frames (firmware/sessions/) each have an opener of
 * their own, with the channel's keys and replay state.
 */
import { createDecipheriv, createHmac } from 'node:crypto';
import { WireError } from './errors.js';
import { FLAG_ENCRYPTED, HA_MAGIC, HEADER_LEN, Off, PROTOCOL_MAJOR, readU16, readU32, SERIAL_LEN, sameSerial, serialForLog, serialLength, serialToBytes, TAG_LEN, } from './header.js';
import { noncePrefix } from './keys.js';
import { copySerial, REPLAY_WINDOW, ReplayGuard } from './replay.js';
export function emptyCounters() {
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
export class FrameOpener {
    counters = emptyCounters();
    ownSerial;
    slots = [];
    first = 0;
    accepts;
    replay;
    /** Clear bodies are copied here: cbor-x reads from offset 0 and caches a DataView per buffer. */
    scratch = Buffer.alloc(0x10000);
    nonce = Buffer.alloc(12);
    constructor(opts) {
        this.ownSerial = serialToBytes(opts.ownSerial);
        this.accepts = opts.accepts;
        this.replay = new ReplayGuard(opts.replayWindow ?? REPLAY_WINDOW);
        this.setSlots(opts.slots, opts.first);
    }
    /**
     * A new key ring: the replay state and the counters carry on, so a frame seen under the old
     * keys is still a replay under the new ones. Throws WireError on misuse (no slot, more than
     * two, `first` not one of them).
     */
    setSlots(slots, first = 0) {
        if (slots.length < 1 || slots.length > 2)
            throw new WireError(`${slots.length} key slots: a ring holds 1 or 2`);
        if (!Number.isInteger(first) || first < 0 || first >= slots.length) {
            throw new WireError(`first slot ${first}: must be 0-${slots.length - 1}`);
        }
        this.slots = slots.map((s) => ({ ...s }));
        this.first = first;
    }
    /** Counts a rejection decided outside the opener (the cluster's 'refused'). */
    count(reason) {
        this.counters[reason]++;
    }
    /** Checks the frame in `buf[offset, end)` up to its body. */
    open(buf, offset, end) {
        const len = end - offset;
        if (!(buf instanceof Uint8Array) ||
            !Number.isInteger(offset) ||
            !Number.isInteger(end) ||
            offset < 0 ||
            end > buf.length ||
            len < HEADER_LEN + TAG_LEN) {
            return this.reject('badLength');
        }
        if (readU16(buf, offset) !== HA_MAGIC)
            return this.reject('badMagic');
        if (buf[offset + Off.major] !== PROTOCOL_MAJOR)
            return this.reject('badVersion');
        const groupId = readU16(buf, offset + Off.groupId);
        const bodyLen = readU16(buf, offset + Off.bodyLen);
        const so = offset + Off.serial;
        if (HEADER_LEN + bodyLen + TAG_LEN !== len)
            return this.rejectFrom('badLength', buf, so, groupId);
        if (!this.hasGroup(groupId))
            return this.rejectFrom('wrongGroup', buf, so, groupId);
        if (sameSerial(buf, so, this.ownSerial))
            return this.rejectFrom('looped', buf, so, groupId);
        const peer = this.replay.find(buf, so);
        const encrypted = (buf[offset + Off.flags] & FLAG_ENCRYPTED) !== 0;
        let prefix;
        let src = null;
        let slot = -1;
        const n = this.slots.length;
        for (let i = 0; i < n && src === null; i++) {
            const at = (this.first + i) % n;
            const s = this.slots[at];
            if (s.groupId !== groupId || s.encryption !== encrypted)
                continue;
            if (encrypted) {
                prefix ??= peer ? peer.noncePrefix : noncePrefix(buf.subarray(so, so + SERIAL_LEN), nulIndex(buf, so));
                src = this.decrypt(buf, offset, bodyLen, prefix, s.keys);
            }
            else {
                src = this.verify(buf, offset, bodyLen, s.keys) ? this.scratch : null;
            }
            slot = at;
        }
        if (!src)
            return this.rejectFrom('badAuth', buf, so, groupId);
        const bootId = readU32(buf, offset + Off.bootId);
        const seq = readU32(buf, offset + Off.seq);
        if (!this.replay.fresh(peer, bootId, seq))
            return this.rejectFrom('replayed', buf, so, groupId);
        // An authenticated frame this version cannot read: a type from a later minor or another
        // channel, or a sender serial that is not one.
        const type = buf[offset + Off.type] ?? 0;
        if (!this.accepts(type) || (!peer && serialLength(buf, so) < 0)) {
            return this.rejectFrom('malformedBody', buf, so, groupId);
        }
        return {
            ok: true,
            type,
            bootId,
            seq,
            src,
            bodyLen,
            slot,
            peer,
            serialBytes: peer ? peer.serialBytes : copySerial(buf, so),
            prefix,
            serialText: peer ? peer.serial : serialForLog(buf, so),
        };
    }
    /** The body made sense: the frame counts (replay state moves); returns the sender's serial. */
    accept(f) {
        if (f.peer) {
            this.replay.accept(f.peer, f.bootId, f.seq);
            return f.peer.serial;
        }
        const serialBytes = f.serialBytes;
        const peer = this.replay.add({ serialBytes, serial: f.serialText, noncePrefix: f.prefix ?? noncePrefix(serialBytes, nulIndex(serialBytes, 0)) }, f.bootId, f.seq);
        return peer.serial;
    }
    /** The body did not make sense: counted as malformedBody; the replay state does not move. */
    refuseBody(f) {
        this.counters.malformedBody++;
        return { ok: false, reason: 'malformedBody', serial: f.serialText };
    }
    hasGroup(groupId) {
        for (let i = 0; i < this.slots.length; i++)
            if (this.slots[i].groupId === groupId)
                return true;
        return false;
    }
    /** HMAC tag check; on success the body is in `scratch`. */
    verify(buf, offset, bodyLen, keys) {
        const tagAt = offset + HEADER_LEN + bodyLen;
        const mac = createHmac('sha256', keys.auth).update(buf.subarray(offset, tagAt)).digest();
        let diff = 0;
        for (let i = 0; i < TAG_LEN; i++)
            diff |= (mac[i] ?? 0) ^ (buf[tagAt + i] ?? 0);
        if (diff !== 0)
            return false;
        this.scratch.set(buf.subarray(offset + HEADER_LEN, tagAt), 0);
        return true;
    }
    /** AES-256-GCM open; the plaintext body, or null when the tag does not verify. */
    decrypt(buf, offset, bodyLen, prefix, keys) {
        const tagAt = offset + HEADER_LEN + bodyLen;
        this.nonce.set(prefix, 0);
        for (let i = 0; i < 8; i++)
            this.nonce[4 + i] = buf[offset + Off.bootId + i] ?? 0;
        try {
            const d = createDecipheriv('aes-256-gcm', keys.enc, this.nonce, { authTagLength: TAG_LEN });
            d.setAAD(buf.subarray(offset, offset + HEADER_LEN));
            d.setAuthTag(buf.subarray(tagAt, tagAt + TAG_LEN));
            const plain = d.update(buf.subarray(offset + HEADER_LEN, tagAt));
            d.final();
            return plain;
        }
        catch {
            return null;
        }
    }
    reject(reason) {
        this.counters[reason]++;
        return { ok: false, reason };
    }
    rejectFrom(reason, buf, so, groupId) {
        this.counters[reason]++;
        return { ok: false, reason, serial: serialForLog(buf, so), groupId };
    }
}
/** Length of the serial field up to its first NUL. */
function nulIndex(buf, so) {
    let n = 0;
    while (n < SERIAL_LEN && buf[so + n] !== 0)
        n++;
    return n;
}
//# sourceMappingURL=opener.js.map