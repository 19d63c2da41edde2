/**
 * ICMP device: echo probes (ping) from one interface to remote IPv4 addresses, for remote link
 * monitoring.
 *
 * A pinger is a non-blocking socket bound to one interface, optionally to one source address,
 * and to one ICMP identifier. Nothing waits: the owner sends, and drains replies whenever it
 * likes (a timer is enough) because each reply's round trip is measured from the kernel's
 * receive timestamp, not from the time it was drained. Replies queue in the socket meanwhile.
 *
 * Errors: `openPinger` throws `HalError` (errno + device: bad name, missing interface, no
 * privilege). `send` and `receive` never throw: a failed send returns false and is counted,
 * and anything received that is not an echo reply to this pinger is counted and dropped.
 */
import type { Pollable } from '../clock/index.js';

export interface PingerOptions {
  /** The interface probes leave by and replies must arrive on. */
  ifname: string;
  /**
   * The source address of the probes; replies to other addresses are not seen. It need not
   * be configured yet (a takeover may still be adding it): sends fail until it is.
   * Undefined: the kernel picks the interface's address.
   */
  source?: string;
  /** The ICMP identifier, 0..65535: replies carrying another one are someone else's. */
  id: number;
}

export interface EchoReply {
  /** The address that answered. */
  from: string;
  seq: number;
  /** Round trip in ms, kernel receive time minus the send time carried in the probe. */
  rttMs: number;
}

export interface PingerCounters {
  sent: number;
  sendErrors: number;
  /** errno of the most recent failed send, 0 if none. */
  lastSendErrno: number;
  /** Echo replies to this pinger. */
  received: number;
  /** Packets received and dropped: malformed, bad checksum, another identifier. */
  ignored: number;
}

export interface Pinger extends Pollable {
  readonly ifname: string;
  readonly source: string | undefined;
  readonly id: number;
  readonly counters: PingerCounters;
  /** Sends an echo request with this pinger's id and `seq` (0..65535). False on failure, never throws. */
  send(dst: string, seq: number): boolean;
  /** Drains the pending echo replies to this pinger; [] when none. Never throws. */
  receive(): EchoReply[];
  close(): void;
}

export interface IcmpDevice {
  /** Throws HalError when the options are invalid or the socket cannot be opened and bound. */
  openPinger(options: PingerOptions): Pinger;
}
