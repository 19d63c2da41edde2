export class Refusals {
    #bySerial = new Map();
    #frames = 0;
    /** Heartbeats refused since start (never goes down, unlike the per-peer counts). */
    get frames() {
        return this.#frames;
    }
    /** Records a refused heartbeat; true when this is news. */
    refuse(serial, link, reason, now) {
        this.#frames++;
        const r = this.#bySerial.get(serial);
        if (r && r.reason === reason) {
            r.count++;
            r.link = link;
            r.lastAt = Math.max(r.lastAt, now);
            return false;
        }
        this.#bySerial.set(serial, { link, reason, count: 1, lastAt: now });
        return true;
    }
    accept(serial) {
        this.#bySerial.delete(serial);
    }
    view(now) {
        return [...this.#bySerial].map(([serial, r]) => ({
            serial,
            link: r.link,
            reason: r.reason,
            count: r.count,
            lastAgoMs: now - r.lastAt,
        }));
    }
}
//# sourceMappingURL=refusals.js.map