/**
 * The ports control frames leave on (docs/config-sync-plan.md §2): the hbdev ports that are up
 * with carrier and have the highest hbdev priority among those, in turn frame by frame when
 * several share it; when none is, the UDP relay of the heartbeat worker (`unicast-hb`, UDP 703,
 * whose socket the worker owns); else none, and the streams wait and then give up. Link state
 * comes from the HA snapshot (the heartbeat worker's view, refreshed at least every 250 ms), so
 * the main thread watches no link of its own.
 *
 * Frames are sent with send-only raw ports (L2Device.openSender): receiving is the drain
 * thread's (runtime.ts), on every hbdev port whichever is in use here, as a peer may send on a
 * port it sees up a moment before this unit does.
 */
import type { L2Device } from '../../hal/nic/index.js';
import { type HbTransport, l2Transport } from '../ha/hb-transport.js';
import type { LinkView } from '../ha/snapshot.js';
import type { Logger } from '../log/logger.js';
import type { ControlPortChoice, FrameOut } from './control-link.js';
import { CONTROL_CHANNEL } from './frames.js';

/** What `inUse()` names the relay. */
export const RELAY_PORT = 'udp';

export interface ControlPortSpec {
  name: string;
  ifname: string;
  priority: number;
}

/** The heartbeat worker's UDP relay: takes one frame's HA payload; false when it cannot. */
export type RelaySend = (frame: Uint8Array) => boolean;

interface Port extends ControlPortSpec {
  transport: HbTransport | null;
  /** Why it could not be opened, logged once. */
  failed: string | null;
}

export class ControlPorts implements ControlPortChoice {
  #ports: Port[] = [];
  #active: FrameOut[] = [];
  #names: readonly string[] = [];
  #next = 0;
  #relay: FrameOut | null = null;
  #links: readonly LinkView[] = [];

  constructor(
    private readonly nic: L2Device,
    private readonly log: Logger,
  ) {}

  /** The hbdev ports of the configuration, and the relay with `unicast-hb` (else null). */
  configure(hbdev: readonly ControlPortSpec[], relay: RelaySend | null): void {
    const keep = (p: Port) => hbdev.some((d) => d.ifname === p.ifname);
    for (const p of this.#ports) if (!keep(p)) p.transport?.close();
    this.#ports = hbdev.map((d) => {
      const old = this.#ports.find((p) => p.ifname === d.ifname);
      return { ...d, transport: old?.transport ?? null, failed: old?.failed ?? null };
    });
    this.#relay = relay ? { payloadOffset: 0, send: (buf, end) => relay(buf.slice(0, end)) } : null;
    this.update(this.#links);
  }

  /** Chooses the ports again from the snapshot's links. */
  update(links: readonly LinkView[]): void {
    this.#links = links;
    const usable = this.#ports.filter((p) => {
      const view = links.find((l) => l.name === p.name);
      return view?.up === true && view.carrier && this.#open(p);
    });
    const top = Math.max(...usable.map((p) => p.priority));
    const best = usable.filter((p) => p.priority === top);
    const names = best.length > 0 ? best.map((p) => p.name) : this.#relay ? [RELAY_PORT] : [];
    this.#active = best.length > 0 ? best.map((p) => p.transport as HbTransport) : this.#relay ? [this.#relay] : [];
    if (names.join() !== this.#names.join()) this.log.info(`control ports in use: ${names.join(', ') || 'none'}`);
    this.#names = names;
  }

  pick(): FrameOut | null {
    if (this.#active.length === 0) return null;
    this.#next = (this.#next + 1) % this.#active.length;
    return this.#active[this.#next] as FrameOut;
  }

  inUse(): readonly string[] {
    return this.#names;
  }

  close(): void {
    for (const p of this.#ports) p.transport?.close();
    this.#ports = [];
    this.#active = [];
    this.#names = [];
    this.#relay = null;
  }

  /** Opens the port's sender if it is not yet; whether it is open. */
  #open(p: Port): boolean {
    if (p.transport) return true;
    try {
      p.transport = l2Transport(this.nic.openSender(p.ifname), CONTROL_CHANNEL);
      p.failed = null;
      return true;
    } catch (err) {
      const why = (err as Error).message;
      if (p.failed !== why) this.log.event(`control port ${p.name} (${p.ifname}) unavailable: ${why}`, 'warn');
      p.failed = why;
      return false;
    }
  }
}
