import { formatAgo } from '../format.js';
/** The section of `diagnose sys ha status`; [] while sync is off. */
export function syncSectionLines(sync) {
    if (!sync)
        return [];
    const out = [`session sync: ${sync.role}, ports in use: ${sync.portsInUse.join(', ') || 'none'}`];
    const feeds = sync.primary?.feeds ?? [];
    if (sync.primary)
        out.push(...delayLines(sync.primary.counters.delay));
    if (sync.primary && feeds.length === 0)
        out.push('    no secondary to feed');
    for (const feed of feeds)
        out.push(...feedLines(feed));
    if (sync.secondary)
        out.push(...followLines(sync.secondary.view));
    return out;
}
/** `Session sync: ready|syncing (NN%)` for a secondary; null when this unit is none (or sync is off). */
export function readinessLine(sync) {
    const view = sync?.secondary?.view;
    if (!view)
        return null;
    return `Session sync: ${view.ready ? 'ready' : `syncing (${Math.floor(view.reconcile.percent)}%)`}`;
}
/** What `session-pickup-delay` holds back, once it has held anything. */
function delayLines(d) {
    if (d.held + d.released + d.endedYoung + d.releasedEarly === 0)
        return [];
    return [
        `    session-pickup-delay: ${d.held} sessions younger than 30 s held; ${d.released} sent at 30 s, ` +
            `${d.endedYoung} ended younger (never sent), ${d.releasedEarly} sent early (too many held)`,
    ];
}
/** The primary's stream to one secondary. */
function feedLines(feed) {
    const s = feed.stream;
    const state = s.state === 'streaming' ? 'streaming' : `needs resync (${s.reason})`;
    const out = [
        `    secondary ${feed.serial}: epoch ${feed.epoch}, ${state}`,
        `        in flight ${s.inFlight}, lag ${ms(s.lagMs)}, srtt ${ms(s.srttMs)}, rto ${ms(s.rtoMs)}, backlog ${feed.backlog}`,
        `        sent ${s.sent}, acked ${s.acked}, retransmits ${s.retransmitted} (fast ${s.fastRetransmits}, ` +
            `spurious ${s.spuriousRetransmits}), give-ups ${s.giveUps}`,
    ];
    if (feed.resync)
        out.push(`        resync: ${feed.resync.state}, ${progress(feed.resync)}`);
    return out;
}
/** A secondary's stream from the primary and its reconciliation. */
function followLines(view) {
    const s = view.stream;
    const state = s.state === 'needs-resync' ? `needs resync (${s.reason})` : s.state;
    const r = view.reconcile;
    let reconcile;
    if (r.state === 'waiting')
        reconcile = 'waiting for the primary to begin a resync';
    else if (r.state === 'synced')
        reconcile = `complete, ${r.records} sessions received, ${r.stale} stale removed`;
    else
        reconcile = `${r.state === 'bulk' ? 'receiving' : 'removing stale sessions'}, ${progress(r)}, ${r.stale} stale so far`;
    return [
        `    primary followed: ${view.primary ?? 'none'}, epoch ${s.epoch}, ${state}, next seq ${s.nextSeq}`,
        `        delivered ${s.delivered}, duplicates ${s.duplicates}, gaps seen ${s.gapsSeen}, repaired ${s.gapsRepaired}, ` +
            `out of order ${s.outOfOrder}, held ${s.buffered}`,
        `        reconcile: ${reconcile}`,
        `    ready: ${view.ready ? 'yes' : 'no'}`,
    ];
}
/** "42.1% (12000 of 28500 sessions), 85000/s, 1.2 s left". */
function progress(p) {
    const left = p.timeLeftMs === null ? 'time left unknown' : `${formatAgo(p.timeLeftMs)} left`;
    return `${p.percent.toFixed(1)}% (${p.records} of ${p.estimatedTotal} sessions), ${Math.round(p.ratePerSec)}/s, ${left}`;
}
function ms(value) {
    return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
//# sourceMappingURL=session-sync.js.map