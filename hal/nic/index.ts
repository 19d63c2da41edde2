/**
 * NIC device, in three parts so that each consumer asks for what it uses:
 * - `L2Device`: raw Layer 2 ports of one Ethertype, link state and link/carrier events;
 * - `IpConfigDevice`: the interfaces' configuration: MAC, IPv4/IPv6 addresses, routes, forwarding;
 * - `UdpDevice`: UDP sockets.
 * A driver implements all three (`NicDevice`).
 *
 * Errors: operations that configure the kernel throw `HalError` (errno + device). The hot-path
 * operations (`RawPort.send`, `RawPort.recv`, `LinkMonitor.read`) never throw: they report
 * failure in their return value and count it, so a heartbeat loop cannot be broken by one bad
 * send.
 */
import type { Pollable } from '../clock/index.js';
import type { HalError } from '../errors.js';

export interface PortCounters {
  txFrames: number;
  txErrors: number;
  rxFrames: number;
  /** errno of the most recent failed send, 0 if none. */
  lastTxErrno: number;
}

/** An AF_PACKET socket bound to one interface and one Ethertype. Non-blocking. */
export interface RawPort extends Pollable {
  readonly ifname: string;
  readonly ifindex: number;
  /** Burned-in (current) MAC of the interface, as 6 bytes. */
  readonly mac: Uint8Array;
  readonly counters: PortCounters;
  /** Sends one whole Ethernet frame (headers included). Returns false on failure, never throws. */
  send(frame: Uint8Array, length: number): boolean;
  /** Receives one pending frame into `buf`; returns its length, or -1 when none is pending. */
  recv(buf: Uint8Array): number;
  close(): void;
}

/** A UDP socket bound to one port on every address of the board's namespace. Non-blocking. */
export interface UdpPort extends Pollable {
  readonly counters: PortCounters;
  /** Sends data[0, length) to ipv4:port. Returns false on failure, never throws. */
  sendTo(ipv4: string, port: number, data: Uint8Array, length: number): boolean;
  /** Receives one pending datagram into `buf`; returns its length, or -1 when none is pending. */
  recv(buf: Uint8Array): number;
  close(): void;
}

export interface LinkEvent {
  ifname: string;
  ifindex: number;
  /** Administratively up (IFF_UP). */
  up: boolean;
  /** Carrier present (IFF_LOWER_UP / IFF_RUNNING). */
  carrier: boolean;
}

/** rtnetlink RTM_NEWLINK/RTM_DELLINK listener. Non-blocking. */
export interface LinkMonitor extends Pollable {
  /** Drains pending notifications; returns [] when none. Never throws. */
  read(): LinkEvent[];
  close(): void;
}

/** Frames handed to a main-thread consumer by the receive worker, in batches, each batch from one port. */
export type FrameBatchHandler = (ifname: string, frames: Uint8Array[]) => void;

export interface FrameReceiver {
  close(): Promise<void>;
}

/** An IPv4 route, in the main table unless `table` names another. */
export interface Ipv4Route {
  /** Prefix like "198.18.4.0/24" ("0.0.0.0/0" for the default route). */
  dst: string;
  /** Next hop; undefined when the destination is on the device itself. */
  gateway?: string;
  ifname: string;
  metric: number;
  /** Routing table 1..2^32-1 other than the kernel's 253–255; undefined: the main table. */
  table?: number;
}

/** A policy routing rule: packets from `from` look their route up in `table` (FR_ACT_TO_TBL). */
export interface Ipv4Rule {
  /** Source prefix like "198.18.3.11/32". */
  from: string;
  /** As `Ipv4Route.table`, but a rule always names its table. */
  table: number;
  /** Lower is consulted first; the kernel's own rules are 0 (local), 32766 (main), 32767 (default). */
  priority: number;
}

/** Raw Layer 2: AF_PACKET ports and the links' state. */
export interface L2Device {
  openPort(ifname: string, ethertype: number): RawPort;
  /** A port that only sends whole frames (any Ethertype) and receives nothing. */
  openSender(ifname: string): RawPort;
  /** Current state of one interface; throws HalError when it does not exist. */
  linkState(ifname: string): LinkEvent;
  openLinkMonitor(): LinkMonitor;
  /**
   * Receives frames of one Ethertype on every interface of `ifnames` (at least one) on one
   * worker thread that drains the sockets and posts up to 64 frames of one port per message,
   * for consumers on the main thread (control traffic). Throws HalError at once when a port
   * cannot be opened (none is then left open).
   */
  receive(ifnames: readonly string[], ethertype: number, onBatch: FrameBatchHandler): FrameReceiver;
}

export interface AddressItem {
  ifname: string;
  cidr: string;
}

/** The interfaces' configuration in the kernel: what the takeover and the data plane change. */
export interface IpConfigDevice {
  /** Sets the interface MAC (works while the link is up). */
  setMac(ifname: string, mac: Uint8Array): void;
  /** cidr like "198.18.1.1/24". Adding an address already present is not an error. */
  addAddress(ifname: string, cidr: string): void;
  /**
   * Adds several addresses in one kernel exchange (the takeover's fast path). Never throws:
   * each item's HalError, or null, in order; one failing does not keep the others out.
   */
  addAddresses(items: readonly AddressItem[]): (HalError | null)[];
  /** Removing an address that is absent is not an error. */
  removeAddress(ifname: string, cidr: string): void;
  /**
   * Adds or replaces a route (same table, prefix and metric). In the main table gateways are
   * installed onlink (a secondary holds no address on its data ports yet); in any other table
   * the kernel checks the gateway: ENETUNREACH unless it is on a network connected to `ifname`.
   */
  replaceRoute(route: Ipv4Route): void;
  /** Removing a route that is absent is not an error. */
  removeRoute(route: Ipv4Route): void;
  /** Adds a policy routing rule; one already there (same source, table and priority) is not an error. */
  addRule(rule: Ipv4Rule): void;
  /** Removing a rule that is absent is not an error. */
  removeRule(rule: Ipv4Rule): void;
  /** IPv4 forwarding between interfaces (net.ipv4.ip_forward); a cheap sysctl write, used on the takeover path. */
  setIpv4Forwarding(on: boolean): void;
}

export interface UdpDevice {
  /**
   * Binds a UDP port on every address (0.0.0.0:port), or on `address` alone, which then is the
   * source of what it sends; throws HalError when it is taken, not allowed, or the address is
   * not this unit's (EADDRNOTAVAIL).
   */
  openUdp(port: number, address?: string): UdpPort;
}

/** The whole NIC device, as a driver provides it and the composition roots hand it on. */
export type NicDevice = L2Device & IpConfigDevice & UdpDevice;
