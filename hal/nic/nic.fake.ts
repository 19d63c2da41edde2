/**
 * A NIC for tests: interfaces in memory (MAC, admin state, carrier, addresses), routes and the
 * forwarding switch; raw ports and UDP ports with frame queues, and a link monitor, whose fds
 * the poller of a FakeClockDevice watches. A test changes a link with setLink() and the change
 * arrives as an event through every open link monitor, as RTM_NEWLINK does; it hands frames in
 * with deliver(), and reads what was sent from the ports. Configuration changes and sends are
 * written to a journal (shared with other fakes if given), so a test can check their order.
 *
 * It fails the way the Linux driver does. Configuration calls throw HalError with the kernel's
 * errno: ENODEV for an interface that does not exist, EINVAL for a malformed name, Ethertype,
 * MAC, address, route, table or rule, ENETUNREACH for a gateway of a route outside the main
 * table that is not on a network connected to its interface (up, holding an address of that
 * network), EADDRINUSE for a UDP port already bound, and any errno a test injects with
 * failWith() (rules, which name no interface, under ""). Hot-path calls never throw: recv returns -1 when nothing is pending (EAGAIN),
 * send returns false and counts the errno (EBADF once closed, EINVAL for a bad length, ENXIO
 * once the interface is gone, ENETDOWN while it is admin down, or the injected one). Frames
 * arrive only while the interface is up with carrier, and a port's queue holds at most
 * `rxQueueFrames` (the socket's receive buffer): the rest are dropped.
 */

import { formatMac } from '../../lib/ethernet.js';
import { ipv4ToNumber, parseIpv4, parseIpv6 } from '../../lib/ip-text.js';
import type { FakeClockDevice, FakeFd } from '../clock/clock-device.fake.js';
import { E, HalError } from '../errors.js';
import type {
  AddressItem,
  FrameBatchHandler,
  FrameReceiver,
  Ipv4Route,
  Ipv4Rule,
  LinkEvent,
  LinkMonitor,
  NicDevice,
  PortCounters,
  RawPort,
  UdpPort,
} from './index.js';
import { ruleProblem, ruleText, tableProblem } from './policy-routing.js';

const TEXT: Record<number, string> = {
  [E.ENXIO]: 'ENXIO (No such device or address)',
  [E.EBADF]: 'EBADF (Bad file descriptor)',
  [E.ENODEV]: 'ENODEV (No such device)',
  [E.EINVAL]: 'EINVAL (Invalid argument)',
  [E.EADDRINUSE]: 'EADDRINUSE (Address already in use)',
  [E.ENETDOWN]: 'ENETDOWN (Network is down)',
  [E.ENETUNREACH]: 'ENETUNREACH (Network is unreachable)',
};
const text = (errno: number): string => TEXT[errno] ?? `errno ${errno}`;
const NOW = Number.NEGATIVE_INFINITY;
const NEVER = Number.POSITIVE_INFINITY;

/** Operations a test can make fail with failWith(); `send` fails the sends of the interface's ports. */
export type NicOperation =
  | 'openPort'
  | 'openSender'
  | 'linkState'
  | 'setMac'
  | 'addAddress'
  | 'removeAddress'
  | 'replaceRoute'
  | 'removeRoute'
  | 'addRule'
  | 'removeRule'
  | 'setIpv4Forwarding'
  | 'openUdp'
  | 'receive'
  | 'send';

export interface FakeLink {
  readonly ifname: string;
  readonly ifindex: number;
  mac: Uint8Array;
  up: boolean;
  carrier: boolean;
  /** CIDRs in the order they were added. */
  readonly addresses: string[];
}

export interface LinkOptions {
  mac?: Uint8Array;
  up?: boolean;
  carrier?: boolean;
}

interface Queued {
  data: Uint8Array;
  atMs: number;
}

/** A socket's receive queue, in arrival order, bounded like its receive buffer. */
class RxQueue implements FakeFd {
  readonly #items: Queued[] = [];
  dropped = 0;

  constructor(
    private readonly device: FakeClockDevice,
    private readonly limit: () => number,
  ) {}

