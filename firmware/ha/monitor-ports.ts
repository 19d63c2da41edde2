/** Carrier of the monitored data ports, as the election counts them ("connected monitored ports"). */
import type { LinkEvent, NicDevice } from '../../hal/nic/index.js';
import type { Logger } from '../log/logger.js';
import type { WorkerPort } from './worker-protocol.js';

export class MonitorPorts {
  private ports: (WorkerPort & { connected: boolean })[] = [];

  constructor(
    private readonly nic: NicDevice,
    private readonly log: Logger,
  ) {}

  set(monitor: readonly WorkerPort[]): void {
    this.ports = monitor.map((p) => ({ ...p, connected: this.read(p) }));
  }

  /** Returns true when the event changed a monitored port. */
  onLinkEvent(ev: LinkEvent): boolean {
    const port = this.ports.find((p) => p.ifname === ev.ifname);
    if (!port) return false;
    const connected = ev.up && ev.carrier;
    if (connected === port.connected) return false;
    port.connected = connected;
    this.log.event(`monitored port ${port.name} ${connected ? 'is up' : 'went down'}`, connected ? 'info' : 'warn');
    return true;
  }

  get up(): number {
    return this.ports.reduce((n, p) => n + (p.connected ? 1 : 0), 0);
  }

  get total(): number {
    return this.ports.length;
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
