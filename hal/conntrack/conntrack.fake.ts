/**
 * A conntrack table for tests of session sync: sessions and expectations in memory, written and
 * dumped through the same interface as the kernel's, with event sockets whose fds the poller of
 * a FakeClockDevice watches (pass its fd table). A test plays the kernel's own traffic with
 * `kernelCreate` / `kernelDestroy` / `addExpectation`, which raise events like packets do.
 *
 * It fails the way the Linux driver does. Per record: EEXIST (create of a present session),
 * ENOENT (update or delete of an absent one, or create of a related session whose master is
 * absent), EINVAL (address text that is not of the record's family), EBUSY (update that changes
 * EXPECTED), and any errno a test injects for one original tuple with failWith(). Expectations:
 * ENOENT when the master is absent (create) or nothing matches the tuple (delete), EOPNOTSUPP
 * when the master has no helper; one whose tuple is there already only takes the new timeout.
 * A tuple matches an expectation when destination, protocol and destination port are equal,
 * and the source address and port are equal where the mask has them (all ones) or are masked
 * out altogether (the kernel's masks for helpers are one or the other). It keeps what
 * the kernel keeps: status with CONFIRMED|SEEN_REPLY|ASSURED, EXPECTED when given a master,
 * HELPER with a helper, the NAT bits when the reply tuple is translated; TCP window scaling only
 * when both sides have WINDOW_SCALE, BE_LIBERAL both ways when the record has no TCP info or
 * relaxTcpWindows names it. setTcpLiberal keeps the switch in `tcpLiberal` and fails with
 * `tcpLiberalErrno` when a test sets one.
 * An event socket holds `rcvbufBytes / EVENT_BYTES` events; what does not fit is dropped and the
 * next read reports the overrun. A second dump at once, or any use after close, is HalError.
 * Given a clock, it keeps start times as the kernel does once enableTimestamps() was called:
 * entries made from then on are stamped with the wall time, dumps and destroy events carry the
 * stamp, new and update events never do; without a clock, enableTimestamps() fails (ENOENT, as
 * a kernel without the sysctl).
 */

import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parseIpv4, parseIpv6 } from '../../lib/ip-text.js';
import { FakeFdTable } from '../clock/clock-device.fake.js';
import type { Clock } from '../clock/index.js';
import { E, HalError } from '../errors.js';
import {
  type ConntrackDevice,
  type ConntrackTable,
  type CtEvent,
  type CtEventCounters,
  type CtEventRead,
  type CtEventSocket,
  type CtExpectation,
  type CtExpectationKey,
  type CtFamily,
  type CtKey,
  type CtSession,
  type CtSubscribeOptions,
  type CtTcpInfo,
  type CtTuple,
  type CtWriteResult,
  IPS,
  PROTO,
  TCP_FLAG,
} from './index.js';

/** Receive-buffer bytes an event takes in the kernel (an skb of about a kilobyte). */
export const EVENT_BYTES = 1024;
const NOW = Number.NEGATIVE_INFINITY;
const NEVER = Number.POSITIVE_INFINITY;
const KEPT = IPS.CONFIRMED | IPS.SEEN_REPLY | IPS.ASSURED;
const TCP_OPTIONS = TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM | TCP_FLAG.CLOSE_INIT | TCP_FLAG.BE_LIBERAL;

const keyOf = (family: CtFamily, zone: number, t: CtTuple): string =>
  `${family} ${zone} ${t.proto} ${t.src} ${t.sport} ${t.dst} ${t.dport} ${t.icmpId} ${t.icmpType} ${t.icmpCode}`;

/** Whether `t` is what the expectation `e` expects (see the header). */
function expects(e: CtExpectation, family: CtFamily, t: CtTuple): boolean {
  const m = e.mask;
  const x = e.tuple;
  return (
    e.family === family &&
    x.proto === t.proto &&
    x.dst === t.dst &&
    x.dport === t.dport &&
    (!/^(255\.255\.255\.255|ffff(:ffff){7})$/.test(m.src) || x.src === t.src) &&
    (m.sport === 0 || x.sport === t.sport)
  );
}

function validTuple(family: CtFamily, t: CtTuple): boolean {
  const parse = family === 4 ? parseIpv4 : parseIpv6;
  return parse(t.src) !== undefined && parse(t.dst) !== undefined;
}

