/**
 * Boot ids that only grow: a counter kept in flash, written (atomically) before each heartbeat
 * worker starts. Peers order a sender's frames by (boot id, sequence), so a frame captured
 * during an earlier boot can never be replayed as new, and an AES-GCM nonce (boot id and
 * sequence) is never used twice under one key. Time cannot order them: the boards have no
 * battery-backed clock.
 */
import { randomInt } from 'node:crypto';
const MAX = 0xffff_ffff;
export class BootIds {
    storage;
    path;
    log;
    constructor(storage, path, log) {
        this.storage = storage;
        this.path = path;
        this.log = log;
    }
    /** The next boot id, persisted before it is returned. */
    next() {
        const text = this.storage.read(this.path)?.trim();
        const last = text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : 0;
        if (text !== undefined && last === 0 && text !== '0')
            this.log.event(`boot id file ${this.path} holds "${text}": starting over from 1`, 'warn');
        const id = last >= MAX ? 1 : last + 1;
        try {
            this.storage.writeAtomic(this.path, `${id}\n`);
            return id;
        }
        catch (err) {
            // Without a persisted id, a random one is the least bad: peers that saw a higher id
            // refuse our frames as replays until they forget us (logged on their side).
            const fallback = randomInt(1, MAX);
            this.log.event(`cannot persist the boot id in ${this.path} (${err.message}): using ${fallback}`, 'error');
            return fallback;
        }
    }
}
//# sourceMappingURL=boot-ids.js.map