  push(data: Uint8Array, atMs: number): boolean {
    if (this.#items.length >= this.limit()) {
      this.dropped++;
      return false;
    }
    let i = this.#items.length;
    while (i > 0 && (this.#items[i - 1]?.atMs ?? 0) > atMs) i--;
    this.#items.splice(i, 0, { data: data.slice(), atMs });
    return true;
  }

  /** Copies the next frame that has arrived into `buf` (truncated to it, as recv(2) does); -1 when none has. */
  take(buf: Uint8Array): number {
    const head = this.#items[0];
    if (!head || head.atMs > this.device.nowMs()) return -1;
    this.#items.shift();
    const n = Math.min(head.data.length, buf.byteLength);
    buf.set(head.data.subarray(0, n));
    return n;
  }

  readableAt(): number {
    return this.#items[0]?.atMs ?? NEVER;
  }
}

abstract class FakeSocket {
  readonly counters: PortCounters = { txFrames: 0, txErrors: 0, rxFrames: 0, lastTxErrno: 0 };
  readonly fd: number;
  readonly rx: RxQueue;
  #closed = false;

  constructor(protected readonly nic: FakeNic) {
    this.rx = new RxQueue(nic.clock, () => nic.rxQueueFrames);
    this.fd = nic.clock.fds.open(this.rx);
  }

  get closed(): boolean {
    return this.#closed;
  }

  recv(buf: Uint8Array): number {
    if (this.#closed) return -1;
    const n = this.rx.take(buf);
    if (n >= 0) this.counters.rxFrames++;
    return n;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.nic.clock.fds.close(this.fd);
  }

  protected failed(errno: number): false {
    this.counters.txErrors++;
    this.counters.lastTxErrno = errno;
    return false;
  }
}

export class FakeRawPort extends FakeSocket implements RawPort {
  readonly ifindex: number;
  /** The interface's MAC when the port was opened, as the driver reads it once. */
  readonly mac: Uint8Array;
  /** Whole frames sent, in order. */
  readonly sent: Uint8Array[] = [];

  constructor(
    nic: FakeNic,
    private readonly link: FakeLink,
    /** null: a send-only port, handed no frame. */
    readonly ethertype: number | null,
  ) {
    super(nic);
    this.ifindex = link.ifindex;
    this.mac = link.mac.slice();
  }

  get ifname(): string {
    return this.link.ifname;
  }

  send(frame: Uint8Array, length: number): boolean {
    if (this.closed) return this.failed(E.EBADF);
    if (!(length > 0 && length <= frame.byteLength)) return this.failed(E.EINVAL);
    if (!this.nic.has(this.link)) return this.failed(E.ENXIO);
    if (!this.link.up) return this.failed(E.ENETDOWN);
    const injected = this.nic.injected('send', this.link.ifname);
    if (injected) return this.failed(injected);
    this.sent.push(frame.slice(0, length));
    this.counters.txFrames++;
    const ethertype = length >= 14 ? (frame[12] << 8) | frame[13] : 0;
    this.nic.journal.push(`send ${this.link.ifname} 0x${ethertype.toString(16).padStart(4, '0')}`);
    return true;
  }
}

export class FakeUdpPort extends FakeSocket implements UdpPort {
  readonly sent: { ipv4: string; port: number; data: Uint8Array }[] = [];

  constructor(
    nic: FakeNic,
    readonly port: number,
  ) {
    super(nic);
  }

  sendTo(ipv4: string, port: number, data: Uint8Array, length: number): boolean {
    if (this.closed) return this.failed(E.EBADF);
    if (!(length >= 0 && length <= data.byteLength)) return this.failed(E.EINVAL);
    if (!Number.isInteger(port) || port < 1 || port > 0xffff || !parseIpv4(ipv4)) return this.failed(E.EINVAL);
    this.sent.push({ ipv4, port, data: data.slice(0, length) });
    this.counters.txFrames++;
    this.nic.journal.push(`sendto ${ipv4}:${port}`);
    return true;
  }
}

export class FakeLinkMonitor implements LinkMonitor, FakeFd {
  readonly fd: number;
  #events: LinkEvent[] = [];
  #closed = false;

  constructor(private readonly nic: FakeNic) {
    this.fd = nic.clock.fds.open(this);
  }

  report(ev: LinkEvent): void {
    if (!this.#closed) this.#events.push({ ...ev });
  }

  read(): LinkEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  readableAt(): number {
    return this.#events.length > 0 ? NOW : NEVER;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#events = [];
    this.nic.clock.fds.close(this.fd);
  }
}

/** True when IPv4 `address` is inside the network of the IPv4 interface address `cidr` ("198.18.3.11/24"). */
function inNetwork(address: string, cidr: string): boolean {
  const [host = '', bits = ''] = cidr.split('/');
  const a = ipv4ToNumber(address);
  const h = ipv4ToNumber(host);
  if (a === undefined || h === undefined) return false;
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return (a & mask) >>> 0 === (h & mask) >>> 0;
}

/** "198.18.200.0/24 via 198.18.3.10 dev mgmt metric 0 table 100", as the journal records it. */
function routeText(route: Ipv4Route): string {
  const table = route.table === undefined ? '' : ` table ${route.table}`;
  return `${route.dst} via ${route.gateway ?? '-'} dev ${route.ifname} metric ${route.metric}${table}`;
}

function validCidr(cidr: string): boolean {
  const [host = '', bits = '', extra] = cidr.split('/');
  if (extra !== undefined || !/^\d{1,3}$/.test(bits)) return false;
  if (parseIpv4(host)) return Number(bits) <= 32;
  return parseIpv6(host) !== undefined && Number(bits) <= 128;
}

export class FakeNic implements NicDevice {
  readonly #links = new Map<string, FakeLink>();
  readonly #failures = new Map<string, number>();
  readonly #receivers: { ifnames: readonly string[]; ethertype: number; onBatch: FrameBatchHandler; closed: boolean }[] = [];
  #nextIfindex = 2;
  readonly rawPorts: FakeRawPort[] = [];
  readonly udpPorts: FakeUdpPort[] = [];
  readonly monitors: FakeLinkMonitor[] = [];
  readonly routes: Ipv4Route[] = [];
  readonly rules: Ipv4Rule[] = [];
  forwarding = false;
  /** How many frames a socket's receive buffer holds; more are dropped. */
  rxQueueFrames = 512;
  /** Configuration changes and sends, in order: "setMac port1 02:54:44:07:00:00", "send ha1 0x8890", … */
  readonly journal: string[];

  constructor(
    readonly clock: FakeClockDevice,
    opts: { journal?: string[] } = {},
  ) {
    this.journal = opts.journal ?? [];
  }

  // --- what a test does to the network ---

  /** Plugs in an interface (up with carrier unless told otherwise); link monitors hear of it. */
  addLink(ifname: string, o: LinkOptions = {}): FakeLink {
    const ifindex = this.#nextIfindex++;
    const link: FakeLink = {
      ifname,
      ifindex,
      mac: o.mac?.slice() ?? Uint8Array.of(0x02, 0, 0, 0, 0, ifindex),
      up: o.up ?? true,
      carrier: o.carrier ?? true,
      addresses: [],
    };
    this.#links.set(ifname, link);
    this.#report(link);
    return link;
  }

  /**
   * Admin state and carrier change (a cable pulled, `ip link set down`); link monitors hear of it,
   * unless `reported` is false: the kernel's link-event worker has not got to it yet, while
   * frames already pass (it reports carrier changes after the fact, link-flush.ts).
   */
  setLink(ifname: string, change: { up?: boolean; carrier?: boolean }, o: { reported?: boolean } = {}): void {
    const link = this.#link(ifname, 'setLink');
    link.up = change.up ?? link.up;
    link.carrier = change.carrier ?? link.carrier;
    if (o.reported !== false) this.#report(link);
  }

  /** The interface is deleted (RTM_DELLINK): its ports send nothing more (ENXIO). */
  removeLink(ifname: string): void {
    const link = this.#link(ifname, 'removeLink');
    this.#links.delete(ifname);
    for (const m of this.monitors) m.report({ ifname, ifindex: link.ifindex, up: false, carrier: false });
  }

  /** The interface as the kernel holds it now, or undefined when there is none. */
  link(ifname: string): FakeLink | undefined {
    return this.#links.get(ifname);
  }

  /**
   * A frame arrives on `ifname` at `atMs` (default now): every open port bound to its Ethertype
   * and every receiver of it get a copy. Returns how many ports queued it.
   */
  deliver(ifname: string, frame: Uint8Array, atMs = this.clock.nowMs()): number {
    const link = this.#links.get(ifname);
    if (!link?.up || !link.carrier) return 0;
    const ethertype = frame.length >= 14 ? (frame[12] << 8) | frame[13] : -1;
    let queued = 0;
    for (const p of this.rawPorts) {
      if (p.closed || p.ifname !== ifname || p.ethertype !== ethertype) continue;
      if (p.rx.push(frame, atMs)) queued++;
    }
    for (const r of this.#receivers) {
      if (r.closed || !r.ifnames.includes(ifname) || r.ethertype !== ethertype) continue;
      const copy = frame.slice();
      queueMicrotask(() => r.closed || r.onBatch(ifname, [copy]));
    }
    return queued;
  }

  /** A datagram arrives for UDP port `port` at `atMs` (default now); false when nobody holds the port. */
  deliverUdp(port: number, data: Uint8Array, atMs = this.clock.nowMs()): boolean {
    const socket = this.udpPorts.find((s) => !s.closed && s.port === port);
    return socket ? socket.rx.push(data, atMs) : false;
  }

  /** Makes `operation` on `ifname` fail with `errno` from now on (null: succeed again). UDP ports by number. */
  failWith(operation: NicOperation, ifname: string, errno: number | null): void {
    const key = `${operation} ${ifname}`;
    if (errno === null) this.#failures.delete(key);
    else this.#failures.set(key, errno);
  }

  /** The open raw ports of `ifname` that receive (not the send-only ones). */
  portsOf(ifname: string): FakeRawPort[] {
    return this.rawPorts.filter((p) => !p.closed && p.ifname === ifname && p.ethertype !== null);
  }

  /** Every frame sent on `ifname`, by any port, in order. */
  sentOn(ifname: string): Uint8Array[] {
    return this.rawPorts.filter((p) => p.ifname === ifname).flatMap((p) => p.sent);
  }

  // --- NicDevice ---

  openPort(ifname: string, ethertype: number): FakeRawPort {
    if (!Number.isInteger(ethertype) || ethertype < 0x0600 || ethertype > 0xffff) {
      throw new HalError(`nic ${ifname}`, 'openPort', E.EINVAL, `Ethertype ${ethertype}: must be an integer 0x0600..0xffff`);
    }
    return this.#open(ifname, ethertype, 'openPort');
  }

  openSender(ifname: string): FakeRawPort {
    return this.#open(ifname, null, 'openSender');
  }

  linkState(ifname: string): LinkEvent {
    const link = this.#link(ifname, 'linkState');
    this.#inject('linkState', ifname);
    return { ifname, ifindex: link.ifindex, up: link.up, carrier: link.carrier };
  }

  openLinkMonitor(): FakeLinkMonitor {
    const m = new FakeLinkMonitor(this);
    this.monitors.push(m);
    return m;
  }

  receive(ifnames: readonly string[], ethertype: number, onBatch: FrameBatchHandler): FrameReceiver {
    if (ifnames.length === 0) throw new HalError('nic', 'receive', E.EINVAL, 'no interface to receive on: name at least one');
    for (const ifname of ifnames) {
      this.#link(ifname, 'receive');
      this.#inject('receive', ifname);
    }
    const r = { ifnames: [...ifnames], ethertype, onBatch, closed: false };
    this.#receivers.push(r);
    return {
      close: async () => {
        r.closed = true;
      },
    };
  }

  setMac(ifname: string, mac: Uint8Array): void {
    if (mac.length !== 6 || (mac[0] & 1) !== 0) {
      throw new HalError(`nic ${ifname}`, 'setMac', E.EINVAL, `MAC of ${mac.length} bytes: must be 6, unicast`);
    }
    const link = this.#link(ifname, 'setMac: SIOCSIFHWADDR');
    this.#inject('setMac', ifname);
    link.mac = mac.slice();
    this.journal.push(`setMac ${ifname} ${formatMac(mac)}`);
  }

  addAddress(ifname: string, cidr: string): void {
    const link = this.#address(ifname, cidr, 'addAddress');
    if (!link.addresses.includes(cidr)) link.addresses.push(cidr);
    this.journal.push(`addAddress ${ifname} ${cidr}`);
  }

  addAddresses(items: readonly AddressItem[]): (HalError | null)[] {
    return items.map((it) => {
      try {
        this.addAddress(it.ifname, it.cidr);
        return null;
      } catch (err) {
        if (err instanceof HalError) return err;
        throw err;
      }
    });
  }

  removeAddress(ifname: string, cidr: string): void {
    const link = this.#address(ifname, cidr, 'removeAddress');
    const i = link.addresses.indexOf(cidr);
    if (i >= 0) link.addresses.splice(i, 1);
    this.journal.push(`removeAddress ${ifname} ${cidr}`);
  }

  replaceRoute(route: Ipv4Route): void {
    this.#route(route, 'replaceRoute');
    const i = this.routes.findIndex((r) => r.dst === route.dst && r.metric === route.metric && r.table === route.table);
    if (i >= 0) this.routes.splice(i, 1);
    this.routes.push({ ...route });
    this.journal.push(`replaceRoute ${routeText(route)}`);
  }

  removeRoute(route: Ipv4Route): void {
    this.#route(route, 'removeRoute');
    const i = this.routes.findIndex(
      (r) =>
        r.dst === route.dst &&
        r.metric === route.metric &&
        r.table === route.table &&
        r.ifname === route.ifname &&
        r.gateway === route.gateway,
    );
    if (i >= 0) this.routes.splice(i, 1);
    this.journal.push(`removeRoute ${routeText(route)}`);
  }

  addRule(rule: Ipv4Rule): void {
    this.#rule(rule, 'addRule');
    if (this.#ruleIndex(rule) < 0) this.rules.push({ ...rule });
    this.journal.push(`addRule ${ruleText(rule)}`);
  }

  removeRule(rule: Ipv4Rule): void {
    this.#rule(rule, 'removeRule');
    const i = this.#ruleIndex(rule);
    if (i >= 0) this.rules.splice(i, 1);
    this.journal.push(`removeRule ${ruleText(rule)}`);
  }

  setIpv4Forwarding(on: boolean): void {
    const errno = this.injected('setIpv4Forwarding', '');
    if (errno) throw new HalError('net.ipv4.ip_forward', 'setIpv4Forwarding', errno, text(errno));
    this.forwarding = on;
    this.journal.push(`forwarding ${on ? 'on' : 'off'}`);
  }

  openUdp(port: number, address?: string): FakeUdpPort {
    const device = `nic udp/${port}`;
    if (address !== undefined && ![...this.#links.values()].some((l) => l.addresses.some((c) => c.split('/')[0] === address))) {
      throw new HalError(device, 'openUdp: bind', E.EADDRNOTAVAIL, text(E.EADDRNOTAVAIL));
    }
    if (!Number.isInteger(port) || port < 0 || port > 0xffff) {
      throw new HalError(device, 'openUdp', E.EINVAL, `port ${port}: must be an integer 0..65535 (0: any free port)`);
    }
    const injected = this.injected('openUdp', String(port));
    if (injected) throw new HalError(device, 'openUdp: bind', injected, text(injected));
    if (port !== 0 && this.udpPorts.some((s) => !s.closed && s.port === port)) {
      throw new HalError(device, 'openUdp: bind', E.EADDRINUSE, text(E.EADDRINUSE));
    }
    const socket = new FakeUdpPort(this, port);
    this.udpPorts.push(socket);
    return socket;
  }

  // --- shared with the fake sockets ---

  has(link: FakeLink): boolean {
    return this.#links.get(link.ifname) === link;
  }

  /** The errno a test injected for `operation` on `ifname`, or 0. */
  injected(operation: NicOperation, ifname: string): number {
    return this.#failures.get(`${operation} ${ifname}`) ?? 0;
  }

  #open(ifname: string, ethertype: number | null, operation: 'openPort' | 'openSender'): FakeRawPort {
    const link = this.#link(ifname, 'openPort: SIOCGIFINDEX');
    this.#inject(operation, ifname);
    const port = new FakeRawPort(this, link, ethertype);
    this.rawPorts.push(port);
    return port;
  }

  /** The interface, or HalError as the driver throws: EINVAL for a name that cannot be one, ENODEV when it does not exist. */
  #link(ifname: string, operation: string): FakeLink {
    const bytes = Buffer.byteLength(ifname);
    if (bytes === 0 || bytes >= 16 || ifname.includes('\0')) {
      throw new HalError(`nic ${ifname}`, operation, E.EINVAL, `interface name "${ifname}": must be 1..15 bytes`);
    }
    const link = this.#links.get(ifname);
    if (!link) throw new HalError(`nic ${ifname}`, operation, E.ENODEV, text(E.ENODEV));
    return link;
  }

  #address(ifname: string, cidr: string, operation: 'addAddress' | 'removeAddress'): FakeLink {
    if (!validCidr(cidr)) {
      throw new HalError(
        `nic ${ifname}`,
        operation,
        E.EINVAL,
        `address "${cidr}": expected IPv4 a.b.c.d/0-32 or IPv6 address/0-128`,
      );
    }
    const link = this.#link(ifname, `${operation}: SIOCGIFINDEX`);
    this.#inject(operation, ifname);
    return link;
  }

  #route(route: Ipv4Route, operation: 'replaceRoute' | 'removeRoute'): void {
    const ipv4 = parseIpv4(route.dst.split('/')[0] ?? '') !== undefined && validCidr(route.dst);
    if (!ipv4 || (route.gateway !== undefined && !parseIpv4(route.gateway))) {
      throw new HalError(
        `nic ${route.ifname}`,
        operation,
        E.EINVAL,
        `route ${route.dst} via ${route.gateway ?? '-'}: expected IPv4 prefix and gateway`,
      );
    }
    const badTable = tableProblem(route.table);
    if (badTable) throw new HalError(`nic ${route.ifname}`, operation, E.EINVAL, `route ${route.dst}: ${badTable}`);
    const link = this.#link(route.ifname, `${operation}: SIOCGIFINDEX`);
    this.#inject(operation, route.ifname);
    // As the kernel checks a gateway that is not onlink: it must be on a connected network of the interface.
    if (operation === 'replaceRoute' && route.table !== undefined && route.gateway !== undefined) {
      if (!link.up || !link.addresses.some((cidr) => inNetwork(route.gateway as string, cidr))) {
        throw new HalError(`nic ${route.ifname}`, operation, E.ENETUNREACH, `${routeText(route)}: ${text(E.ENETUNREACH)}`);
      }
    }
  }

  #rule(rule: Ipv4Rule, operation: 'addRule' | 'removeRule'): void {
    const problem = ruleProblem(rule);
    if (problem) throw new HalError('nic rules', operation, E.EINVAL, problem);
    const errno = this.injected(operation, '');
    if (errno) throw new HalError('nic rules', operation, errno, text(errno));
  }

  #ruleIndex(rule: Ipv4Rule): number {
    return this.rules.findIndex((r) => r.from === rule.from && r.table === rule.table && r.priority === rule.priority);
  }

  #inject(operation: NicOperation, ifname: string): void {
    const errno = this.injected(operation, ifname);
    if (errno) throw new HalError(`nic ${ifname}`, operation, errno, text(errno));
  }

  #report(link: FakeLink): void {
    for (const m of this.monitors) m.report({ ifname: link.ifname, ifindex: link.ifindex, up: link.up, carrier: link.carrier });
  }
}
