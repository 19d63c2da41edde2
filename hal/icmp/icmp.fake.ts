/**
 * An ICMP device for tests (remote link monitoring): its servers answer when the test says
 * they are reachable. It fails the way the real one does: a refused open throws HalError, and
 * a reply cannot be received before its round trip has passed.
 */
import type { Clock } from '../clock/index.js';
import { HalError } from '../errors.js';
import type { EchoReply, IcmpDevice, Pinger, PingerCounters, PingerOptions } from './index.js';

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
