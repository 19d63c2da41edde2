/**
 * The primary's self-fencing lease (hal/fence): the heartbeat worker renews it on every turn
 * while the election says this unit is primary, so a firmware that hangs or is starved stops
 * forwarding and speaking with the virtual MAC on its own, one heartbeat interval before its
 * peers' failure detector can declare it lost. A hung primary then costs what a power loss
 * costs, and its kernel never forwards beside its successor's.
 *
 * The lease lasts `hb-interval × (hb-lost-threshold − 1)` (at least one interval): a peer
 * declares us lost `hb-interval × hb-lost-threshold` after the last heartbeat it heard, which
 * went out on the same turn as the last renewal, so the lease always runs out first. A stall of
 * the worker shorter than that costs nothing; a longer one fences the ports until it resumes.
 */
import type { FenceDevice, FencedPort, LeaseFence } from '../../hal/fence/index.js';
import type { Logger } from '../log/logger.js';
import type { TakeoverPlan } from './plan.js';

export interface LeaseSettings {
  intervalMs: number;
  lostThreshold: number;
}

export interface LeaseView {
  /** `held` until the deadline; `revoked` by a give-up; `expired` when renewals stopped. */
  state: 'held' | 'expired' | 'revoked' | 'unavailable';
  ttlMs: number;
  /** ms left while held, else ms since it ran out. */
  remainingMs: number;
  renewals: number;
  /** Why the kernel cannot fence ('' when it can). */
  reason: string;
}

export function leaseTtlMs(s: LeaseSettings): number {
  return s.intervalMs * Math.max(1, s.lostThreshold - 1);
}

export class Lease {
  #fence: LeaseFence | null = null;
  #reason = '';
  #ttlMs: number;
  #untilMs = 0;
  #revoked = true;
  #renewals = 0;

  constructor(
    device: FenceDevice,
    settings: LeaseSettings,
    private readonly log: Logger,
  ) {
    this.#ttlMs = leaseTtlMs(settings);
    try {
      this.#fence = device.open();
      if (this.#fence.unpinned !== null) {
        log.event(
          `self-fencing is not pinned (${this.#fence.unpinned}): a killed firmware's kernel would go on forwarding`,
          'warn',
        );
      }
    } catch (err) {
      this.#reason = (err as Error).message;
      log.event(`self-fencing unavailable, a hung firmware's kernel would go on forwarding: ${this.#reason}`, 'warn');
    }
  }

  setTiming(settings: LeaseSettings): void {
    this.#ttlMs = leaseTtlMs(settings);
  }

  /** Fences the ports of `plan` that present a virtual MAC (a standalone unit's own MACs are not fenced). */
  setPorts(plan: TakeoverPlan): void {
    if (!this.#fence) return;
    const ports: FencedPort[] = [];
    for (const p of plan.ports) if (p.virtualMac) ports.push({ name: p.name, ifname: p.ifname, mac: p.virtualMac });
    try {
      this.#fence.setPorts(ports);
    } catch (err) {
      this.log.event(`self-fencing: ${(err as Error).message}`, 'error');
    }
  }

  /** Hot path: a store into memory the kernel reads. */
  renew(now: number): void {
    this.#untilMs = now + this.#ttlMs;
    this.#revoked = false;
    this.#renewals++;
    this.#fence?.renew(this.#untilMs);
  }

  revoke(): void {
    this.#revoked = true;
    this.#fence?.revoke();
  }

  view(now: number): LeaseView {
    let state: LeaseView['state'] = 'held';
    if (!this.#fence) state = 'unavailable';
    else if (this.#revoked) state = 'revoked';
    else if (now >= this.#untilMs) state = 'expired';
    return {
      state,
      ttlMs: this.#ttlMs,
      remainingMs: this.#untilMs - now,
      renewals: this.#renewals,
      reason: this.#reason,
    };
  }

  close(): void {
    this.#fence?.close();
  }
}
