/** Carrier of the monitored data ports, as the election counts them ("connected monitored ports"). */
import type { L2Device, LinkEvent } from '../../hal/nic/index.js';
import type { Logger } from '../log/logger.js';
import type { MonitorPortView } from './snapshot.js';
import type { WorkerPort } from './worker-protocol.js';

interface MonitoredPort extends WorkerPort {
  connected: boolean;
  downEvents: number;
  changedAtMs: number | null;
}

export class MonitorPorts {
  private ports: MonitoredPort[] = [];

  constructor(
    private readonly nic: L2Device,
    private readonly log: Logger,
  ) {}

  set(monitor: readonly WorkerPort[]): void {
    this.ports = monitor.map((p) => {
      const kept = this.ports.find((q) => q.ifname === p.ifname);
      return { ...p, connected: this.read(p), downEvents: kept?.downEvents ?? 0, changedAtMs: kept?.changedAtMs ?? null };
    });
  }

  /** Returns true when the event changed a monitored port. */
  onLinkEvent(ev: LinkEvent, now: number): boolean {
    const port = this.ports.find((p) => p.ifname === ev.ifname);
    if (!port) return false;
    const connected = ev.up && ev.carrier;
    if (connected === port.connected) return false;
    port.connected = connected;
    port.changedAtMs = now;
    if (!connected) port.downEvents++;
    this.log.event(`monitored port ${port.name} ${connected ? 'is up' : 'went down'}`, connected ? 'info' : 'warn');
    return true;
  }

  get up(): number {
    return this.ports.reduce((n, p) => n + (p.connected ? 1 : 0), 0);
  }

  get total(): number {
    return this.ports.length;
  }

  views(now: number): MonitorPortView[] {
    return this.ports.map((p) => ({
      name: p.name,
      ifname: p.ifname,
      connected: p.connected,
      downEvents: p.downEvents,
      lastChangeAgoMs: p.changedAtMs === null ? null : now - p.changedAtMs,
    }));
  }

  private read(p: WorkerPort): boolean {
    try {
      const s = this.nic.linkState(p.ifname);
      return s.up && s.carrier;
    } catch (err) {
      this.log.event(`monitored port ${p.name} (${p.ifname}) unavailable: ${(err as Error).message}`, 'warn');
      return false;
    }
  }
}
