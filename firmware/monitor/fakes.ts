/**
 * Test doubles for remote link monitoring: timers that run on a FakeClock, and an ICMP device
 * whose servers answer when the test says they are reachable. Both fail the way the real ones
 * do: a timer longer than setTimeout allows is refused, a refused open throws HalError, and
 * a reply cannot be received before its round trip has passed.
 */

import type { Clock } from '../../hal/clock/index.js';
import { HalError } from '../../hal/errors.js';
import type { EchoReply, IcmpDevice, Pinger, PingerCounters, PingerOptions } from '../../hal/icmp/index.js';
import type { FakeClock } from '../time/fake-clock.js';
import type { Cancel, Timers } from '../time/timers.js';

const MAX_TIMER_MS = 0x7fffffff;

interface Pending {
  atMs: number;
  order: number;
  fn: () => void;
  cancelled: boolean;
}

export class FakeTimers implements Timers {
  private pending: Pending[] = [];
  private order = 0;

  constructor(readonly clock: FakeClock) {}

  after(ms: number, fn: () => void): Cancel {
    // setTimeout turns a longer delay into 1 ms: a caller that asks for one has a bug.
    if (!(ms >= 0 && ms <= MAX_TIMER_MS)) throw new RangeError(`timer of ${ms} ms: allowed 0-${MAX_TIMER_MS}`);
    const p: Pending = { atMs: this.clock.nowMs() + ms, order: this.order++, fn, cancelled: false };
    this.pending.push(p);
    return () => {
      p.cancelled = true;
    };
  }

  /** Moves time forward by `ms`, running each timer due on the way at its own time, in order. */
  advance(ms: number): void {
    const end = this.clock.nowMs() + ms;
    for (;;) {
      this.pending = this.pending.filter((p) => !p.cancelled);
      const due = this.pending.filter((p) => p.atMs <= end).sort((a, b) => a.atMs - b.atMs || a.order - b.order)[0];
      if (!due) break;
      this.pending.splice(this.pending.indexOf(due), 1);
      this.clock.advanceTo(due.atMs);
      due.fn();
    }
    this.clock.advanceTo(end);
  }

  /** Timers armed and not cancelled. */
  get armed(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }
}

export class FakePinger implements Pinger {
  readonly fd = -1;
  readonly counters: PingerCounters = { sent: 0, sendErrors: 0, lastSendErrno: 0, received: 0, ignored: 0 };
  readonly probes: { dst: string; seq: number }[] = [];
  closed = false;
  private queued: (EchoReply & { atMs: number })[] = [];

  constructor(
    private readonly device: FakeIcmp,
    readonly ifname: string,
    readonly source: string | undefined,
    readonly id: number,
  ) {}

  send(dst: string, seq: number): boolean {
    if (this.closed || this.device.sendFails) {
      this.counters.sendErrors++;
      return false;
    }
    this.counters.sent++;
    this.probes.push({ dst, seq });
    const rttMs = this.device.rttMs;
    if (this.device.reachable.has(dst)) this.queued.push({ from: dst, seq, rttMs, atMs: this.device.clock.nowMs() + rttMs });
    return true;
  }

  /** The replies that have arrived by now. */
  receive(): EchoReply[] {
    if (this.closed) return [];
    const now = this.device.clock.nowMs();
    const out = this.queued.filter((r) => r.atMs <= now).map(({ atMs: _, ...r }) => r);
    this.queued = this.queued.filter((r) => r.atMs > now);
    this.counters.received += out.length;
    return out;
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeIcmp implements IcmpDevice {
  constructor(readonly clock: Clock) {}

  /** Servers that answer, `rttMs` after the probe; a probe to any other is lost. */
  readonly reachable = new Set<string>();
  rttMs = 1.5;
  /** Every send fails (no source address yet, no route). */
  sendFails = false;
  /** When set, openPinger throws a HalError with this errno. */
  openErrno = 0;
  readonly opened: FakePinger[] = [];

  openPinger(options: PingerOptions): Pinger {
    if (this.openErrno) {
      throw new HalError(`icmp ${options.ifname}`, 'openPinger: SO_BINDTODEVICE', this.openErrno, 'ENODEV (No such device)');
    }
    const p = new FakePinger(this, options.ifname, options.source, options.id);
    this.opened.push(p);
    return p;
  }

  /** The pingers still open. */
  get open(): FakePinger[] {
    return this.opened.filter((p) => !p.closed);
  }
}
