import { WDIOF_CARDRESET } from '../../hal/watchdog/index.js';
const STATES = ['running', 'starving', 'stopped'];
export class RunRecords {
    storage;
    path;
    constructor(storage, path) {
        this.storage = storage;
        this.path = path;
    }
    /** The record, or undefined when it is missing or unreadable (a first boot, a damaged file). */
    read() {
        let value;
        try {
            value = JSON.parse(this.storage.read(this.path) ?? 'null');
        }
        catch {
            return undefined;
        }
        if (typeof value !== 'object' || value === null)
            return undefined;
        const r = value;
        if (!STATES.includes(r.state) || typeof r.kernelBoot !== 'string' || typeof r.sinceWall !== 'string') {
            return undefined;
        }
        const reason = typeof r.reason === 'string' ? r.reason : undefined;
        return { state: r.state, kernelBoot: r.kernelBoot, sinceWall: r.sinceWall, ...(reason ? { reason } : {}) };
    }
    /** Replaces the record atomically; throws HalError when flash cannot be written. */
    write(record) {
        this.storage.writeAtomic(this.path, `${JSON.stringify(record)}\n`);
    }
}
/**
 * Why the previous run ended. `kernelBoot` is this boot's kernel boot id; `bootStatus` the
 * watchdog's WDIOF_* flags (undefined when unknown).
 */
export function previousRunEnd(prev, kernelBoot, bootStatus) {
    if (!prev)
        return { text: 'no record of an earlier run (first boot, or the record was lost)', level: 'info' };
    if (prev.state === 'stopped')
        return { text: `clean shutdown (${prev.reason ?? 'stopped'}) at ${prev.sinceWall}`, level: 'info' };
    const starving = prev.state === 'starving' ? `${prev.reason ?? 'unhealthy'} (from ${prev.sinceWall})` : null;
    if (kernelBoot !== undefined && prev.kernelBoot === kernelBoot) {
        return {
            text: starving
                ? `the firmware ended while its watchdog was starving: ${starving}; the kernel kept running`
                : 'the firmware ended without shutting down (crashed or killed); the kernel kept running',
            level: 'warn',
        };
    }
    if (bootStatus !== undefined && (bootStatus & WDIOF_CARDRESET) !== 0) {
        return {
            text: starving
                ? `watchdog reset: ${starving}`
                : 'watchdog reset: no thread of the firmware ran to record why (the whole process hung or was frozen)',
            level: 'error',
        };
    }
    return {
        text: starving
            ? `reboot while the watchdog was starving: ${starving}`
            : 'power loss or reset without a shutdown (the firmware was running)',
        level: 'warn',
    };
}
//# sourceMappingURL=run-record.js.map