import { encodeBody } from './body.js';
import { WireError } from './errors.js';
import { FrameType, HEADER_LEN, isFrameType, TAG_LEN } from './header.js';
import { FrameSealer } from './sealer.js';
export class HeartbeatEncoder {
    sealer;
    body = new Uint8Array(0);
    advert = null;
    constructor(opts) {
        this.sealer = new FrameSealer(opts);
    }
    /** Frames from now on are sealed with `k`; the boot id and the sequence carry on (sealer.ts). */
    setKeys(k) {
        this.sealer.setKeys(k);
    }
    /** The boot id of the next frame; it changes when the sequence wraps (sealer.ts). */
    get bootId() {
        return this.sealer.bootId;
    }
    /** Sequence of the last frame encoded. */
    get lastSeq() {
        return this.sealer.lastSeq;
    }
    /** Bytes of one frame with the current advert (0 before the first setAdvert). */
    get frameLength() {
        return this.advert ? HEADER_LEN + this.body.length + TAG_LEN : 0;
    }
    /**
     * Encodes and keeps the body of the advert. An advert equal to the last one costs a field
     * comparison and no encoding. Throws WireError when a field is out of the protocol's ranges.
     */
    setAdvert(advert) {
        if (this.advert && sameAdvert(this.advert, advert))
            return;
        this.body = encodeBody(advert);
        this.advert = { ...advert };
    }
    /**
     * Writes header + body + tag at `offset` and returns the offset just past the frame. Throws
     * WireError only on misuse (no advert set yet, buffer too small), never for a runtime condition.
     */
    encode(type, buf, offset) {
        if (!this.advert)
            throw new WireError('encode before setAdvert: there is no advert to send');
        if (!isFrameType(type))
            throw new WireError(`frame type ${type}: must be ${Object.values(FrameType).join(' or ')}`);
        return this.sealer.seal(type, this.body, buf, offset);
    }
}
/** Field by field, written out: a loop over the field table costs a keyed lookup per field. */
function sameAdvert(a, b) {
    return (a.ageS === b.ageS &&
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
        a.lostThreshold === b.lostThreshold &&
        a.sessionsReady === b.sessionsReady);
}
//# sourceMappingURL=encoder.js.map