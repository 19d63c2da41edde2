/**
 * Dual-primary watch. Units that hear each other elect the same primary from the same inputs,
 * except that a peer's age is known only to about half a heartbeat gap (adverts carry whole
 * seconds; peer-ages.ts dates their tick-overs), and to the second in the first second after a
 * unit first hears a peer. When two ages differ by almost exactly ha-uptime-diff-margin, one
 * unit can see "older by the margin" and the other "equal", and each elects itself. Nothing would re-run the election, so the
 * disagreement would last. It shows on the wire (both in `work`, each naming itself primary):
 * once a rival's claim has outlasted a normal handover (an advert in flight), the pair settles
 * it by the election without age, whose inputs both units see exactly; one yields.
 */
/** Heartbeat intervals a rival claim must last before it is settled. */
export const PERSIST_INTERVALS = 3;
export class DualPrimaryWatch {
    #since = new Map();
    /** A heartbeat from `serial`; `claims` when it is in work and names itself primary. */
    note(serial, claims, now) {
        if (!claims)
            this.#since.delete(serial);
        else if (!this.#since.has(serial))
            this.#since.set(serial, now);
    }
    forget(serial) {
        this.#since.delete(serial);
    }
    /**
     * Peers whose claim has lasted PERSIST_INTERVALS of `intervalMs(serial)` while we too have
     * been primary (since `oursSince`).
     */
    rivals(now, oursSince, intervalMs) {
        const out = [];
        for (const [serial, since] of this.#since) {
            if (now - Math.max(since, oursSince) >= PERSIST_INTERVALS * intervalMs(serial))
                out.push(serial);
        }
        return out;
    }
}
//# sourceMappingURL=dual-primary.js.map