export class MonitorPorts {
    nic;
    log;
    ports = [];
    constructor(nic, log) {
        this.nic = nic;
        this.log = log;
    }
    set(monitor) {
        this.ports = monitor.map((p) => {
            const kept = this.ports.find((q) => q.ifname === p.ifname);
            return { ...p, connected: this.read(p), downEvents: kept?.downEvents ?? 0, changedAtMs: kept?.changedAtMs ?? null };
        });
    }
    /** Returns true when the event changed a monitored port. */
    onLinkEvent(ev, now) {
        const port = this.ports.find((p) => p.ifname === ev.ifname);
        if (!port)
            return false;
        const connected = ev.up && ev.carrier;
        if (connected === port.connected)
            return false;
        port.connected = connected;
        port.changedAtMs = now;
        if (!connected)
            port.downEvents++;
        this.log.event(`monitored port ${port.name} ${connected ? 'is up' : 'went down'}`, connected ? 'info' : 'warn');
        return true;
    }
    get up() {
        return this.ports.reduce((n, p) => n + (p.connected ? 1 : 0), 0);
    }
    get total() {
        return this.ports.length;
    }
    views(now) {
        return this.ports.map((p) => ({
            name: p.name,
            ifname: p.ifname,
            connected: p.connected,
            downEvents: p.downEvents,
            lastChangeAgoMs: p.changedAtMs === null ? null : now - p.changedAtMs,
        }));
    }
    read(p) {
        try {
            const s = this.nic.linkState(p.ifname);
            return s.up && s.carrier;
        }
        catch (err) {
            this.log.event(`monitored port ${p.name} (${p.ifname}) unavailable: ${err.message}`, 'warn');
            return false;
        }
    }
}
//# sourceMappingURL=monitor-ports.js.map