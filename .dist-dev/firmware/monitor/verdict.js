/**
 * The unit's remote-link verdict, as pure clock-driven logic over the link monitors' health.
 *
 * - Only monitors whose `srcintf` is listed in `pingserver-monitor-interface` count.
 * - The verdict fails when the `ha-priority` weights of the failed monitors that count add up
 *   to `pingserver-failover-threshold` or more; with threshold 0, any failed monitor is enough
 *   (FortiOS: "failover occurs when the HA priority of all failed ping servers reaches or
 *   exceeds the threshold"; default threshold 0 and ha-priority 1).
 * - `pingserver-flip-timeout` (minutes): once failed, the verdict is held failed for the flip
 *   timeout whatever the probes say meanwhile, so the cluster does not flip back and forth on
 *   a link that comes and goes. Then it is released to ok and the monitors start afresh: the
 *   unit may be primary again, and if its link is still bad its probes fail again, `failtime`
 *   probes later, and hold it for another flip timeout. FortiOS words it from the other side
 *   (a new primary cannot be failed by ping before it has run for the flip timeout); both
 *   bound the failover rate to one per flip timeout.
 * - Emptying `pingserver-monitor-interface` turns remote link failover off and releases a hold.
 */
export class RemoteLinkVerdict {
    state = { kind: 'ok' };
    settings = { monitorInterfaces: [], threshold: 0, flipTimeoutMs: 0 };
    get failed() {
        return this.state.kind === 'held';
    }
    /** Why it failed; '' while ok. */
    get reason() {
        return this.state.kind === 'held' ? this.state.reason : '';
    }
    /** When a hold ends; null while ok. */
    get holdUntilMs() {
        return this.state.kind === 'held' ? this.state.sinceMs + this.settings.flipTimeoutMs : null;
    }
    counts(m) {
        return this.settings.monitorInterfaces.includes(m.srcintf);
    }
    /** The summed `ha-priority` of the failed monitors that count. */
    failedWeight(monitors) {
        return monitors.reduce((sum, m) => sum + (m.failed && this.counts(m) ? m.haPriority : 0), 0);
    }
    /** New settings; a running hold keeps its start and takes the new flip timeout. */
    configure(settings) {
        this.settings = { ...settings, monitorInterfaces: [...settings.monitorInterfaces] };
        if (this.state.kind === 'held' && settings.monitorInterfaces.length === 0) {
            this.state = { kind: 'ok' };
            return { failed: false, reason: 'pingserver-monitor-interface is empty: remote link failover is off', restart: true };
        }
        return undefined;
    }
    evaluate(monitors, nowMs) {
        if (this.state.kind === 'held') {
            // Held: nothing the probes say matters until the flip timeout has run out.
            if (nowMs < this.state.sinceMs + this.settings.flipTimeoutMs)
                return undefined;
            this.state = { kind: 'ok' };
            const minutes = this.settings.flipTimeoutMs / 60_000;
            return { failed: false, reason: `pingserver-flip-timeout (${minutes} min) has run out: eligible again`, restart: true };
        }
        const weight = this.failedWeight(monitors);
        const { threshold } = this.settings;
        // Threshold 0 means any failure; ha-priority is at least 1, so weight > 0 is "any".
        if (weight === 0 || weight < threshold)
            return undefined;
        const failed = monitors.filter((m) => m.failed && this.counts(m)).map((m) => `${m.name} (${m.srcintf})`);
        const reason = `link-monitor ${failed.join(', ')} lost every server: failed weight ${weight} >= ` +
            `pingserver-failover-threshold ${threshold}`;
        this.state = { kind: 'held', sinceMs: nowMs, reason };
        return { failed: true, reason, restart: false };
    }
}
//# sourceMappingURL=verdict.js.map