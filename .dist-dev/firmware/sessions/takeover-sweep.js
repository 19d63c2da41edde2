import { SYNCED_MARK } from './applier.js';
/** Restores state timeouts of every synced entry; resolves when the whole table was seen. */
export async function sweepSyncedEntries(table, timeoutOf) {
    const result = { swept: 0, refused: 0 };
    for await (const batch of table.dump()) {
        const synced = batch.filter((s) => (s.mark & SYNCED_MARK) !== 0);
        if (synced.length === 0)
            continue;
        for (const s of synced) {
            s.timeout = Math.min(s.timeout, timeoutOf(s));
            s.mark = (s.mark & ~SYNCED_MARK) >>> 0;
        }
        const r = table.update(synced);
        result.swept += r.done;
        result.refused += r.failures.length;
    }
    return result;
}
//# sourceMappingURL=takeover-sweep.js.map