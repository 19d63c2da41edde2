/**
 * The syslog sender: a main-thread sink for operator events, one UDP datagram each to the
 * server `config log syslogd setting` names. Sending never blocks and never throws: a datagram
 * the socket refuses (no route, buffer full, no socket) is dropped and counted, as a log that
 * cannot go out must not hold up the firmware.
 */
import { type Clock, wallMsAt } from '../../hal/clock/index.js';
import type { UdpDevice, UdpPort } from '../../hal/nic/index.js';
import type { SyslogSettings } from '../config/syslog-settings.js';
import type { LogRecord } from './logger.js';
import { formatSyslog } from './syslog-format.js';

export interface SyslogCounters {
  sent: number;
  dropped: number;
  /** Why the socket could not be opened, when it could not. */
  openError?: string;
}

export class SyslogSender {
  private settings: SyslogSettings | null = null;
  private hostname = '';
  /** The address messages leave from (`ha-direct`: the reserved management interface's), or any. */
  private source: string | undefined;
  private port: UdpPort | null = null;
  private readonly encoder = new TextEncoder();
  readonly counters: SyslogCounters = { sent: 0, dropped: 0 };

  constructor(
    private readonly udp: UdpDevice,
    private readonly clock: Clock,
    private readonly pid: number,
  ) {}

  /**
   * Applies a (new) configuration; the socket is opened on first use (again after a failure:
   * the source address may not be up yet at boot) and closed when disabled or its source moves.
   */
  configure(settings: SyslogSettings, hostname: string, source?: string): void {
    this.settings = settings.enabled ? settings : null;
    this.hostname = hostname;
    if (!settings.enabled || source !== this.source) this.close();
    this.source = source;
  }

  send(r: LogRecord): void {
    const s = this.settings;
    if (!s || !r.event) return;
    const port = this.socket();
    const text = formatSyslog(s.format, r, wallMsAt(this.clock, r.atMs), {
      facility: s.facility,
      hostname: this.hostname,
      pid: this.pid,
    });
    const data = this.encoder.encode(text);
    if (port?.sendTo(s.server, s.port, data, data.length)) this.counters.sent++;
    else this.counters.dropped++;
  }

  close(): void {
    this.port?.close();
    this.port = null;
  }

  private socket(): UdpPort | null {
    if (this.port) return this.port;
    try {
      this.port = this.udp.openUdp(0, this.source);
      delete this.counters.openError;
    } catch (err) {
      this.counters.openError = err instanceof Error ? err.message : String(err);
    }
    return this.port;
  }
}
