/**
 * Control frames sealed and opened with the key ring (docs/config-sync-plan.md §2, §6): the HA
 * header, sealer and opener (firmware/ha/wire/) with the control channel's keys, always
 * AES-256-GCM whatever `encryption` says, since the frames carry configuration and passwords.
 * Frames are sealed with the ring's `send` slot and open with any slot: during a key change
 * both keys are accepted.
 *
 * Opening is a ladder, each rejection counted under its reason and never thrown: the opener's
 * (length, magic, version, group, looped, authentication, replay, frame type), then the body
 * (malformedBody, frames.ts) and whom it is for (notForUs). One opener holds both slots, so the
 * replay state per sender survives a key change.
 */
import { CONTROL_FRAME_TYPE } from '../ha/wire/header.js';
import { keyRingProblem, RingKeys } from '../ha/wire/key-ring.js';
import { deriveControlKeys } from '../ha/wire/keys.js';
import { FrameOpener } from '../ha/wire/opener.js';
import { FrameSealer } from '../ha/wire/sealer.js';
import { decodeControlBody } from './frames.js';
const REASONS = [
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
/** Control frames are encrypted whatever a slot's `encryption` says. */
function encrypted(slots) {
    return slots.map((s) => ({ ...s, encryption: true }));
}
export class ControlSeal {
    serial;
    firstBootId;
    nextBootId;
    rejected = Object.fromEntries(REASONS.map((r) => [r, 0]));
    #keys = new RingKeys(deriveControlKeys);
    #sealer = null;
    #opener = null;
    constructor(serial, 
    /** This start's boot id (firmware/ha/boot-ids.ts), for the first sealer. */
    firstBootId, 
    /** The next persisted boot id, for when the sealer's sequences run out. */
    nextBootId) {
        this.serial = serial;
        this.firstBootId = firstBootId;
        this.nextBootId = nextBootId;
    }
    /**
     * Seals with slot `send` from now on, opens with every slot. The sealer's boot id and sequence
     * carry on (peers would drop a restarted sequence as replays), and so does the replay state.
     */
    setKeys(ring) {
        const problem = keyRingProblem(ring);
        if (problem)
            throw new RangeError(`control keys: ${problem}`);
        const slots = encrypted(this.#keys.slots(ring));
        const send = slots[ring.send];
        if (this.#sealer)
            this.#sealer.setKeys(send);
        else
            this.#sealer = new FrameSealer({ serial: this.serial, ...send, bootId: this.firstBootId, nextBootId: this.nextBootId });
        if (this.#opener)
            this.#opener.setSlots(slots, ring.send);
        else
            this.#opener = new FrameOpener({
                ownSerial: this.serial,
                slots,
                first: ring.send,
                accepts: (t) => t === CONTROL_FRAME_TYPE,
            });
    }
    /** Writes the frame of `body` at `offset` of `buf`; returns where it ends. */
    seal(body, buf, offset) {
        if (!this.#sealer)
            throw new RangeError('control frame sealed before any keys were set');
        return this.#sealer.seal(CONTROL_FRAME_TYPE, body, buf, offset);
    }
    /** The frame in buf[offset, end): its sender, boot id and body, or why it was dropped. */
    open(buf, offset, end) {
        const opener = this.#opener;
        if (!opener)
            return this.#refuse('badAuth');
        const f = opener.open(buf, offset, end);
        if (!f.ok)
            return this.#refuse(f.reason === 'refused' ? 'malformedBody' : f.reason);
        return this.#read(opener, f);
    }
    #read(opener, f) {
        const body = decodeControlBody(f.src, f.bodyLen);
        if (!body) {
            opener.refuseBody(f);
            return this.#refuse('malformedBody');
        }
        const from = opener.accept(f);
        if (body.to !== this.serial)
            return this.#refuse('notForUs');
        return { ok: true, from, bootId: f.bootId, body };
    }
    #refuse(reason) {
        this.rejected[reason]++;
        return { ok: false, reason };
    }
}
//# sourceMappingURL=control-seal.js.map