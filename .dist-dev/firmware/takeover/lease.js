export function leaseTtlMs(s) {
    return s.intervalMs * Math.max(1, s.lostThreshold - 1);
}
export class Lease {
    log;
    #fence = null;
    #reason = '';
    #ttlMs;
    #untilMs = 0;
    #revoked = true;
    #renewals = 0;
    constructor(device, settings, log) {
        this.log = log;
        this.#ttlMs = leaseTtlMs(settings);
        try {
            this.#fence = device.open();
            if (this.#fence.unpinned !== null) {
                log.event(`self-fencing is not pinned (${this.#fence.unpinned}): a killed firmware's kernel would go on forwarding`, 'warn');
            }
        }
        catch (err) {
            this.#reason = err.message;
            log.event(`self-fencing unavailable, a hung firmware's kernel would go on forwarding: ${this.#reason}`, 'warn');
        }
    }
    setTiming(settings) {
        this.#ttlMs = leaseTtlMs(settings);
    }
    /** Fences the ports of `plan` that present a virtual MAC (a standalone unit's own MACs are not fenced). */
    setPorts(plan) {
        if (!this.#fence)
            return;
        const ports = [];
        for (const p of plan.ports)
            if (p.virtualMac)
                ports.push({ name: p.name, ifname: p.ifname, mac: p.virtualMac });
        try {
            this.#fence.setPorts(ports);
        }
        catch (err) {
            this.log.event(`self-fencing: ${err.message}`, 'error');
        }
    }
    /** Hot path: a store into memory the kernel reads. */
    renew(now) {
        this.#untilMs = now + this.#ttlMs;
        this.#revoked = false;
        this.#renewals++;
        this.#fence?.renew(this.#untilMs);
    }
    revoke() {
        this.#revoked = true;
        this.#fence?.revoke();
    }
    view(now) {
        let state = 'held';
        if (!this.#fence)
            state = 'unavailable';
        else if (this.#revoked)
            state = 'revoked';
        else if (now >= this.#untilMs)
            state = 'expired';
        return {
            state,
            ttlMs: this.#ttlMs,
            remainingMs: this.#untilMs - now,
            renewals: this.#renewals,
            reason: this.#reason,
        };
    }
    close() {
        this.#fence?.close();
    }
}
//# sourceMappingURL=lease.js.map