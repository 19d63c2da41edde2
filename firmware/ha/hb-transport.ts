/**
 * How a heartbeat leaves and enters the board: an Ethernet frame on an hbdev port (Ethertype
 * 0x8890 to our multicast group), or a UDP datagram to the peer's address (`unicast-hb`, port
 * 703) where Layer 2 does not reach. The encoder writes the HA payload at `payloadOffset`.
 * Session sync (firmware/sessions/) carries its frames the same ways, on its own Ethertype,
 * group and UDP port.
 */
import type { Pollable } from '../../hal/clock/index.js';
import type { L2Device, PortCounters, RawPort, UdpPort } from '../../hal/nic/index.js';
import { ETH_HEADER_LEN, writeEthernetHeader } from '../../lib/ethernet.js';
import { isVirtualMac, unitPortMac } from '../takeover/plan.js';
import { HA_ETHERTYPE, HA_MULTICAST_MAC, HA_UDP_PORT } from './wire/addresses.js';

/** Frames drained per transport per wake-up, so a flood on one link cannot starve the others. */
export const DRAIN_LIMIT = 256;

export interface HbTransport extends Pollable {
  readonly payloadOffset: number;
  readonly counters: PortCounters;
  /** Sends buf[payloadOffset, end) as one heartbeat. Never throws. */
  send(buf: Uint8Array, end: number): boolean;
  /** Receives one heartbeat into buf; returns where its payload ends, or -1 when none is pending. */
  recv(buf: Uint8Array): number;
  close(): void;
}

/** Where one channel's frames go: Ethertype and multicast group on Layer 2, UDP port on Layer 3. */
export interface HaChannel {
  ethertype: number;
  group: Uint8Array;
  udpPort: number;
}

export const HEARTBEAT_CHANNEL: HaChannel = { ethertype: HA_ETHERTYPE, group: HA_MULTICAST_MAC, udpPort: HA_UDP_PORT };

/** A port carrying HA frames (heartbeats or beacons), with its link state. */
export interface HaPortState {
  ifname: string;
  up: boolean;
  carrier: boolean;
  transport: HbTransport | null;
}

/**
 * Reads the port's link state and opens it for HA frames. Returns why it could not (the
 * caller logs it in its own words and retries on the port's next link event), or null.
 */
export function openHaPort(nic: L2Device, port: HaPortState, serial: string, channel = HEARTBEAT_CHANNEL): string | null {
  try {
    const state = nic.linkState(port.ifname);
    port.up = state.up;
    port.carrier = state.carrier;
    const raw = nic.openPort(port.ifname, channel.ethertype);
    port.transport = l2Transport(raw, channel, haSourceMac(raw.mac, port.ifname, serial));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The source of HA frames on a port: the MAC it had when opened, unless that was a virtual MAC
 * (a data port opened while primary, or while a restarted firmware's last takeover still held
 * it). A frame from the virtual MAC sent after the unit gave the role up would be dropped by its
 * fence or, unfenced, teach the switches this unit's port for the cluster's MAC. Then the
 * unit's own MAC for the port (`unitPortMac`).
 */
function haSourceMac(mac: Uint8Array, ifname: string, serial: string): Uint8Array {
  return isVirtualMac(mac) ? unitPortMac(serial, ifname) : mac;
}

export function l2Transport(port: RawPort, channel = HEARTBEAT_CHANNEL, source = port.mac): HbTransport {
  return {
    fd: port.fd,
    payloadOffset: ETH_HEADER_LEN,
    counters: port.counters,
    send(buf, end) {
      writeEthernetHeader(buf, channel.group, source, channel.ethertype);
      return port.send(buf, end);
    },
    recv: (buf) => port.recv(buf),
    close: () => port.close(),
  };
}

export function udpTransport(socket: UdpPort, peer: string, channel = HEARTBEAT_CHANNEL): HbTransport {
  return {
    fd: socket.fd,
    payloadOffset: 0,
    counters: socket.counters,
    send: (buf, end) => socket.sendTo(peer, channel.udpPort, buf, end),
    recv: (buf) => socket.recv(buf),
    close: () => socket.close(),
  };
}
