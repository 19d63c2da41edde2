import { decodeBody } from './body.js';
import { isFrameType } from './header.js';
import { FrameOpener } from './opener.js';
export { emptyCounters } from './opener.js';
export class HeartbeatDecoder {
    opener;
    constructor(opts) {
        this.opener = new FrameOpener({ ...opts, accepts: isFrameType });
    }
    get counters() {
        return this.opener.counters;
    }
    /** A new key ring; the replay state and the counters carry on (opener.ts). */
    setSlots(slots, first = 0) {
        this.opener.setSlots(slots, first);
    }
    /** Counts a rejection decided outside the decoder (the cluster's 'refused'). */
    count(reason) {
        this.opener.count(reason);
    }
    /** Checks the frame in `buf[offset, end)`. */
    decode(buf, offset, end) {
        const f = this.opener.open(buf, offset, end);
        if (!f.ok)
            return f;
        const advert = decodeBody(f.src, f.bodyLen);
        if (!advert)
            return this.opener.refuseBody(f);
        const serial = this.opener.accept(f);
        return { ok: true, type: f.type, serial, bootId: f.bootId, seq: f.seq, slot: f.slot, advert };
    }
}
//# sourceMappingURL=decoder.js.map