/**
 * Executes the armed plan on this unit's kernel: taking over (virtual MACs, addresses,
 * forwarding, the first announcement) and giving up (forwarding off, addresses removed, own
 * MACs back). Runs in the heartbeat worker for HA, on the main thread for a standalone unit.
 *
 * A failed step is logged and the rest carried on: a port that cannot take its address must
 * not keep the other ports from serving. Nothing here throws.
 */
import { createHash } from 'node:crypto';
import { formatMac } from '../../lib/ethernet.js';
import { Announcer } from './announcer.js';
import { EMPTY_PLAN, isVirtualMac } from './plan.js';
export class TakeoverExecutor {
    nic;
    serial;
    log;
    clock;
    #plan = EMPTY_PLAN;
    #active = false;
    /** Each port's own MAC, learnt the first time the port is planned. */
    #own = new Map();
    #announcer;
    /** The last takeover's phases; measured only with a clock. */
    phases = { macs: 0, addresses: 0, forwarding: 0, announcement: 0 };
    constructor(nic, serial, log, clock) {
        this.nic = nic;
        this.serial = serial;
        this.log = log;
        this.clock = clock;
        this.#announcer = new Announcer(nic, log);
    }
    get active() {
        return this.#active;
    }
    get plan() {
        return this.#plan;
    }
    /**
     * Arms a (new) plan. While active, the kernel is brought to the new plan at once (addresses
     * that left it removed, new ones added); while not, whatever the plan would own is released,
     * so a unit restarted after a crash as primary does not keep answering for the gateway.
     */
    arm(plan) {
        const previous = this.#plan;
        this.#plan = plan;
        this.#announcer.setPorts(plan.ports);
        plan.ports.forEach((p, index) => {
            if (!this.#own.has(p.ifname))
                this.#own.set(p.ifname, this.#ownMac(p, index));
        });
        const failures = [];
        const stale = previous.ports.flatMap((p) => {
            const next = plan.ports.find((q) => q.ifname === p.ifname);
            return [...p.ipv4, ...p.ipv6].filter((a) => !next || ![...next.ipv4, ...next.ipv6].includes(a)).map((a) => ({ p, a }));
        });
        for (const { p, a } of stale)
            this.#step(failures, `remove ${a} from ${p.name}`, () => this.nic.removeAddress(p.ifname, a));
        // A port that leaves the plan, or stops presenting a virtual MAC, gets its own MAC back now.
        for (const p of previous.ports) {
            const next = plan.ports.find((q) => q.ifname === p.ifname);
            const own = this.#own.get(p.ifname);
            if (p.virtualMac && !next?.virtualMac && own) {
                this.#step(failures, `own MAC ${formatMac(own)} on ${p.name}`, () => this.nic.setMac(p.ifname, own));
            }
        }
        if (this.#active)
            this.#claim(failures);
        else
            this.#release(failures);
        return failures;
    }
    /** The fast path: MACs, addresses, forwarding, then the first announcement (each phase timed). */
    takeOver() {
        const failures = [];
        this.#active = true;
        const t0 = this.#now();
        this.#claimMacs(failures);
        const t1 = this.#now();
        // Adding addresses flushes no route: the routes were put back when the addresses last went.
        this.#claimAddresses(failures);
        const t2 = this.#now();
        this.#step(failures, 'enable forwarding', () => this.nic.setIpv4Forwarding(true));
        const t3 = this.#now();
        const announced = this.#plan.announce ? this.announce() : 0;
        const t4 = this.#now();
        this.phases.macs = t1 - t0;
        this.phases.addresses = t2 - t1;
        this.phases.forwarding = t3 - t2;
        this.phases.announcement = t4 - t3;
        return { announced, failures };
    }
    /** Gives everything up at once: forwarding first, so not one more packet is forwarded. */
    giveUp() {
        const failures = [];
        this.#active = false;
        this.#release(failures);
        return failures;
    }
    /** One announcement burst with the MACs the ports present now. */
    announce() {
        return this.#announcer.burst(this.#plan.ports, (p) => p.virtualMac ?? this.#own.get(p.ifname));
    }
    close() {
        this.#announcer.close();
    }
    #claim(failures) {
        this.#claimMacs(failures);
        this.#claimAddresses(failures);
        this.#restoreRoutes(failures);
        this.#step(failures, 'enable forwarding', () => this.nic.setIpv4Forwarding(true));
    }
    #claimMacs(failures) {
        for (const p of this.#plan.ports) {
            const mac = p.virtualMac;
            if (mac)
                this.#step(failures, `virtual MAC ${formatMac(mac)} on ${p.name}`, () => this.nic.setMac(p.ifname, mac));
        }
    }
    /** Every address of the plan in one kernel exchange: one round trip instead of one per address. */
    #claimAddresses(failures) {
        const items = this.#plan.ports.flatMap((p) => [...p.ipv4, ...p.ipv6].map((cidr) => ({ ifname: p.ifname, cidr, port: p.name })));
        if (items.length === 0)
            return;
        const results = this.nic.addAddresses(items);
        results.forEach((err, i) => {
            const it = items[i];
            if (err && it)
                this.#failed(failures, `add ${it.cidr} to ${it.port}`, err);
        });
    }
    #now() {
        return this.clock?.nowMs() ?? 0;
    }
    #release(failures) {
        this.#step(failures, 'disable forwarding', () => this.nic.setIpv4Forwarding(false));
        for (const p of this.#plan.ports) {
            for (const a of [...p.ipv4, ...p.ipv6])
                this.#step(failures, `remove ${a} from ${p.name}`, () => this.nic.removeAddress(p.ifname, a));
            const own = this.#own.get(p.ifname);
            if (p.virtualMac && own)
                this.#step(failures, `own MAC ${formatMac(own)} on ${p.name}`, () => this.nic.setMac(p.ifname, own));
        }
        this.#restoreRoutes(failures);
    }
    /** The kernel flushed the routes through a port whose last address went (plan.ts): put them back. */
    #restoreRoutes(failures) {
        for (const r of this.#plan.routes)
            this.#step(failures, `route ${r.dst} on ${r.ifname}`, () => this.nic.replaceRoute(r));
    }
    #step(failures, what, run) {
        try {
            run();
        }
        catch (err) {
            this.#failed(failures, what, err);
        }
    }
    #failed(failures, what, err) {
        const text = `${what}: ${err.message}`;
        failures.push(text);
        this.log.event(`takeover step failed: ${text}`, 'error');
    }
    /**
     * The MAC the port had before any takeover. A port found holding a virtual MAC (this unit
     * restarted while primary) gets a stable one made from the serial: locally administered,
     * unique per board and port, and never in the virtual range.
     */
    #ownMac(p, index) {
        const seen = this.#announcer.macAtOpen(p.ifname);
        if (seen && !isVirtualMac(seen))
            return seen;
        const hash = createHash('sha256').update(this.serial).digest();
        return Uint8Array.of(0x02, 0x54, 0x53, hash[0], hash[1], index & 0xff);
    }
}
//# sourceMappingURL=executor.js.map