import { HANDOVER_WAIT_MS } from './graceful-leave.js';
import { heartbeatIntervalMs } from './settings.js';
/** The longest a stand down may hold the ports under `s`; 0 for none. */
export function standDownHoldMs(s) {
    return Math.max(0, Math.min(HANDOVER_WAIT_MS, heartbeatIntervalMs(s) * (s.hbLostThreshold - 2)));
}
export class StandDown {
    /** When the running hold began, or null. */
    #since = null;
    #holdMs = 0;
    /** Whether the ports are held for a successor. */
    get holding() {
        return this.#since !== null;
    }
    /** When a hold ends at the latest (the loop wakes for it); +∞ when none runs. */
    get deadline() {
        return this.#since === null ? Number.POSITIVE_INFINITY : this.#since + this.#holdMs;
    }
    /**
     * Called on each turn a unit that is no longer primary still holds the ports, with the hold
     * its settings allow now (a commit during the hold may shorten it). Starts a hold when a peer
     * may succeed and none works yet; returns null while the ports stay held, or why they may go.
     */
    poll(now, holdMs, successorWorks, hasPeers) {
        this.#holdMs = holdMs;
        if (this.#since === null) {
            if (holdMs <= 0 || successorWorks || !hasPeers)
                return { held: false };
            this.#since = now;
            return null;
        }
        if (!successorWorks && now < this.deadline)
            return null;
        const afterMs = now - this.#since;
        this.#since = null;
        return { held: true, successorWorked: successorWorks, afterMs };
    }
    /** Primary again before the hold ended: nothing to release. */
    cancel() {
        this.#since = null;
    }
}
//# sourceMappingURL=stand-down.js.map