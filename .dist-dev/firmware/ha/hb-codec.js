/**
 * The heartbeat loop's encoder and decoder, keyed by the key ring the main process gives
 * (wire/key-ring.ts). A new ring changes keys only: the sequence carries on (restarting it
 * under the same boot id would make peers drop our heartbeats as replays), and so do the replay
 * state and the rejection counters.
 */
import { claimsPrimary } from './advert.js';
import { HeartbeatDecoder } from './wire/decoder.js';
import { HeartbeatEncoder } from './wire/encoder.js';
import { RingKeys } from './wire/key-ring.js';
import { deriveKeys } from './wire/keys.js';
export class HbCodec {
    encoder;
    decoder;
    #keys = new RingKeys(deriveKeys);
    #ring;
    constructor(serial, bootId, 
    /** The next persisted boot id (boot-ids.ts), for when the encoder's sequences run out. */
    nextBootId, ring) {
        this.#ring = ring;
        const slots = this.#keys.slots(ring);
        this.encoder = new HeartbeatEncoder({ serial, ...slots[ring.send], bootId, nextBootId });
        this.decoder = new HeartbeatDecoder({ ownSerial: serial, slots, first: ring.send });
    }
    get ring() {
        return this.#ring;
    }
    /** Seals with the ring's send slot and opens with any of its slots from now on. */
    setKeys(ring) {
        this.#ring = ring;
        const slots = this.#keys.slots(ring);
        this.encoder.setKeys(slots[ring.send]);
        this.decoder.setSlots(slots, ring.send);
    }
    /**
     * A unit that announced the next key (slot 1) while still sealing with the old one switches
     * the moment a primary's frame opens with the next: the primary switches only once every
     * member is ready (docs/config-sync-plan.md §6), so it has committed the change. Any unit
     * claiming the role counts, not only the one this unit elected: a member cut off while the
     * change went through elected itself, and follows on hearing the real primary again. True
     * when it switched.
     */
    followPrimary(serial, advert, slot) {
        const r = this.#ring;
        if (r.slots.length !== 2 || r.send !== 0 || slot !== 1 || !claimsPrimary(serial, advert))
            return false;
        this.setKeys({ slots: r.slots, send: 1 });
        return true;
    }
}
//# sourceMappingURL=hb-codec.js.map