/** The status bits the kernel adds for a reply tuple that is not the original inverted. */
function natBits(s: CtSession): number {
  const o = s.orig;
  const r = s.reply;
  const dnat = r.src !== o.dst || r.sport !== o.dport;
  const snat = r.dst !== o.src || r.dport !== o.sport || r.icmpId !== o.icmpId;
  if (!snat && !dnat) return 0;
  return IPS.SRC_NAT_DONE | IPS.DST_NAT_DONE | (snat ? IPS.SRC_NAT : 0) | (dnat ? IPS.DST_NAT : 0);
}

class FakeEventSocket implements CtEventSocket {
  readonly fd: number;
  readonly counters: CtEventCounters = {
    truncated: 0,
    unknownType: 0,
    badFamily: 0,
    badAttribute: 0,
    badTuple: 0,
    events: 0,
    overruns: 0,
  };
  #queue: CtEvent[] = [];
  #lost = false;
  #closed = false;
  readonly #capacity: number;
  readonly #types: ReadonlySet<string>;

  constructor(
    private readonly fds: FakeFdTable,
    options: CtSubscribeOptions,
  ) {
    this.fd = fds.open(this);
    this.#capacity = Math.max(1, Math.floor(options.rcvbufBytes / EVENT_BYTES));
    this.#types = new Set(options.types);
  }

  deliver(event: CtEvent): void {
    if (this.#closed || !this.#types.has(event.type)) return;
    if (this.#queue.length >= this.#capacity) this.#lost = true;
    else this.#queue.push(event);
  }

  read(max: number): CtEventRead {
    const events = this.#queue.splice(0, Math.max(0, max));
    const overrun = this.#lost;
    if (overrun) this.counters.overruns++;
    this.#lost = false;
    this.counters.events += events.length;
    return { events, overrun };
  }

  readableAt(): number {
    return this.#queue.length > 0 || this.#lost ? NOW : NEVER;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#queue = [];
    this.fds.close(this.fd);
  }
}

class FakeTable implements ConntrackTable {
  readonly counters = { truncated: 0, unknownType: 0, badFamily: 0, badAttribute: 0, badTuple: 0 };
  #dumping = false;
  #closed = false;

  constructor(private readonly ct: FakeConntrack) {}

  create(sessions: readonly CtSession[]): CtWriteResult {
    return this.#each('create', sessions, (s) => this.ct.insert(s, true));
  }

  update(sessions: readonly CtSession[]): CtWriteResult {
    return this.#each('update', sessions, (s) => this.ct.change(s));
  }

  delete(keys: readonly CtKey[]): CtWriteResult {
    return this.#each('delete', keys, (k) => this.ct.remove(k));
  }

  relaxTcpWindows(keys: readonly CtKey[]): CtWriteResult {
    return this.#each('relax TCP windows', keys, (k) => this.ct.relax(k));
  }

  #each<T extends CtKey>(operation: string, records: readonly T[], apply: (r: T) => number): CtWriteResult {
    this.#check(operation);
    const failures = [];
    for (const [index, r] of records.entries()) {
      const errno = validTuple(r.family, r.orig) ? (this.ct.injected(r) ?? apply(r)) : E.EINVAL;
      if (errno !== 0) failures.push({ index, errno });
    }
    return { done: records.length - failures.length, failures };
  }

  createExpectations(expectations: readonly CtExpectation[]): CtWriteResult {
    this.#check('create expectations');
    return this.#results(expectations.map((e) => this.ct.expect(e)));
  }

  deleteExpectations(keys: readonly CtExpectationKey[]): CtWriteResult {
    this.#check('delete expectations');
    return this.#results(keys.map((k) => (validTuple(k.family, k.tuple) ? this.ct.unexpect(k) : E.EINVAL)));
  }

  #results(errnos: number[]): CtWriteResult {
    const failures = errnos.flatMap((errno, index) => (errno === 0 ? [] : [{ index, errno }]));
    return { done: errnos.length - failures.length, failures };
  }

  dump(family?: CtFamily): AsyncIterable<CtSession[]> {
    return this.#stream(() => [...this.ct.sessions.values()].filter((s) => !family || s.family === family));
  }

  dumpExpectations(family?: CtFamily): AsyncIterable<CtExpectation[]> {
    return this.#stream(() => this.ct.expectations.filter((e) => !family || e.family === family));
  }

