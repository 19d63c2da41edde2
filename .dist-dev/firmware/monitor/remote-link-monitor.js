/**
 * Remote link failover by ping, on the main thread: runs the link monitors' probe rounds over
 * the ICMP device, feeds the replies to the pure logic (link-probes.ts, verdict.ts) and tells
 * its listeners when the unit's remote-link verdict changes.
 *
 * Probes run only while this unit is the primary (`setActive(true)`): a secondary holds no
 * addresses on its data ports. Activation starts every monitor afresh; deactivation freezes
 * their states so `diagnose sys ha port-stats` still shows why a unit failed. Each activation
 * opens new sockets with new ICMP ids, so replies to an earlier activation's probes are not
 * taken for current ones.
 *
 * Nothing blocks: sockets are non-blocking and drained by a timer; round trips come from the
 * kernel's receive timestamps, so the drain period does not skew them. Every monitor is
 * probed; only those on `pingserver-monitor-interface` ports count towards the verdict.
 */
import { portIfname } from '../../board/ports.js';
import { createLogger } from '../log/logger.js';
import { LinkProbes } from './link-probes.js';
import { RemoteLinkVerdict } from './verdict.js';
const log = createLogger('link-monitor');
/** How often replies are drained between rounds, so a recovery shows without waiting for a round. */
export const DRAIN_PERIOD_MS = 100;
/** setTimeout's longest delay; longer holds re-arm on waking. */
const MAX_TIMER_MS = 0x7fffffff;
export class RemoteLinkMonitor {
    deps;
    monitors = [];
    verdict = new RemoteLinkVerdict();
    listeners = [];
    sourceAddressOf = () => undefined;
    settings = {
        pingserverMonitorInterface: [],
        pingserverFailoverThreshold: 0,
        pingserverFlipTimeoutMin: 60,
    };
    active = false;
    nextId;
    drainTimer = null;
    holdTimer = null;
    holdArmedFor = null;
    constructor(deps) {
        this.deps = deps;
        this.nextId = (deps.idBase ?? process.pid) & 0xffff;
    }
    /**
     * The link monitors and HA settings to run with, at start and on every config change. A
     * monitor whose entry is unchanged keeps its state; a changed one starts afresh.
     * `sourceAddressOf(port)` gives the address probes from that port use (asked again on every
     * activation and configure, so a takeover's addresses are picked up).
     */
    configure(linkMonitors, settings, sourceAddressOf) {
        this.sourceAddressOf = sourceAddressOf;
        this.settings = { ...settings, pingserverMonitorInterface: [...settings.pingserverMonitorInterface] };
        const previous = this.monitors;
        this.monitors = linkMonitors.map((config) => {
            const kept = previous.find((m) => sameConfig(m.config, config));
            return kept ?? this.newMonitor(config);
        });
        for (const m of previous)
            if (!this.monitors.includes(m))
                this.halt(m);
        this.emit(this.verdict.configure({
            monitorInterfaces: settings.pingserverMonitorInterface,
            threshold: settings.pingserverFailoverThreshold,
            flipTimeoutMs: settings.pingserverFlipTimeoutMin * 60_000,
        }));
        if (this.active)
            for (const m of this.monitors)
                this.start(m);
        this.evaluate();
    }
    /** Probes run only while this unit is the primary. */
    setActive(active) {
        if (active === this.active)
            return;
        this.active = active;
        for (const m of this.monitors) {
            if (active) {
                m.probes.restart();
                this.start(m);
            }
            else {
                this.halt(m);
            }
        }
        if (!active)
            this.stopDrain();
        else
            this.armDrain();
    }
    onVerdict(cb) {
        this.listeners.push(cb);
    }
    /** The current verdict: true while failed (held for the flip timeout). */
    get failed() {
        return this.verdict.failed;
    }
    views() {
        const now = this.deps.clock.nowMs();
        const until = this.verdict.holdUntilMs;
        return {
            active: this.active,
            failed: this.verdict.failed,
            reason: this.verdict.reason,
            holdRemainingMs: until === null ? null : Math.max(0, until - now),
            threshold: this.settings.pingserverFailoverThreshold,
            flipTimeoutMin: this.settings.pingserverFlipTimeoutMin,
            failedWeight: this.verdict.failedWeight(this.health()),
            monitors: this.monitors.map((m) => this.view(m, now)),
        };
    }
    /** Closes every socket and cancels every timer (shutdown). */
    stop() {
        this.active = false;
        for (const m of this.monitors)
            this.halt(m);
        this.stopDrain();
        this.holdTimer?.();
        this.holdTimer = null;
        this.holdArmedFor = null;
    }
    newMonitor(config) {
        return {
            config,
            probes: new LinkProbes(config),
            pinger: null,
            source: undefined,
            socketError: '',
            failedLogged: false,
            nextRoundMs: 0,
            roundTimer: null,
        };
    }
    /** Opens the socket if needed and starts the rounds now (a no-op for a running monitor). */
    start(m) {
        const source = this.sourceAddressOf(m.config.srcintf);
        if (m.pinger && source !== m.source)
            this.closePinger(m);
        m.source = source;
        if (m.roundTimer)
            return;
        m.nextRoundMs = this.deps.clock.nowMs();
        this.round(m);
    }
    halt(m) {
        m.roundTimer?.();
        m.roundTimer = null;
        this.closePinger(m);
    }
    round(m) {
        m.roundTimer = null;
        const now = this.deps.clock.nowMs();
        this.drain();
        const pinger = m.pinger ?? this.openPinger(m);
        const { seq, changes } = m.probes.round(now);
        this.logChanges(m, changes);
        for (const server of m.config.server)
            m.probes.sent(server, pinger?.send(server, seq) ?? false);
        this.evaluate();
        m.nextRoundMs += m.config.intervalMs;
        // Fell a whole interval behind (a stalled event loop): skip ahead rather than burst.
        if (m.nextRoundMs <= now)
            m.nextRoundMs = now + m.config.intervalMs;
        m.roundTimer = this.deps.timers.after(m.nextRoundMs - now, () => this.round(m));
    }
    openPinger(m) {
        try {
            const ifname = portIfname(this.deps.ports, m.config.srcintf);
            const id = this.nextId;
            this.nextId = (this.nextId + 1) & 0xffff;
            m.pinger = this.deps.icmp.openPinger({ ifname, id, ...(m.source ? { source: m.source } : {}) });
            if (m.socketError)
                log.event(`link-monitor ${m.config.name}: probing from ${m.config.srcintf} again`);
            m.socketError = '';
        }
        catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            if (message !== m.socketError) {
                log.event(`link-monitor ${m.config.name}: cannot probe from ${m.config.srcintf}: ${message}`, 'warn');
            }
            m.socketError = message;
        }
        return m.pinger;
    }
    closePinger(m) {
        m.pinger?.close();
        m.pinger = null;
    }
    drain() {
        const now = this.deps.clock.nowMs();
        let changed = false;
        for (const m of this.monitors) {
            if (!m.pinger)
                continue;
            for (const r of m.pinger.receive()) {
                const change = m.probes.reply(r.from, r.seq, r.rttMs, now);
                if (change) {
                    this.logChanges(m, [change]);
                    changed = true;
                }
            }
        }
        if (changed)
            this.evaluate();
    }
    armDrain() {
        this.drainTimer = this.deps.timers.after(DRAIN_PERIOD_MS, () => {
            this.drain();
            this.armDrain();
        });
    }
    stopDrain() {
        this.drainTimer?.();
        this.drainTimer = null;
    }
    health() {
        return this.monitors.map((m) => ({
            name: m.config.name,
            srcintf: m.config.srcintf,
            haPriority: m.config.haPriority,
            failed: m.probes.failed,
        }));
    }
    evaluate() {
        this.emit(this.verdict.evaluate(this.health(), this.deps.clock.nowMs()));
    }
    emit(change) {
        this.armHold();
        if (!change)
            return;
        if (change.restart)
            for (const m of this.monitors)
                m.probes.restart();
        log.event(`remote link ${change.failed ? 'failed' : 'ok'}: ${change.reason}`, change.failed ? 'warn' : 'info');
        for (const cb of this.listeners) {
            // A listener that throws must not stop the probe rounds that called it.
            try {
                cb(change.failed, change.reason);
            }
            catch (err) {
                log.error(`verdict listener failed: ${err instanceof Error ? err.message : String(err)}`);
            }
        }
    }
    /** One timer for the end of a hold, re-armed only when the hold or the flip timeout changes. */
    armHold() {
        const until = this.verdict.holdUntilMs;
        if (until === this.holdArmedFor)
            return;
        this.holdTimer?.();
        this.holdTimer = null;
        this.holdArmedFor = until;
        if (until === null)
            return;
        const delay = Math.min(MAX_TIMER_MS, Math.max(0, until - this.deps.clock.nowMs()));
        this.holdTimer = this.deps.timers.after(delay, () => {
            this.holdTimer = null;
            this.holdArmedFor = null;
            this.evaluate();
        });
    }
    logChanges(m, changes) {
        if (changes.length === 0)
            return;
        for (const c of changes) {
            const level = c.state === 'dead' ? 'warn' : 'info';
            log.event(`link-monitor ${m.config.name}: server ${c.server} is ${c.state} (${c.why})`, level);
        }
        if (m.probes.failed === m.failedLogged)
            return;
        m.failedLogged = m.probes.failed;
        const where = `link-monitor ${m.config.name} on ${m.config.srcintf}`;
        if (m.failedLogged)
            log.event(`${where} has failed: every server is dead`, 'warn');
        else
            log.event(`${where} is up again`);
    }
    view(m, now) {
        const c = m.config;
        return {
            name: c.name,
            srcintf: c.srcintf,
            source: m.source,
            haPriority: c.haPriority,
            intervalMs: c.intervalMs,
            failtime: c.failtime,
            recoverytime: c.recoverytime,
            counted: this.verdict.counts(c),
            failed: m.probes.failed,
            probing: m.roundTimer !== null,
            socketError: m.socketError,
            servers: m.probes.status().map(({ changedAtMs, ...s }) => ({
                ...s,
                lastChangeAgoMs: changedAtMs === null ? null : now - changedAtMs,
            })),
        };
    }
}
function sameConfig(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}
//# sourceMappingURL=remote-link-monitor.js.map