/**
 * The ports session sync frames travel on (REFERENCE.md, `session-sync-dev`): every
 * `session-sync-dev` port that has carrier, each session always on the same one (by its key's
 * hash, session-key.ts), so the load spreads and one session's changes stay in order; when none
 * of them has carrier (or none is set), the heartbeat link that is up, with the highest hbdev
 * priority. On Layer 2 the frames use Ethertype 0x8892 and a multicast group of their own, so
 * neither the data plane nor the heartbeat sockets see them; with `unicast-hb` the fallback is
 * UDP port 708 to the peer's address, as FortiOS's.
 *
 * Frames are received on every port that is open, whichever it is: a secondary answers on the
 * ports it sees as up, which may differ for a moment from the primary's view.
 */
import type { L2Device, LinkEvent, UdpDevice } from '../../hal/nic/index.js';
import { type HaChannel, type HbTransport, openHaPort, udpTransport } from '../ha/hb-transport.js';
import type { Logger } from '../log/logger.js';

export const SYNC_CHANNEL: HaChannel = {
  ethertype: 0x8892,
  /** 03:54:44:53:59:00, "TDSY": locally administered multicast, flooded by bridges and switches. */
  group: Uint8Array.of(0x03, 0x54, 0x44, 0x53, 0x59, 0x00),
  udpPort: 708,
};

export interface SyncPortSpec {
  name: string;
  ifname: string;
}

export interface SyncPort extends SyncPortSpec {
  /** A `session-sync-dev` port (else a heartbeat link, the fallback). */
  dedicated: boolean;
  transport: HbTransport | null;
  up: boolean;
  carrier: boolean;
}

export interface SyncPortsConfig {
  /** `session-sync-dev` ports. */
  dedicated: readonly SyncPortSpec[];
  /** Heartbeat links in falling hbdev priority. */
  fallback: readonly SyncPortSpec[];
  /** With `unicast-hb`: the peer's address, and the fallback is UDP 708 to it. */
  unicastPeer: string | null;
}

export class SyncPorts {
  readonly ports: SyncPort[] = [];
  private active: SyncPort[] = [];

  constructor(
    private readonly nic: L2Device & UdpDevice,
    private readonly log: Logger,
    /** For the frames' source MAC (hb-transport.ts). */
    private readonly serial: string,
  ) {}

  open(config: SyncPortsConfig): void {
    this.close();
    for (const p of config.dedicated) this.openL2({ ...p, dedicated: true, transport: null, up: false, carrier: false });
    if (config.unicastPeer !== null) {
      const port: SyncPort = { name: 'unicast', ifname: '', dedicated: false, transport: null, up: true, carrier: true };
      try {
        port.transport = udpTransport(this.nic.openUdp(SYNC_CHANNEL.udpPort), config.unicastPeer, SYNC_CHANNEL);
      } catch (err) {
        this.log.event(`session sync over UDP ${SYNC_CHANNEL.udpPort} unavailable: ${(err as Error).message}`, 'warn');
      }
      this.ports.push(port);
    } else {
      for (const p of config.fallback) this.openL2({ ...p, dedicated: false, transport: null, up: false, carrier: false });
    }
    this.choose();
  }

  /** Applies an rtnetlink event; true when the ports in use changed. */
  onLinkEvent(ev: LinkEvent): boolean {
    const port = this.ports.find((p) => p.ifname === ev.ifname);
    if (!port) return false;
    port.up = ev.up;
    port.carrier = ev.carrier;
    if (!port.transport) this.tryOpen(port);
    return this.choose();
  }

  /** The ports sync frames leave on now (empty: no way to the peers). */
  get inUse(): readonly SyncPort[] {
    return this.active;
  }

  /** The transport a session of key hash `hash` leaves on, or null when no port is in use. */
  pick(hash: number): HbTransport | null {
    return this.active[this.active.length > 1 ? hash % this.active.length : 0]?.transport ?? null;
  }

  close(): void {
    for (const p of this.ports) p.transport?.close();
    this.ports.length = 0;
    this.active = [];
  }

  private openL2(port: SyncPort): void {
    this.ports.push(port);
    this.tryOpen(port);
  }

  private tryOpen(port: SyncPort): void {
    const why = openHaPort(this.nic, port, this.serial, SYNC_CHANNEL);
    if (why !== null) this.log.event(`session sync port ${port.name} (${port.ifname}) unavailable: ${why}`, 'warn');
  }

  private choose(): boolean {
    const usable = (p: SyncPort) => p.transport !== null && p.up && p.carrier;
    const dedicated = this.ports.filter((p) => p.dedicated && usable(p));
    const fallback = this.ports.find((p) => !p.dedicated && usable(p));
    const next = dedicated.length > 0 ? dedicated : fallback ? [fallback] : [];
    const changed = next.length !== this.active.length || next.some((p, i) => p !== this.active[i]);
    if (changed) {
      this.active = next;
      const names = next.map((p) => p.name).join(', ') || 'none';
      this.log.info(`session sync ports in use: ${names}`);
    }
    return changed;
  }
}
