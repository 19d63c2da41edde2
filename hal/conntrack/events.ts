/**
 * Conntrack event subscription: a non-blocking NETLINK_NETFILTER socket bound to the groups of
 * the event types asked for, read from a poll loop.
 *
 * The kernel sends each event as a datagram of its own and drops what does not fit the receive
 * buffer, leaving ENOBUFS for the next receive; `read` reports that as an overrun and carries
 * on with what was queued after it, since the caller's answer (a resync from a dump) does not
 * depend on how much was lost.
 */
import { HalError } from '../errors.js';
import { E, errno, errnoText, libc } from '../libc.js';
import { NLM_F_CREATE, openNetlinkSocket } from '../netlink.js';
import { decodeExpectation, decodeSession, forEachMessage, newDecodeCounters } from './decode.js';
import type { CtEvent, CtEventCounters, CtEventRead, CtEventSocket, CtSubscribeOptions } from './index.js';
import { GROUP, MSG, NETLINK_NETFILTER } from './wire.js';

/** Larger than any one event (ctnetlink sizes them under a page). */
const RECV_BYTES = 16 * 1024;

class NetlinkEventSocket implements CtEventSocket {
  readonly counters: CtEventCounters = { ...newDecodeCounters(), events: 0, overruns: 0 };
  private readonly buf = new Uint8Array(RECV_BYTES);
  private readonly view = new DataView(this.buf.buffer);
  private closed = false;

  constructor(readonly fd: number) {}

  read(max: number): CtEventRead {
    const events: CtEvent[] = [];
    let overrun = false;
    const c = this.counters;
    const onMessage = (off: number, len: number, type: number, flags: number): void => {
      if (type === MSG.CT_NEW || type === MSG.CT_DELETE) {
        const session = decodeSession(this.view, this.buf, off, len, c);
        if (!session) return;
        // A new entry's event carries NLM_F_CREATE (with NLM_F_EXCL); a change's does not.
        const kind = type === MSG.CT_DELETE ? 'destroy' : flags & NLM_F_CREATE ? 'new' : 'update';
        events.push({ type: kind, session });
      } else if (type === MSG.EXP_NEW || type === MSG.EXP_DELETE) {
        const expectation = decodeExpectation(this.view, this.buf, off, len, c);
        if (expectation) events.push({ type: type === MSG.EXP_NEW ? 'exp-new' : 'exp-destroy', expectation });
      } else {
        c.unknownType++;
      }
    };
    while (!this.closed && events.length < max) {
      const n = libc.recv(this.fd, this.buf, this.buf.length, 0);
      if (n > 0) {
        forEachMessage(this.view, n, c, onMessage);
        continue;
      }
      if (n < 0 && errno() === E.ENOBUFS) {
        overrun = true;
        c.overruns++;
        continue;
      }
      break;
    }
    c.events += events.length;
    return { events, overrun };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    libc.close(this.fd);
  }
}

export function openEventSocket(options: CtSubscribeOptions): CtEventSocket {
  let groups = 0;
  for (const type of options.types) groups |= GROUP[type];
  const fd = openNetlinkSocket(NETLINK_NETFILTER, groups, options.rcvbufBytes);
  if (fd < 0) throw new HalError('conntrack', 'subscribe', -fd, errnoText(-fd));
  return new NetlinkEventSocket(fd);
}
