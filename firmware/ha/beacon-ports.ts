/**
 * The data ports a primary beacons on (beacons.ts): one raw port per `data-beacon-dev` port,
 * bound to the HA Ethertype so the data plane never sees these frames. A port without carrier
 * is skipped, as heartbeat links are; what arrives is checked by the same decoder as heartbeats,
 * so strangers and replays are counted and dropped the same way.
 */
import type { L2Device, LinkEvent } from '../../hal/nic/index.js';
import type { Logger } from '../log/logger.js';
import { type HbTransport, openHaPort } from './hb-transport.js';
import type { BeaconPortView } from './snapshot.js';
import type { HeartbeatEncoder } from './wire/encoder.js';
import { FrameType } from './wire/header.js';
import type { WorkerPort } from './worker-protocol.js';

export interface BeaconPort {
  name: string;
  ifname: string;
  transport: HbTransport | null;
  up: boolean;
  carrier: boolean;
  rxAccepted: number;
}

export class BeaconPorts {
  readonly ports: BeaconPort[] = [];

  constructor(
    private readonly nic: L2Device,
    private readonly log: Logger,
    /** For the beacons' source MAC (hb-transport.ts). */
    private readonly serial: string,
  ) {}

  open(ports: readonly WorkerPort[]): void {
    this.close();
    for (const p of ports) {
      const port: BeaconPort = { ...p, transport: null, up: false, carrier: false, rxAccepted: 0 };
      this.ports.push(port);
      this.tryOpen(port);
    }
  }

  /** Applies an rtnetlink event; returns the port it concerned, if any. */
  onLinkEvent(ev: LinkEvent): BeaconPort | undefined {
    const port = this.ports.find((p) => p.ifname === ev.ifname);
    if (!port) return undefined;
    port.up = ev.up;
    port.carrier = ev.carrier;
    if (!port.transport) this.tryOpen(port);
    return port;
  }

  /**
   * One beacon per port that is open and admin up, each with its own sequence number; carrier
   * not awaited, as for heartbeats (HbLinks.sendAll): the kernel reports it after frames pass.
   */
  sendAll(encoder: HeartbeatEncoder, buf: Uint8Array): void {
    for (const p of this.ports) {
      const t = p.transport;
      if (!t || !p.up) continue;
      t.send(buf, encoder.encode(FrameType.Beacon, buf, t.payloadOffset));
    }
  }

  views(): BeaconPortView[] {
    return this.ports.map((p) => ({
      name: p.name,
      carrier: p.up && p.carrier,
      txFrames: p.transport?.counters.txFrames ?? 0,
      rxAccepted: p.rxAccepted,
    }));
  }

  close(): void {
    for (const p of this.ports) p.transport?.close();
    this.ports.length = 0;
  }

  private tryOpen(port: BeaconPort): void {
    const why = openHaPort(this.nic, port, this.serial);
    if (why !== null) this.log.event(`data beacon port ${port.name} (${port.ifname}) unavailable: ${why}`, 'warn');
  }
}
