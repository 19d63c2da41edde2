/**
 * The heartbeat links of this unit: one transport per hbdev port (and one UDP link to the peer
 * with `unicast-hb`), each link's admin/carrier state and what was heard on it. Carrier loss on a
 * heartbeat port is only evidence: the peer may be gone (on a direct cable its power loss takes
 * our carrier too), never a reason for this unit to stand down.
 */
import type { L2Device, LinkEvent, UdpDevice } from '../../hal/nic/index.js';
import type { Logger } from '../log/logger.js';
import { type HbTransport, openHaPort, udpTransport } from './hb-transport.js';
import type { LinkView } from './snapshot.js';
import { HA_UDP_PORT } from './wire/addresses.js';
import type { HeartbeatEncoder } from './wire/encoder.js';
import type { FrameType } from './wire/header.js';
import type { WorkerPort } from './worker-protocol.js';

/** The pseudo link of `unicast-hb`: no interface of its own, routed by the kernel. */
export const UNICAST_LINK = 'unicast';

export interface HbLink {
  name: string;
  /** Kernel interface, or "" for the unicast link. */
  ifname: string;
  priority: number;
  transport: HbTransport | null;
  up: boolean;
  carrier: boolean;
  rxAccepted: number;
  lastRxMs: number | null;
}

export class HbLinks {
  readonly links: HbLink[] = [];

  constructor(
    private readonly nic: L2Device & UdpDevice,
    private readonly log: Logger,
    /** For the frames' source MAC (hb-transport.ts). */
    private readonly serial: string,
  ) {}

  /** Opens the links of a new configuration, closing the previous ones. */
  open(hbdev: readonly (WorkerPort & { priority: number })[], unicastPeer: string | null): void {
    this.close();
    for (const dev of hbdev) {
      const link: HbLink = { ...dev, transport: null, up: false, carrier: false, rxAccepted: 0, lastRxMs: null };
      this.links.push(link);
      this.tryOpen(link);
    }
    if (unicastPeer !== null) this.openUnicast(unicastPeer);
  }

  /** Applies an rtnetlink event; returns the link it concerned, if any. */
  onLinkEvent(ev: LinkEvent): HbLink | undefined {
    const link = this.links.find((l) => l.ifname !== '' && l.ifname === ev.ifname);
    if (!link) return undefined;
    const hadCarrier = link.up && link.carrier;
    link.up = ev.up;
    link.carrier = ev.carrier;
    if (!link.transport) this.tryOpen(link);
    const hasCarrier = link.up && link.carrier;
    if (hadCarrier && !hasCarrier) {
      this.log.event(`heartbeat link ${link.name} lost carrier: the peer may be down (not a reason to stand down)`, 'warn');
    } else if (!hadCarrier && hasCarrier) {
      this.log.event(`heartbeat link ${link.name} has carrier again`);
    }
    return link;
  }

  /**
   * True when every heartbeat link is a port (no unicast link, which crosses routers) that is
   * admin up without carrier: on direct cables, what a peer's power loss looks like.
   */
  allDark(): boolean {
    if (this.links.length === 0) return false;
    return this.links.every((l) => l.ifname !== '' && l.up && !l.carrier);
  }

  /**
   * Encodes one frame per link that is open and admin up (each with its own sequence number) and
   * sends it. Not only on links with carrier: the kernel reports a link's carrier after the link
   * already carries frames (its link-event worker, up to a second late on a board's own NIC,
   * link-flush.ts), and a frame sent into a dark link is dropped by the kernel, harmlessly.
   * Holding heartbeats back for the report cost a blackhole at a healed split brain: the unit
   * that stood down sent its last frame while its restored link's carrier was not yet reported,
   * so its peer heard of the step-down, and announced, only at the next heartbeat, 66 ms later.
   */
  sendAll(encoder: HeartbeatEncoder, type: FrameType, buf: Uint8Array): void {
    for (const link of this.links) {
      const t = link.transport;
      if (!t || !link.up) continue;
      t.send(buf, encoder.encode(type, buf, t.payloadOffset));
    }
  }

  views(now: number): LinkView[] {
    return this.links.map((l) => ({
      name: l.name,
      hbPriority: l.priority,
      up: l.up,
      carrier: l.carrier,
      txFrames: l.transport?.counters.txFrames ?? 0,
      txErrors: l.transport?.counters.txErrors ?? 0,
      rxFrames: l.transport?.counters.rxFrames ?? 0,
      rxAccepted: l.rxAccepted,
      lastRxAgoMs: l.lastRxMs === null ? null : Math.round(now - l.lastRxMs),
    }));
  }

  close(): void {
    for (const link of this.links) link.transport?.close();
    this.links.length = 0;
  }

  private tryOpen(link: HbLink): void {
    const why = openHaPort(this.nic, link, this.serial);
    if (why !== null) this.log.event(`heartbeat link ${link.name} (${link.ifname}) unavailable: ${why}`, 'warn');
  }

  private openUnicast(peer: string): void {
    const link: HbLink = {
      name: UNICAST_LINK,
      ifname: '',
      priority: 0,
      transport: null,
      up: true,
      carrier: true,
      rxAccepted: 0,
      lastRxMs: null,
    };
    this.links.push(link);
    try {
      link.transport = udpTransport(this.nic.openUdp(HA_UDP_PORT), peer);
      this.log.info(`unicast heartbeat to ${peer} port ${HA_UDP_PORT}`);
    } catch (err) {
      this.log.event(`unicast heartbeat unavailable: ${(err as Error).message}`, 'warn');
    }
  }
}
