/**
 * What the NIC's non-blocking datagram sockets share (AF_PACKET ports and UDP ports): the fd,
 * the counters, receive without allocating, close once, and how a failed send is counted.
 * Hot-path methods never throw.
 */
import { libc } from '../libc.js';
import type { PortCounters } from './index.js';

export abstract class DatagramSocket {
  readonly counters: PortCounters = { txFrames: 0, txErrors: 0, rxFrames: 0, lastTxErrno: 0 };
  protected closed = false;

  constructor(readonly fd: number) {}

  /** Receives one pending datagram into `buf`; its length, or -1 when none is pending. */
  recv(buf: Uint8Array): number {
    if (this.closed) return -1;
    const n = libc.recv(this.fd, buf, buf.byteLength, 0);
    if (n < 0) return -1;
    this.counters.rxFrames++;
    return n;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    libc.close(this.fd);
  }

  protected failed(err: number): false {
    this.counters.txErrors++;
    this.counters.lastTxErrno = err;
    return false;
  }

  protected sent(): true {
    this.counters.txFrames++;
    return true;
  }
}
