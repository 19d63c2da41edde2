/**
 * Session sync in the HA status commands, from the sync worker's latest status (published
 * every 500 ms): `diagnose sys ha status` gets a section with the live state of each stream
 * (lag, round trip, retransmissions, gaps, resync progress while one runs, and on a primary
 * that has used `session-pickup-delay`, the young sessions it holds back), and `get system ha
 * status` one line saying whether this unit, as a secondary, holds every session yet (promotion
 * readiness). Neither shows anything while session sync is off.
 */
import type { DelayCounters } from '../../sessions/delay.js';
import type { FeedView } from '../../sessions/primary-sync.js';
import type { SecondaryView } from '../../sessions/secondary-sync.js';
import type { ResyncProgress } from '../../sessions/stream/index.js';
import type { SyncStatus } from '../../sessions/worker-protocol.js';
import { formatAgo } from '../format.js';

/** The section of `diagnose sys ha status`; [] while sync is off. */
export function syncSectionLines(sync: SyncStatus | null): string[] {
  if (!sync) return [];
  const out = [`session sync: ${sync.role}, ports in use: ${sync.portsInUse.join(', ') || 'none'}`];
  const feeds = sync.primary?.feeds ?? [];
  if (sync.primary) out.push(...delayLines(sync.primary.counters.delay));
  if (sync.primary && feeds.length === 0) out.push('    no secondary to feed');
  for (const feed of feeds) out.push(...feedLines(feed));
  if (sync.secondary) out.push(...followLines(sync.secondary.view));
  return out;
}

/** `Session sync: ready|syncing (NN%)` for a secondary; null when this unit is none (or sync is off). */
export function readinessLine(sync: SyncStatus | null): string | null {
  const view = sync?.secondary?.view;
  if (!view) return null;
  return `Session sync: ${view.ready ? 'ready' : `syncing (${Math.floor(view.reconcile.percent)}%)`}`;
}

/** What `session-pickup-delay` holds back, once it has held anything. */
function delayLines(d: DelayCounters): string[] {
  if (d.held + d.released + d.endedYoung + d.releasedEarly === 0) return [];
  return [
    `    session-pickup-delay: ${d.held} sessions younger than 30 s held; ${d.released} sent at 30 s, ` +
      `${d.endedYoung} ended younger (never sent), ${d.releasedEarly} sent early (too many held)`,
  ];
}

/** The primary's stream to one secondary. */
function feedLines(feed: FeedView): string[] {
  const s = feed.stream;
  const state = s.state === 'streaming' ? 'streaming' : `needs resync (${s.reason})`;
  const out = [
    `    secondary ${feed.serial}: epoch ${feed.epoch}, ${state}`,
    `        in flight ${s.inFlight}, lag ${ms(s.lagMs)}, srtt ${ms(s.srttMs)}, rto ${ms(s.rtoMs)}, backlog ${feed.backlog}`,
    `        sent ${s.sent}, acked ${s.acked}, retransmits ${s.retransmitted} (fast ${s.fastRetransmits}, ` +
      `spurious ${s.spuriousRetransmits}), give-ups ${s.giveUps}`,
  ];
  if (feed.resync) out.push(`        resync: ${feed.resync.state}, ${progress(feed.resync)}`);
  return out;
}

/** A secondary's stream from the primary and its reconciliation. */
function followLines(view: SecondaryView): string[] {
  const s = view.stream;
  const state = s.state === 'needs-resync' ? `needs resync (${s.reason})` : s.state;
  const r = view.reconcile;
  let reconcile: string;
  if (r.state === 'waiting') reconcile = 'waiting for the primary to begin a resync';
  else if (r.state === 'synced') reconcile = `complete, ${r.records} sessions received, ${r.stale} stale removed`;
  else reconcile = `${r.state === 'bulk' ? 'receiving' : 'removing stale sessions'}, ${progress(r)}, ${r.stale} stale so far`;
  return [
    `    primary followed: ${view.primary ?? 'none'}, epoch ${s.epoch}, ${state}, next seq ${s.nextSeq}`,
    `        delivered ${s.delivered}, duplicates ${s.duplicates}, gaps seen ${s.gapsSeen}, repaired ${s.gapsRepaired}, ` +
      `out of order ${s.outOfOrder}, held ${s.buffered}`,
    `        reconcile: ${reconcile}`,
    `    ready: ${view.ready ? 'yes' : 'no'}`,
  ];
}

/** "42.1% (12000 of 28500 sessions), 85000/s, 1.2 s left". */
function progress(p: ResyncProgress): string {
  const left = p.timeLeftMs === null ? 'time left unknown' : `${formatAgo(p.timeLeftMs)} left`;
  return `${p.percent.toFixed(1)}% (${p.records} of ${p.estimatedTotal} sessions), ${Math.round(p.ratePerSec)}/s, ${left}`;
}

function ms(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
}
