export class AnnounceWatch {
    /** Peers whose latest heartbeat claimed the primary role. */
    #claiming = new Set();
    /** Peers whose claim just ended, with the links their last claim's end came in on: announce once more on their next frame on one of those. */
    #followUp = new Map();
    #why = null;
    #elsewhere = false;
    /** An accepted heartbeat or beacon from `serial` on `link` (a heartbeat link or data port), claiming the primary role or not. */
    frame(serial, claims, link) {
        if (claims) {
            if (!this.#claiming.has(serial))
                this.#want(`${serial} claimed the primary role`);
            this.#claiming.add(serial);
            this.#followUp.delete(serial);
            return;
        }
        if (this.#claiming.delete(serial)) {
            this.#want(`${serial} stepped down from the primary role`);
            this.#followUp.set(serial, new Set([link]));
            return;
        }
        const stepDownOn = this.#followUp.get(serial);
        if (!stepDownOn)
            return;
        if (stepDownOn.has(link)) {
            this.#followUp.delete(serial);
            this.#want(`${serial} released the data ports`);
        }
        else {
            // The step down's copy on another link.
            stepDownOn.add(link);
        }
    }
    /**
     * `serial` (re)joined: across a split brain it was lost to us and may have held the ports
     * meanwhile, though its first frame we hear may already say standby.
     */
    joined(serial) {
        this.#want(`${serial} joined`);
    }
    /** `serial` was lost or left: if it claimed the role, the MAC may have been learnt on its ports. */
    gone(serial) {
        this.#followUp.delete(serial);
        if (this.#claiming.delete(serial))
            this.#want(`${serial}, which claimed the primary role, is gone`);
    }
    /** The data ports changed while this unit could not announce them (it held them for a successor). */
    portsChanged() {
        this.#want('the data ports changed', false);
    }
    /** This unit stalled: peers may have claimed and given up the role meanwhile. */
    stalled(lateMs) {
        this.#want(`this unit resumed after a ${lateMs.toFixed(0)} ms stall`);
    }
    /** Just took over: the takeover announces by itself. */
    announced() {
        this.#why = null;
        this.#elsewhere = false;
    }
    /**
     * The reasons to announce now, once, when this unit holds the ports; null when there is none.
     * A reason noted while standing by is dropped: a later takeover announces anyway.
     */
    take(holdsPorts) {
        const due = this.#why === null ? null : { why: this.#why, elsewhere: this.#elsewhere };
        this.#why = null;
        this.#elsewhere = false;
        return holdsPorts ? due : null;
    }
    /** `elsewhere`: another unit may have carried the traffic (every reason but this unit's own port change). */
    #want(why, elsewhere = true) {
        this.#why = this.#why === null ? why : `${this.#why}; ${why}`;
        this.#elsewhere ||= elsewhere;
    }
}
//# sourceMappingURL=announce-watch.js.map