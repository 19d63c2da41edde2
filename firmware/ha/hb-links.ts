/**
 * The heartbeat links of this unit: one raw port per hbdev, its admin/carrier state and what
 * was heard on it. Carrier loss on a heartbeat port is only evidence: the peer may be gone (on a
 * direct cable its power loss takes our carrier too), never a reason for this unit to stand down.
 */
import type { LinkEvent, NicDevice, RawPort } from '../../hal/nic/index.js';
import type { Logger } from '../log/logger.js';
import type { LinkView } from './snapshot.js';
import type { HeartbeatEncoder } from './wire/encoder.js';
import { ETH_HEADER_LEN, HA_ETHERTYPE, HA_MULTICAST_MAC, writeEthernetHeader } from './wire/ethernet.js';
import type { FrameType } from './wire/header.js';
import type { WorkerPort } from './worker-protocol.js';

export interface HbLink {
  name: string;
  ifname: string;
  priority: number;
  port: RawPort | null;
  up: boolean;
  carrier: boolean;
  rxAccepted: number;
  lastRxMs: number | null;
}

export class HbLinks {
  readonly links: HbLink[] = [];

  constructor(
    private readonly nic: NicDevice,
    private readonly log: Logger,
  ) {}

  /** Opens the ports of a new hbdev list, closing the previous ones. */
  open(hbdev: readonly (WorkerPort & { priority: number })[]): void {
    this.close();
    for (const dev of hbdev) {
      const link: HbLink = { ...dev, port: null, up: false, carrier: false, rxAccepted: 0, lastRxMs: null };
      this.links.push(link);
      this.tryOpen(link);
    }
  }

  /** Applies an rtnetlink event; returns the link it concerned, if any. */
  onLinkEvent(ev: LinkEvent): HbLink | undefined {
    const link = this.links.find((l) => l.ifname === ev.ifname);
    if (!link) return undefined;
    const hadCarrier = link.up && link.carrier;
    link.up = ev.up;
    link.carrier = ev.carrier;
    if (!link.port) this.tryOpen(link);
    const hasCarrier = link.up && link.carrier;
    if (hadCarrier && !hasCarrier) {
      this.log.event(`heartbeat link ${link.name} lost carrier: the peer may be down (not a reason to stand down)`, 'warn');
    } else if (!hadCarrier && hasCarrier) {
      this.log.event(`heartbeat link ${link.name} has carrier again`);
    }
    return link;
  }

  /** Encodes one frame per usable link (each with its own sequence number) and sends it. */
  sendAll(encoder: HeartbeatEncoder, type: FrameType, buf: Uint8Array): void {
    for (const link of this.links) {
      const port = link.port;
      if (!port || !link.up || !link.carrier) continue;
      writeEthernetHeader(buf, HA_MULTICAST_MAC, port.mac, HA_ETHERTYPE);
      const end = encoder.encode(type, buf, ETH_HEADER_LEN);
      port.send(buf, end);
    }
  }

  views(now: number): LinkView[] {
    return this.links.map((l) => ({
      name: l.name,
      hbPriority: l.priority,
      up: l.up,
      carrier: l.carrier,
      txFrames: l.port?.counters.txFrames ?? 0,
      txErrors: l.port?.counters.txErrors ?? 0,
      rxFrames: l.port?.counters.rxFrames ?? 0,
      rxAccepted: l.rxAccepted,
      lastRxAgoMs: l.lastRxMs === null ? null : Math.round(now - l.lastRxMs),
    }));
  }

  close(): void {
    for (const link of this.links) link.port?.close();
    this.links.length = 0;
  }

  private tryOpen(link: HbLink): void {
    try {
      const state = this.nic.linkState(link.ifname);
      link.up = state.up;
      link.carrier = state.carrier;
      link.port = this.nic.openPort(link.ifname, HA_ETHERTYPE);
    } catch (err) {
      this.log.event(`heartbeat link ${link.name} (${link.ifname}) unavailable: ${(err as Error).message}`, 'warn');
    }
  }
}
