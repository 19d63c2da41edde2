export class FakeKeyLinks {
    #timers;
    #units = new Map();
    #cut = new Set();
    /** Messages delivered, in order. */
    delivered = [];
    latencyMs = 5;
    constructor(timers) {
        this.#timers = timers;
    }
    /** The link of unit `serial`. */
    link(serial) {
        const e = { handlers: new Map(), resets: [] };
        this.#units.set(serial, e);
        return {
            send: (to, message) => this.#send(serial, to, message),
            on: (kind, handler) => {
                e.handlers.set(kind, handler);
            },
            onPeerReset: (handler) => {
                e.resets.push(handler);
            },
        };
    }
    /** Nothing reaches or leaves `serial` until restore(). */
    cut(serial) {
        this.#cut.add(serial);
    }
    restore(serial) {
        this.#cut.delete(serial);
    }
    /** `serial`'s stream to `peer` restarted (it gave up, or the peer rebooted). */
    reset(serial, peer) {
        for (const h of this.#units.get(serial)?.resets ?? [])
            h(peer, 'stream restarted');
    }
    #send(from, to, message) {
        if (this.#cut.has(from) || this.#cut.has(to) || !this.#units.has(to))
            return false;
        const copy = structuredClone(message);
        this.#timers.after(this.latencyMs, () => {
            const e = this.#units.get(to);
            if (!e || this.#cut.has(from) || this.#cut.has(to))
                return;
            this.delivered.push({ from, to, message: copy });
            e.handlers.get(copy.k)?.(from, copy);
        });
        return true;
    }
}
//# sourceMappingURL=key-link.fake.js.map