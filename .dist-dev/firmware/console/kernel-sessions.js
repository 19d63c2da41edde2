/**
 * The console's SessionsControl over the kernel: a conntrack table of the main thread's own,
 * opened at the first command that needs it (a unit whose kernel has no conntrack still boots,
 * and its session commands say why they cannot answer), and the session sync runtime's status.
 *
 * A table runs one dump at a time, and two console sessions may ask at once: walks queue here.
 * The driver yields to the event loop between the kernel's batches, so a walk of a million
 * sessions leaves the consoles and the HA runtime responsive while it runs.
 */
import { PROTO, TCP_STATE } from '../../hal/conntrack/index.js';
import { SYNCED_MARK } from '../sessions/applier.js';
export class KernelSessions {
    open;
    sync;
    #table = null;
    #walks = Promise.resolve();
    constructor(
    /** Opens the table (hal.conntrack.open); throws HalError when the kernel has none. */
    open, sync) {
        this.open = open;
        this.sync = sync;
    }
    count() {
        return this.#opened().count();
    }
    syncStatus() {
        return this.sync.status();
    }
    tally() {
        return this.#queued(async (table) => {
            const t = { walked: 0, byProto: new Map(), tcpStates: new Map(), synced: 0, expectations: 0 };
            for await (const batch of table.dump()) {
                for (const s of batch) {
                    t.walked++;
                    const proto = s.orig.proto;
                    t.byProto.set(proto, (t.byProto.get(proto) ?? 0) + 1);
                    if (proto === PROTO.TCP) {
                        const state = s.tcp?.state ?? TCP_STATE.NONE;
                        t.tcpStates.set(state, (t.tcpStates.get(state) ?? 0) + 1);
                    }
                    if ((s.mark & SYNCED_MARK) !== 0)
                        t.synced++;
                }
            }
            for await (const batch of table.dumpExpectations())
                t.expectations += batch.length;
            return t;
        });
    }
    list(filter, limit) {
        return this.#queued(async (table) => {
            const out = { sessions: [], matched: 0 };
            for await (const batch of table.dump()) {
                for (const s of batch) {
                    if (!filter.matches(s))
                        continue;
                    if (out.matched++ < limit)
                        out.sessions.push(s);
                }
            }
            return out;
        });
    }
    /** Runs `walk` once the walks before it are done, failed or not. */
    #queued(walk) {
        const result = this.#walks.then(() => walk(this.#opened()));
        this.#walks = result.catch(() => undefined);
        return result;
    }
    #opened() {
        this.#table ??= this.open();
        return this.#table;
    }
}
//# sourceMappingURL=kernel-sessions.js.map