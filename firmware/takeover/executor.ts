/**
 * Executes the armed plan on this unit's kernel: taking over (virtual MACs, addresses,
 * forwarding, the first announcement) and giving up (forwarding off, addresses removed, own
 * MACs back). Runs in the heartbeat worker for HA, on the main thread for a standalone unit.
 *
 * A failed step is logged and the rest carried on: a port that cannot take its address must
 * not keep the other ports from serving. Nothing here throws.
 */
import type { Clock } from '../../hal/clock/index.js';
import type { IpConfigDevice, L2Device } from '../../hal/nic/index.js';
import { formatMac } from '../../lib/ethernet.js';
import type { Logger } from '../log/logger.js';
import { Announcer } from './announcer.js';
import { EMPTY_PLAN, isVirtualMac, type TakeoverPlan, type TakeoverPort, unitPortMac } from './plan.js';

export interface TakeoverResult {
  /** Frames of the first announcement. */
  announced: number;
  failures: string[];
}

/** Where a takeover spent its time (ms), for the log and the benchmarks' step trace. */
export interface TakeoverPhases {
  macs: number;
  addresses: number;
  forwarding: number;
  announcement: number;
}

export class TakeoverExecutor {
  #plan: TakeoverPlan = EMPTY_PLAN;
  #active = false;
  /** Each port's own MAC, learnt the first time the port is planned. */
  readonly #own = new Map<string, Uint8Array>();
  readonly #announcer: Announcer;
  /** The last takeover's phases; measured only with a clock. */
  readonly phases: TakeoverPhases = { macs: 0, addresses: 0, forwarding: 0, announcement: 0 };

  constructor(
    private readonly nic: IpConfigDevice & L2Device,
    private readonly serial: string,
    private readonly log: Logger,
    private readonly clock?: Clock,
  ) {
    this.#announcer = new Announcer(nic, log);
  }

  get active(): boolean {
    return this.#active;
  }

  get plan(): TakeoverPlan {
    return this.#plan;
  }

  /**
   * Arms a (new) plan. While active, the kernel is brought to the new plan at once (addresses
   * that left it removed, new ones added); while not, whatever the plan would own is released,
   * so a unit restarted after a crash as primary does not keep answering for the gateway.
   */
  arm(plan: TakeoverPlan): string[] {
    const previous = this.#plan;
    this.#plan = plan;
    this.#announcer.setPorts(plan.ports);
    for (const p of plan.ports) if (!this.#own.has(p.ifname)) this.#own.set(p.ifname, this.#ownMac(p));
    const failures: string[] = [];
    const stale = previous.ports.flatMap((p) => {
      const next = plan.ports.find((q) => q.ifname === p.ifname);
      return [...p.ipv4, ...p.ipv6].filter((a) => !next || ![...next.ipv4, ...next.ipv6].includes(a)).map((a) => ({ p, a }));
    });
    for (const { p, a } of stale) this.#step(failures, `remove ${a} from ${p.name}`, () => this.nic.removeAddress(p.ifname, a));
    // A port that leaves the plan, or stops presenting a virtual MAC, gets its own MAC back now.
    for (const p of previous.ports) {
      const next = plan.ports.find((q) => q.ifname === p.ifname);
      const own = this.#own.get(p.ifname);
      if (p.virtualMac && !next?.virtualMac && own) {
        this.#step(failures, `own MAC ${formatMac(own)} on ${p.name}`, () => this.nic.setMac(p.ifname, own));
      }
    }
    if (this.#active) this.#claim(failures);
    else this.#release(failures);
    return failures;
  }

  /** The fast path: MACs, addresses, forwarding, then the first announcement (each phase timed). */
  takeOver(): TakeoverResult {
    const failures: string[] = [];
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
  giveUp(): string[] {
    const failures: string[] = [];
    this.#active = false;
    this.#release(failures);
    return failures;
  }

  /** One announcement burst with the MACs the ports present now. */
  announce(): number {
    return this.#announcer.burst(this.#plan.ports, (p) => p.virtualMac ?? this.#own.get(p.ifname));
  }

  close(): void {
    this.#announcer.close();
  }

  #claim(failures: string[]): void {
    this.#claimMacs(failures);
    this.#claimAddresses(failures);
    this.#restoreRoutes(failures);
    this.#step(failures, 'enable forwarding', () => this.nic.setIpv4Forwarding(true));
  }

  #claimMacs(failures: string[]): void {
    for (const p of this.#plan.ports) {
      const mac = p.virtualMac;
      if (mac) this.#step(failures, `virtual MAC ${formatMac(mac)} on ${p.name}`, () => this.nic.setMac(p.ifname, mac));
    }
  }

  /** Every address of the plan in one kernel exchange: one round trip instead of one per address. */
  #claimAddresses(failures: string[]): void {
    const items = this.#plan.ports.flatMap((p) =>
      [...p.ipv4, ...p.ipv6].map((cidr) => ({ ifname: p.ifname, cidr, port: p.name })),
    );
    if (items.length === 0) return;
    const results = this.nic.addAddresses(items);
    results.forEach((err, i) => {
      const it = items[i];
      if (err && it) this.#failed(failures, `add ${it.cidr} to ${it.port}`, err);
    });
  }

  #now(): number {
    return this.clock?.nowMs() ?? 0;
  }

  #release(failures: string[]): void {
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
  #restoreRoutes(failures: string[]): void {
    for (const r of this.#plan.routes) this.#step(failures, `route ${r.dst} on ${r.ifname}`, () => this.nic.replaceRoute(r));
  }

  #step(failures: string[], what: string, run: () => void): void {
    try {
      run();
    } catch (err) {
      this.#failed(failures, what, err as Error);
    }
  }

  #failed(failures: string[], what: string, err: Error): void {
    const text = `${what}: ${err.message}`;
    failures.push(text);
    this.log.event(`takeover step failed: ${text}`, 'error');
  }

  /**
   * The MAC the port had before any takeover. A port found holding a virtual MAC (this unit
   * restarted while primary) gets one made from the serial (`unitPortMac`).
   */
  #ownMac(p: TakeoverPort): Uint8Array {
    const seen = this.#announcer.macAtOpen(p.ifname);
    if (seen && !isVirtualMac(seen)) return seen;
    return unitPortMac(this.serial, p.ifname);
  }
}