  async *#stream<T>(snapshot: () => T[]): AsyncGenerator<T[]> {
    this.#check('dump');
    if (this.#dumping) throw new HalError('conntrack', 'dump', E.EBUSY);
    this.#dumping = true;
    try {
      const all = snapshot().map((r) => structuredClone(r));
      for (let i = 0; i < all.length; i += this.ct.dumpBatch) {
        yield all.slice(i, i + this.ct.dumpBatch);
        // As the driver does: the next chunk comes a turn of the event loop later.
        await yieldToEventLoop();
        this.#check('dump');
      }
    } finally {
      this.#dumping = false;
    }
  }

  count(): number {
    this.#check('count');
    return this.ct.sessions.size;
  }

  flush(): void {
    this.#check('flush');
    for (const s of [...this.ct.sessions.values()]) this.ct.remove(s);
  }

  #check(operation: string): void {
    if (this.#closed) throw new HalError('conntrack', operation, E.EBADF);
  }

  close(): void {
    this.#closed = true;
  }
}

export class FakeConntrack implements ConntrackDevice {
  /** By family, zone and original tuple. */
  readonly sessions = new Map<string, CtSession>();
  readonly expectations: CtExpectation[] = [];
  readonly sockets: FakeEventSocket[] = [];
  /** Entries a dump hands over at once (the kernel's are a few hundred). */
  dumpBatch = 128;
  #nextId = 1;
  readonly #failures = new Map<string, number>();
  #stamping = false;
  /** net.netfilter.nf_conntrack_tcp_be_liberal, and every value written to it in order. */
  tcpLiberal = false;
  readonly tcpLiberalWrites: boolean[] = [];
  /** Set to make setTcpLiberal fail with this errno (as a kernel without the sysctl: ENOENT). */
  tcpLiberalErrno = 0;

  constructor(
    private readonly fds: FakeFdTable = new FakeFdTable(),
    private readonly clock: Clock | null = null,
  ) {}

  open(): ConntrackTable {
    return new FakeTable(this);
  }

  subscribe(options: CtSubscribeOptions): CtEventSocket {
    const socket = new FakeEventSocket(this.fds, options);
    this.sockets.push(socket);
    return socket;
  }

  enableTimestamps(): void {
    if (!this.clock) throw new HalError('conntrack', 'enableTimestamps', E.ENOENT, 'the fake was given no clock');
    this.#stamping = true;
  }

  setTcpLiberal(on: boolean): void {
    if (this.tcpLiberalErrno !== 0) throw new HalError('conntrack', 'setTcpLiberal', this.tcpLiberalErrno);
    this.tcpLiberal = on;
    this.tcpLiberalWrites.push(on);
  }

  /** Makes every write of this key fail with `errno` (0 clears it). */
  failWith(key: CtKey, errno: number): void {
    if (errno === 0) this.#failures.delete(keyOf(key.family, key.zone, key.orig));
    else this.#failures.set(keyOf(key.family, key.zone, key.orig), errno);
  }

  injected(key: CtKey): number | undefined {
    return this.#failures.get(keyOf(key.family, key.zone, key.orig));
  }

  /**
   * A session the kernel made from traffic, as it is (no status forced). A start time it
   * carries is kept (a session older than the test); else it is stamped now if timestamps are on.
   */
  kernelCreate(s: CtSession): void {
    this.insert(s, false);
  }

  /** An entry that timed out or was closed. */
  kernelDestroy(key: CtKey): number {
    return this.remove(key);
  }

  addExpectation(e: CtExpectation): void {
    this.expectations.push(structuredClone(e));
    this.#emit({ type: 'exp-new', expectation: structuredClone(e) });
  }

