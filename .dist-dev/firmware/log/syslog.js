/**
 * The syslog sender: a main-thread sink for operator events, one UDP datagram each to the
 * server `config log syslogd setting` names. Sending never blocks and never throws: a datagram
 * the socket refuses (no route, buffer full, no socket) is dropped and counted, as a log that
 * cannot go out must not hold up the firmware.
 */
import { wallMsAt } from '../../hal/clock/index.js';
import { formatSyslog } from './syslog-format.js';
export class SyslogSender {
    udp;
    clock;
    pid;
    settings = null;
    hostname = '';
    /** The address messages leave from (`ha-direct`: the reserved management interface's), or any. */
    source;
    port = null;
    encoder = new TextEncoder();
    counters = { sent: 0, dropped: 0 };
    constructor(udp, clock, pid) {
        this.udp = udp;
        this.clock = clock;
        this.pid = pid;
    }
    /**
     * Applies a (new) configuration; the socket is opened on first use (again after a failure:
     * the source address may not be up yet at boot) and closed when disabled or its source moves.
     */
    configure(settings, hostname, source) {
        this.settings = settings.enabled ? settings : null;
        this.hostname = hostname;
        if (!settings.enabled || source !== this.source)
            this.close();
        this.source = source;
    }
    send(r) {
        const s = this.settings;
        if (!s || !r.event)
            return;
        const port = this.socket();
        const text = formatSyslog(s.format, r, wallMsAt(this.clock, r.atMs), {
            facility: s.facility,
            hostname: this.hostname,
            pid: this.pid,
        });
        const data = this.encoder.encode(text);
        if (port?.sendTo(s.server, s.port, data, data.length))
            this.counters.sent++;
        else
            this.counters.dropped++;
    }
    close() {
        this.port?.close();
        this.port = null;
    }
    socket() {
        if (this.port)
            return this.port;
        try {
            this.port = this.udp.openUdp(0, this.source);
            delete this.counters.openError;
        }
        catch (err) {
            this.counters.openError = err instanceof Error ? err.message : String(err);
        }
        return this.port;
    }
}
//# sourceMappingURL=syslog.js.map