  /** An expectation written through the table (createExpectations). */
  expect(e: CtExpectation): number {
    const tuples = [e.master, e.tuple, e.mask, ...(e.nat ? [e.nat] : [])];
    if (!tuples.every((t) => validTuple(e.family, t))) return E.EINVAL;
    const master = this.sessions.get(keyOf(e.family, 0, e.master));
    if (!master) return E.ENOENT;
    if (master.helper === '') return E.EOPNOTSUPP;
    const there = this.expectations.find((x) => expects(x, e.family, e.tuple));
    if (there) {
      there.timeout = e.timeout;
      return 0;
    }
    this.addExpectation({ ...e, id: this.#nextId++ });
    return 0;
  }

  unexpect(key: CtExpectationKey): number {
    const there = this.expectations.find((x) => expects(x, key.family, key.tuple));
    if (!there) return E.ENOENT;
    this.expectations.splice(this.expectations.indexOf(there), 1);
    this.#emit({ type: 'exp-destroy', expectation: structuredClone(there) });
    return 0;
  }

  insert(s: CtSession, viaNetlink: boolean): number {
    const key = keyOf(s.family, s.zone, s.orig);
    if (this.sessions.has(key)) return E.EEXIST;
    if (s.master && !this.sessions.has(keyOf(s.family, s.zone, s.master))) return E.ENOENT;
    const kept = structuredClone(s);
    kept.id = this.#nextId++;
    const stamp = this.#stamping && this.clock ? this.clock.wallMs() : 0;
    kept.startWallMs = viaNetlink ? stamp : s.startWallMs || stamp;
    if (viaNetlink) {
      kept.status =
        ((s.status | KEPT) & ~(IPS.EXPECTED | IPS.DYING)) |
        (s.master ? IPS.EXPECTED : 0) |
        (s.helper ? IPS.HELPER : 0) |
        natBits(s);
      if (s.orig.proto === PROTO.TCP) kept.tcp = this.#tcpKept(s);
    }
    this.sessions.set(key, kept);
    this.#emit({ type: 'new', session: { ...structuredClone(kept), startWallMs: 0 } });
    return 0;
  }

  #tcpKept(s: CtSession): CtTcpInfo {
    const t = s.tcp;
    if (!t) return { state: 0, wscaleOrig: 0, wscaleReply: 0, flagsOrig: TCP_FLAG.BE_LIBERAL, flagsReply: TCP_FLAG.BE_LIBERAL };
    const scaled = t.flagsOrig & t.flagsReply & TCP_FLAG.WINDOW_SCALE;
    return {
      state: t.state,
      wscaleOrig: scaled ? t.wscaleOrig : 0,
      wscaleReply: scaled ? t.wscaleReply : 0,
      flagsOrig: t.flagsOrig & TCP_OPTIONS,
      flagsReply: t.flagsReply & TCP_OPTIONS,
    };
  }

  change(s: CtSession): number {
    const kept = this.sessions.get(keyOf(s.family, s.zone, s.orig));
    if (!kept) return E.ENOENT;
    if ((s.status ^ kept.status) & IPS.EXPECTED) return E.EBUSY;
    kept.status |= s.status & ~(IPS.DYING | IPS.CONFIRMED);
    kept.timeout = s.timeout;
    kept.mark = s.mark;
    if (kept.tcp && s.tcp) kept.tcp = { ...this.#tcpKept(s), wscaleOrig: kept.tcp.wscaleOrig, wscaleReply: kept.tcp.wscaleReply };
    this.#emit({ type: 'update', session: { ...structuredClone(kept), startWallMs: 0 } });
    return 0;
  }

  /** BE_LIBERAL both ways on a TCP session; the kernel raises an update event for any session it changed, whatever its protocol. */
  relax(key: CtKey): number {
    const kept = this.sessions.get(keyOf(key.family, key.zone, key.orig));
    if (!kept) return E.ENOENT;
    if (kept.tcp) {
      kept.tcp.flagsOrig |= TCP_FLAG.BE_LIBERAL;
      kept.tcp.flagsReply |= TCP_FLAG.BE_LIBERAL;
    }
    this.#emit({ type: 'update', session: { ...structuredClone(kept), startWallMs: 0 } });
    return 0;
  }

  remove(key: CtKey): number {
    const k = keyOf(key.family, key.zone, key.orig);
    const kept = this.sessions.get(k);
    if (!kept) return E.ENOENT;
    this.sessions.delete(k);
    const gone = this.expectations.filter((e) => keyOf(e.family, key.zone, e.master) === k);
    for (const e of gone) {
      this.expectations.splice(this.expectations.indexOf(e), 1);
      this.#emit({ type: 'exp-destroy', expectation: e });
    }
    this.#emit({ type: 'destroy', session: { ...kept, status: kept.status | IPS.DYING } });
    return 0;
  }

  #emit(event: CtEvent): void {
    for (const socket of this.sockets) socket.deliver(event);
  }
}
