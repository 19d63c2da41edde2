/**
 * The FGCP cluster state machine (REFERENCE.md, Cluster), pure and clock-driven: every input
 * carries `now` (monotonic ms) and the caller runs tick() at nextWakeAt() and on its ticker.
 *
 * Shaped after OpenBSD carp: inputs only record what changed (a trigger); one place decides
 * the state (#settle: `hello` until hello-holddown expires, then the election) and one place
 * sets it (#setState: record, emit the event with its reason); nextWakeAt() names the only
 * deadlines there are (the end of hello, the failure detector's next expiry). Everything else
 * (a rival primary outlasting a handover) is checked on the caller's ticker.
 */

import type { HaSettings } from '../config/ha-settings.js';
import { type Advert, claimsPrimary, type HaState } from './advert.js';
import { type BeaconRival, type BeaconTiming, BeaconWatch, beaconCandidate, beaconTiming } from './beacons.js';
import { incompatibility } from './compat.js';
import { FailureDetector } from './detector.js';
import { DualPrimaryWatch } from './dual-primary.js';
import { type Candidate, type ElectionResult, elect } from './election.js';
import { Members, type Peer, peerView } from './members.js';
import { Refusals } from './refusals.js';
import { heartbeatIntervalMs, lostAfterMs } from './settings.js';
import type { MemberView, RefusalView } from './snapshot.js';

/** FGCP clusters hold at most this many units, self included. */
export const MAX_UNITS = 4;

export interface ClusterIdentity {
  serial: string;
  hostname: string;
  model: string;
  firmware: string;
}

export type ClusterEvent =
  | { kind: 'state'; from: HaState; to: HaState; reason: string }
  /** `hello`: its first frame said it is still in hello (it has not been primary since it started). */
  | { kind: 'joined'; serial: string; hostname: string; link: string; hello: boolean }
  /** Silent on every link, or refused after having been a member. */
  | { kind: 'lost'; serial: string; reason: string }
  /** A leave frame (graceful shutdown). */
  | { kind: 'left'; serial: string }
  /** Once per (serial, reason) until that peer is accepted or the reason changes. */
  | { kind: 'refused'; serial: string; link: string; reason: string }
  | { kind: 'elected'; primary: string; reason: string }
  /** This board stalled for at least one heartbeat interval: its failure check came `lateMs` late (not counted against peers). */
  | { kind: 'stall'; lateMs: number }
  /** A unit not heard by heartbeat is (seen) or no longer is primary by its data-port beacons (beacons.ts). */
  | { kind: 'beacon'; serial: string; port: string; seen: boolean }
  /** A role change the election asks for waits for failover-hold-time (until `untilMs`). */
  | { kind: 'held'; to: HaState; untilMs: number; reason: string };

export interface ClusterView {
  /** Self first, then peers in election order (peers not standing, e.g. in hello, last). */
  members: MemberView[];
  election: { primary: string; reason: string; atMs: number } | null;
  /** True when this unit had at least one peer and now has none. */
  alone: boolean;
  refused: RefusalView[];
  /** Heartbeats refused since start. */
  refusedFrames: number;
  lateChecks: number;
  maxLateMs: number;
  /** Units not heard by heartbeat but seen primary on a data port (beacons.ts). */
  beaconRivals: { serial: string; port: string; agoMs: number }[];
  /** A role change waiting for failover-hold-time, or null. */
  held: { to: HaState; untilMs: number } | null;
}

export class Cluster {
  readonly #id: ClusterIdentity;
  #settings: HaSettings;
  /** The group-names a peer may advertise: one per slot of the key ring (setGroupNames). */
  #groupNames: readonly string[];
  #state: HaState = 'hello';
  /** Past our hello-holddown, waiting for a peer still in hello that would win (#awaitingNegotiator). */
  #negotiating = false;
  #stateSince: number;
  readonly #startedAt: number;
  /** Our HA age counts from here: start, a monitored port lost, reset-uptime. */
  #ageBase: number;
  #monitorUp = 0;
  #monitorTotal: number;
  #failover = false;
  /** Until session sync says otherwise (it is off, or this unit needs no resync): ready. */
  #sessionsReady = true;
  /** Until then, a peer claiming the primary role finds our sessions stale (resumeFromStall). */
  #staleUntil = Number.NEGATIVE_INFINITY;
  /** The turn that resumed from a long stall; frames read in later turns are fresh. */
  #resumedAt = Number.NEGATIVE_INFINITY;
  /** Members not heard fresh since the resume; we listen until they are, at most #staleUntil. */
  #unheard = new Set<string>();
  readonly #members = new Members();
  readonly #refusals = new Refusals();
  /**
   * Members whose frames are refused now, and why. A member's frames may lag a change its peer
   * already made (a config sync, a key change: the heartbeat in flight still carries the old
   * group-name), so it stays a member until the failure detector finds no accepted heartbeat
   * from it for the lost threshold, and only then is lost, with the refusal as the reason.
   */
  readonly #refusedMembers = new Map<string, string>();
  readonly #detector: FailureDetector;
  readonly #dual = new DualPrimaryWatch();
  readonly #beacons = new BeaconWatch();
  #beaconTiming: BeaconTiming;
  readonly #isMember = (serial: string): boolean => this.#members.has(serial);
  /** Beacon rivals as of the last #settle, to see which appeared or went. */
  #beaconRivals = new Map<string, string>();
  /** When the role last changed between work and standby (failover-hold-time counts from here). */
  #flippedAt = Number.NEGATIVE_INFINITY;
  #held: { to: HaState; untilMs: number; reason: string; ends: string } | null = null;
  /** This boot runs a firmware image on trial (firmware/boot/): see #probationHold. */
  #probation = false;
  #election: { result: ElectionResult; atMs: number } | null = null;
  #alone = false;
  #triggers: string[] = [];
  #events: ClusterEvent[] = [];

  constructor(identity: ClusterIdentity, settings: HaSettings, now: number) {
    this.#id = { ...identity };
    this.#settings = settings;
    this.#groupNames = [settings.groupName];
    this.#stateSince = now;
    this.#startedAt = now;
    this.#ageBase = now;
    this.#monitorTotal = settings.monitor.length;
    this.#detector = new FailureDetector(detectorTiming(settings));
    this.#beaconTiming = beaconTiming(settings);
  }

  get state(): HaState {
    return this.#state;
  }

  get stateSinceMs(): number {
    return this.#stateSince;
  }

  /** Serial of the elected primary; "" while in hello. */
  primary(): string {
    if (this.#state === 'hello') return '';
    return this.#election?.result.primary ?? '';
  }

  /** An authenticated heartbeat from `serial` on `link`. */
  receive(serial: string, link: string, advert: Advert, now: number): void {
    if (serial === this.#id.serial) return;
    const refusal = incompatibility(this.#compatSelf(), advert) ?? this.#fullFor(serial);
    if (refusal !== null) {
      this.#refuse(serial, link, refusal, now);
    } else {
      this.#refusals.accept(serial);
      this.#refusedMembers.delete(serial);
      this.#beacons.heartbeat(serial, now);
      const claimed = this.#members.get(serial)?.advert;
      const { joined, stale, change } = this.#members.update(serial, link, advert, now);
      this.#detector.heard(serial, link, now);
      if (now > this.#resumedAt) this.#unheard.delete(serial);
      // An older frame that crossed a later one says nothing the later one did not.
      if (stale) {
        this.#settle(now);
        return;
      }
      // A winner held by failover-hold-time takes over once the primary hands over.
      if (this.#held?.to === 'work' && claimed && claimsPrimary(serial, claimed) && !claimsPrimary(serial, advert)) {
        this.#triggers.push(`${serial} handed over`);
      }
      this.#dual.note(serial, claimsPrimary(serial, advert), now);
      if (this.#resumedClaim(serial, advert, claimed, now)) {
        // Its peers lost this unit and one took over: it rejoins as a unit that failed does,
        // with its age reset, so with override disabled the successor keeps the role instead
        // of handing it straight back to a unit that missed what happened meanwhile.
        this.#ageBase = now;
        this.#triggers.push(`${serial} took the primary role while this unit was stalled`);
      }
      if (joined) {
        this.#alone = false;
        this.#emit({ kind: 'joined', serial, hostname: advert.hostname, link, hello: advert.state === 'hello' });
        this.#triggers.push(`${serial} joined`);
      } else if (change !== null) {
        this.#triggers.push(`${serial}: ${change}`);
      }
    }
    this.#settle(now);
  }

  /**
   * An authenticated beacon from `serial` on data port `port`. It counts only for units not
   * heard by heartbeat (beacons.ts); an incompatible unit's beacon is ignored, as its
   * heartbeats would be refused.
   */
  beacon(serial: string, port: string, advert: Advert, now: number): void {
    if (serial === this.#id.serial || incompatibility(this.#compatSelf(), advert) !== null) return;
    this.#beacons.beacon(serial, port, advert, now);
    // A member's age and claims come with its heartbeats; a beacon could cross one of them.
    if (!this.#members.has(serial)) {
      this.#members.ages.note(serial, advert.ageS, advert.hbIntervalMs, now);
      this.#dual.note(serial, claimsPrimary(serial, advert), now);
    }
    this.#settle(now);
  }

  /** A leave frame: the peer is gone now, so the election runs without waiting for loss. */
  leave(serial: string, _advert: Advert, now: number): void {
    if (!this.#members.has(serial)) return;
    this.#drop(serial);
    this.#emit({ kind: 'left', serial });
    this.#triggers.push(`${serial} left`);
    this.#settle(now);
  }

  /**
   * Called first in each turn of the heartbeat loop, before the frames queued meanwhile are
   * read. A primary that did not listen for longer than the lost threshold (frozen, starved)
   * has been lost by its peers, and one of them may have taken over meanwhile: the frames that
   * say so may be queued behind older ones, or lost to a full socket buffer. So it listens
   * before it acts as the primary again (`listening`: no heartbeat, no lease) until every
   * member has been heard in a later turn, at most one lost threshold. With session pickup its
   * table is stale too: a peer claiming the primary role meanwhile finds it not sessions-ready,
   * and the election's `sessions` rule, not the priority or age of a unit with a stale table,
   * settles the two primaries. When no peer claims the role (the whole machine paused), it
   * carries on as before, one heartbeat interval later.
   */
  resumeFromStall(now: number): void {
    if (this.#state !== 'work' || this.#detector.overdueMs(now) <= lostAfterMs(this.#settings)) return;
    this.#resumedAt = now;
    this.#unheard = new Set(this.#members.all().map((m) => m.serial));
    this.#staleUntil = now + lostAfterMs(this.#settings);
  }

  /** Resumed from a long stall, this primary waits to hear its peers before it speaks or forwards. */
  listening(now: number): boolean {
    return this.#state === 'work' && this.#unheard.size > 0 && now <= this.#staleUntil;
  }

  /** Failure detection, hello-holddown expiry, and the election they call for. */
  tick(now: number): void {
    const lateBefore = this.#detector.lateChecks;
    const lost = this.#detector.check(now);
    // Every late check is counted (view); only a stall that cost at least one heartbeat of ours
    // is an event, so scheduling jitter of a few ms does not flood the event log.
    const late = this.#detector.lastLateMs;
    if (this.#detector.lateChecks !== lateBefore && late >= heartbeatIntervalMs(this.#settings)) {
      this.#emit({ kind: 'stall', lateMs: late });
    }
    for (const serial of lost) {
      if (!this.#members.has(serial)) continue;
      const refused = this.#refusedMembers.get(serial);
      this.#drop(serial);
      const silent = `no heartbeat on any link for more than ${lostAfterMs(this.#settings)} ms`;
      this.#emit({ kind: 'lost', serial, reason: refused === undefined ? silent : `refused: ${refused}` });
      this.#triggers.push(`${serial} lost`);
    }
    this.#beacons.prune(now, this.#beaconTiming);
    if (this.#held && now >= this.#held.untilMs) this.#triggers.push(this.#held.ends);
    this.#settle(now);
  }

  /**
   * Every peer is unreachable now (hb-carrier-failover: all direct heartbeat cables went dark):
   * the verdict the failure detector would reach after the lost threshold, reached at once.
   */
  peersUnreachable(reason: string, now: number): void {
    for (const p of this.#members.all()) {
      this.#drop(p.serial);
      this.#emit({ kind: 'lost', serial: p.serial, reason });
      this.#triggers.push(`${p.serial} lost`);
    }
    this.#settle(now);
  }

  /** A peer's heartbeat says it works as the primary (a successor has taken over). */
  peerWorking(): boolean {
    return this.#members.anyWorking();
  }

  /** Another unit claims the primary role, in its heartbeats or in beacons on the data ports. */
  someoneElseClaims(now: number): boolean {
    return this.#someoneClaims(now);
  }

  /** Whether any peer is a member now. */
  get hasPeers(): boolean {
    return this.#members.size > 0;
  }

  /** The hostname peers see in our adverts (a per-unit setting, changed from the console). */
  setHostname(hostname: string): void {
    this.#id.hostname = hostname;
  }

  setSettings(settings: HaSettings, now: number): void {
    const prev = this.#settings;
    this.#settings = settings;
    this.#beaconTiming = beaconTiming(settings);
    if (heartbeatIntervalMs(prev) !== heartbeatIntervalMs(settings) || lostAfterMs(prev) !== lostAfterMs(settings)) {
      this.#detector.setTiming(detectorTiming(settings));
    }
    if (prev.priority !== settings.priority) this.#triggers.push(`priority ${prev.priority} -> ${settings.priority}`);
    if (prev.override !== settings.override) this.#triggers.push(`override ${settings.override ? 'enabled' : 'disabled'}`);
    if (prev.uptimeDiffMarginS !== settings.uptimeDiffMarginS) {
      this.#triggers.push(`ha-uptime-diff-margin ${prev.uptimeDiffMarginS} s -> ${settings.uptimeDiffMarginS} s`);
    }
    if (prev.mode !== settings.mode) this.#recheckMembers(now);
    this.#settle(now);
  }

  /**
   * The group-names peers may advertise: those of the key ring's slots (wire/key-ring.ts), two
   * while a key change settles, so a member that adopts a new group-name before or after its
   * peers stays one of them. Members that no longer match are refused.
   */
  setGroupNames(names: readonly string[], now: number): void {
    const same = names.length === this.#groupNames.length && names.every((n, i) => n === this.#groupNames[i]);
    if (same) return;
    this.#groupNames = [...names];
    this.#recheckMembers(now);
    this.#settle(now);
  }

  /** Connected monitored ports; fewer than before resets our age (REFERENCE.md). */
  setMonitor(up: number, total: number, now: number): void {
    if (!Number.isInteger(up) || !Number.isInteger(total) || up < 0 || up > total) {
      throw new RangeError(`monitored ports ${up} up of ${total}: expected integers with 0 <= up <= total`);
    }
    if (up < this.#monitorUp) {
      this.#ageBase = now;
      this.#triggers.push(`connected monitored ports ${this.#monitorUp} -> ${up}, age reset`);
    } else if (up > this.#monitorUp) {
      this.#triggers.push(`connected monitored ports ${this.#monitorUp} -> ${up}`);
    }
    this.#monitorUp = up;
    this.#monitorTotal = total;
    this.#settle(now);
  }

  /** `execute ha failover set|unset`. */
  setFailover(on: boolean, now: number): void {
    if (on !== this.#failover) this.#triggers.push(`failover ${on ? 'set' : 'unset'}`);
    this.#failover = on;
    this.#settle(now);
  }

  /**
   * This boot runs a firmware image on trial (firmware/boot/probation.ts) until it is found
   * healthy: while on probation the unit never takes the primary role from units it refuses.
   */
  setProbation(on: boolean, now: number): void {
    if (on === this.#probation) return;
    this.#probation = on;
    this.#triggers.push(on ? 'firmware on probation' : 'firmware confirmed');
    this.#settle(now);
  }

  /** Whether this unit's session table is in sync, from session sync (firmware/sessions/). */
  setSessionsReady(ready: boolean, now: number): void {
    if (ready === this.#sessionsReady) return;
    this.#sessionsReady = ready;
    this.#triggers.push(ready ? 'sessions in sync' : 'sessions not in sync');
    this.#settle(now);
  }

  /** `diagnose sys ha reset-uptime`. */
  resetUptime(now: number): void {
    this.#ageBase = now;
    this.#triggers.push('reset-uptime');
    this.#settle(now);
  }

  advert(now: number): Advert {
    const s = this.#settings;
    return {
      firmware: this.#id.firmware,
      model: this.#id.model,
      groupName: s.groupName,
      mode: s.mode,
      hostname: this.#id.hostname,
      state: this.#state,
      priority: s.priority,
      override: s.override,
      ageS: Math.floor(this.#ageMs(now) / 1000),
      monitorUp: this.#monitorUp,
      monitorTotal: this.#monitorTotal,
      failover: this.#failover,
      hbIntervalMs: heartbeatIntervalMs(s),
      lostThreshold: s.hbLostThreshold,
      primary: this.primary(),
      sessionsReady: this.#readyForElection(now),
    };
  }

  /**
   * When tick() must run next: the end of hello (or of waiting for a negotiator), the
   * detector's next expiry, a beacon rival's expiry, or the end of failover-hold-time.
   */
  nextWakeAt(now: number): number {
    let helloEnd = Number.POSITIVE_INFINITY;
    if (this.#state === 'hello') helloEnd = this.#helloEnd() + (this.#negotiating ? this.#settings.helloHolddownS * 1000 : 0);
    const beacon = this.#beacons.nextExpiry(now, this.#beaconTiming, this.#isMember);
    return Math.min(helloEnd, this.#detector.nextDeadline(), beacon, this.#held?.untilMs ?? Number.POSITIVE_INFINITY);
  }

  drainEvents(): ClusterEvent[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }

  view(now: number): ClusterView {
    const order = this.#election?.result.order ?? [];
    const rank = (p: Peer): number => {
      const i = order.indexOf(p.serial);
      return i < 0 ? order.length : i;
    };
    const peers = this.#members.all().sort((a, b) => rank(a) - rank(b) || (a.serial < b.serial ? -1 : 1));
    const e = this.#election;
    return {
      members: [
        this.#selfView(now),
        ...peers.map((p) => peerView(p, this.#members.ageMs(p, now), now, this.#detector.links(p.serial, now))),
      ],
      election: e ? { primary: e.result.primary, reason: e.result.reason, atMs: e.atMs } : null,
      alone: this.#alone,
      refused: this.#refusals.view(now),
      refusedFrames: this.#refusals.frames,
      lateChecks: this.#detector.lateChecks,
      maxLateMs: this.#detector.maxLateMs,
      beaconRivals: this.#beaconRivalsNow(now).map((r) => ({ serial: r.serial, port: r.port, agoMs: now - r.atMs })),
      held: this.#held ? { to: this.#held.to, untilMs: this.#held.untilMs } : null,
    };
  }

  /**
   * The one place that decides the state. In `hello` nothing is decided until hello-holddown
   * expires; after that every recorded trigger runs the election once, and the result sets
   * `work` (we are primary) or `standby`. While we work, a rival primary that hears us and
   * persists is settled by the election without age (dual-primary.ts): the loser yields until
   * the next election input changes.
   */
  #settle(now: number): void {
    if (this.#state === 'hello') {
      this.#negotiating = now >= this.#helloEnd() && this.#awaitingNegotiator(now);
      if (now < this.#helloEnd() || this.#negotiating) {
        this.#triggers = [];
        return;
      }
      this.#triggers.unshift(`hello-holddown ${this.#settings.helloHolddownS} s expired`);
    }
    this.#noteBeaconRivals(now);
    if (this.#triggers.length > 0) {
      const trigger = this.#triggers.join('; ');
      this.#triggers = [];
      const result = elect(this.#candidates(now), {
        override: this.#overrideEffective(),
        marginMs: this.#settings.uptimeDiffMarginS * 1000,
      });
      const to: HaState = result.primary === this.#id.serial ? 'work' : 'standby';
      if (this.#holds(to, now) || this.#probationHold(to, now)) {
        // A unit leaving hello waits in standby: standing, so the primary's election sees it win.
        if (this.#state === 'hello') this.#setState('standby', `${trigger}: ${this.#held?.reason ?? 'held'}`, now);
        return;
      }
      this.#held = null;
      this.#record(result, now);
      this.#setState(to, `${trigger}: ${result.reason}`, now);
    }
    const rivals = this.#state === 'work' ? this.#rivals(now) : [];
    if (rivals.length > 0) {
      const field = this.#candidates(now).filter((c) => c.serial === this.#id.serial || rivals.includes(c.serial));
      const result = elect(field, { override: false, marginMs: 0, ignoreAge: true });
      if (result.primary !== this.#id.serial) {
        this.#record(result, now);
        this.#setState(
          'standby',
          `dual primary with ${rivals.join(', ')}, ages too close to the margin to agree on: ${result.reason}`,
          now,
        );
      }
    }
  }

  /**
   * At a cold start of the whole cluster every unit is in hello. Without this, the first unit
   * whose holddown ends would find no standing peer, elect itself and work, only to stand down
   * moments later when the rightful primary leaves hello: two primaries for an instant. So when
   * no peer stands yet and a peer still in hello would win, we wait for it to leave hello, at
   * most one more hello-holddown (a peer configured with a much longer holddown does not keep
   * us from serving). A formed cluster is joined at once.
   */
  #awaitingNegotiator(now: number): boolean {
    if (now >= this.#helloEnd() + this.#settings.helloHolddownS * 1000) return false;
    if (this.#members.size === 0 || this.#members.anyFormed()) return false;
    const override = this.#settings.override || this.#members.all().some((p) => p.advert.override);
    const field = this.#candidates(now, true);
    return elect(field, { override, marginMs: this.#settings.uptimeDiffMarginS * 1000 }).primary !== this.#id.serial;
  }

  /**
   * failover-hold-time (FortiOS 7.4+, minimum time between two failovers). A primary that
   * loses the election to a living unit keeps the role until the hold has passed since its
   * last change of role; the winner waits meanwhile, and takes over once the primary stops
   * claiming the role, so the two never work at once. Taking over when no unit claims the role
   * is never held (that would be a blackhole), nor is standing down after
   * `execute ha failover set` (an operator's order). Returns true (and records the wait) when
   * the change must wait.
   */
  #holds(to: HaState, now: number): boolean {
    const holdMs = this.#settings.failoverHoldTimeS * 1000;
    if (holdMs === 0 || to === this.#state) return false;
    let untilMs: number;
    let reason: string;
    if (to === 'work') {
      if (!this.#someoneClaims(now)) return false;
      untilMs = Number.POSITIVE_INFINITY;
      reason = `failover-hold-time ${this.#settings.failoverHoldTimeS} s: waiting for the primary to hand over`;
    } else {
      untilMs = this.#flippedAt + holdMs;
      if (this.#state !== 'work' || this.#failover || now >= untilMs) return false;
      reason = `failover-hold-time ${this.#settings.failoverHoldTimeS} s since the last failover`;
    }
    if (this.#held?.to !== to) {
      this.#held = { to, untilMs, reason, ends: 'failover-hold-time expired' };
      this.#emit({ kind: 'held', to, untilMs, reason });
    }
    return true;
  }

  /**
   * A unit running a firmware image on trial that hears a unit it refuses (another major
   * version, another model) stands by instead of working: that unit is most likely the
   * cluster it was meant to join, still forwarding, and two primaries that cannot hear each
   * other would both forward. It stands by until the refused unit has been silent for the
   * lost threshold (gone: taking over is then no risk), or until the image is confirmed; an
   * image that never joins is not confirmed and boots back into the old one. Standing down
   * from work when such a unit appears is never held.
   */
  #probationHold(to: HaState, now: number): boolean {
    if (!this.#probation || to !== 'work') return false;
    const lostMs = lostAfterMs(this.#settings);
    const heard = this.#refusals.view(now).filter((r) => r.lastAgoMs <= lostMs);
    if (heard.length === 0) return false;
    const untilMs = now + lostMs - Math.min(...heard.map((r) => r.lastAgoMs));
    const who = heard.map((r) => `${r.serial} (${r.reason})`).join(', ');
    const reason = `firmware on probation: not taking the primary role while refusing ${who}`;
    const news = this.#held?.reason !== reason;
    this.#held = { to, untilMs, reason, ends: 'no refused unit heard for the lost threshold' };
    if (news) this.#emit({ kind: 'held', to, untilMs, reason });
    if (this.#state === 'work') this.#setState('standby', reason, now);
    return true;
  }

  #someoneClaims(now: number): boolean {
    return this.#members.anyWorking() || this.#beaconRivalsNow(now).length > 0;
  }

  /** Emits a `beacon` event and an election trigger for each beacon rival that appeared or went. */
  #noteBeaconRivals(now: number): void {
    const rivals = this.#beaconRivalsNow(now);
    // The common case, on every heartbeat taken in: no rival before, none now.
    if (rivals.length === 0 && this.#beaconRivals.size === 0) return;
    const current = new Map(rivals.map((r) => [r.serial, r.port]));
    for (const [serial, port] of current) {
      if (this.#beaconRivals.has(serial)) continue;
      this.#emit({ kind: 'beacon', serial, port, seen: true });
      this.#triggers.push(`${serial} is primary, seen on data port ${port} without heartbeats`);
    }
    for (const [serial, port] of this.#beaconRivals) {
      if (current.has(serial)) continue;
      if (!this.#members.has(serial)) this.#dual.forget(serial);
      this.#emit({ kind: 'beacon', serial, port, seen: false });
      this.#triggers.push(`${serial} no longer seen primary on the data ports`);
    }
    this.#beaconRivals = current;
  }

  #beaconRivalsNow(now: number): readonly BeaconRival[] {
    return this.#beacons.rivals(now, this.#beaconTiming, this.#isMember);
  }

  /** Peers that have claimed the primary role against ours for several of their intervals. */
  #rivals(now: number): string[] {
    const ours = heartbeatIntervalMs(this.#settings);
    const interval = (serial: string) => Math.max(ours, this.#members.get(serial)?.advert.hbIntervalMs ?? ours);
    return this.#dual
      .rivals(now, this.#stateSince, interval)
      .filter((serial) => this.#members.has(serial) || this.#beaconRivals.has(serial));
  }

  #record(result: ElectionResult, now: number): void {
    const prev = this.#election;
    if (!prev || prev.result.primary !== result.primary || prev.result.reason !== result.reason) {
      this.#election = { result, atMs: now };
      this.#emit({ kind: 'elected', primary: result.primary, reason: result.reason });
    } else {
      prev.result = result;
    }
  }

  /** The one place that sets the state. */
  #setState(to: HaState, reason: string, now: number): void {
    if (to === this.#state) return;
    // Standing down with a stale table: not ready until session sync has resynced this unit
    // (it says so, or stands regardless after its wait), so the election cannot hand the role
    // straight back.
    if (this.#state === 'work' && this.#staleAfterStall(now)) this.#sessionsReady = false;
    this.#staleUntil = Number.NEGATIVE_INFINITY;
    this.#unheard.clear();
    if (this.#state !== 'hello') this.#flippedAt = now;
    this.#emit({ kind: 'state', from: this.#state, to, reason });
    this.#state = to;
    this.#stateSince = now;
  }

  #candidates(now: number, negotiating = false): Candidate[] {
    const self: Candidate = {
      serial: this.#id.serial,
      priority: this.#settings.priority,
      ageMs: this.#ageMs(now),
      monitorUp: this.#monitorUp,
      failover: this.#failover,
      sessionsReady: this.#readyForElection(now),
    };
    const rivals = this.#beaconRivalsNow(now);
    const members = this.#members.candidates(now, negotiating);
    return rivals.length === 0
      ? [self, ...members]
      : [
          self,
          ...members,
          ...rivals.map((r) => beaconCandidate(r, this.#members.ages.ageMs(r.serial, r.advert.ageS, r.atMs, now))),
        ];
  }

  /**
   * Override counts for the whole cluster when any standing member enables it. Every unit must
   * order the candidates by the same rules: if one unit ranked priority before age and another
   * age before priority, each could elect a different primary and both would work.
   */
  #overrideEffective(): boolean {
    return this.#settings.override || this.#members.candidateOverride();
  }

  #refuse(serial: string, link: string, reason: string, now: number): void {
    if (this.#refusals.refuse(serial, link, reason, now)) {
      this.#emit({ kind: 'refused', serial, link, reason });
      if (this.#probation) this.#triggers.push(`${serial} refused`);
    }
    if (this.#members.has(serial)) this.#refusedMembers.set(serial, reason);
  }

  #fullFor(serial: string): string | null {
    if (this.#members.has(serial) || this.#members.size + 1 < MAX_UNITS) return null;
    return `cluster is full: ${MAX_UNITS} units`;
  }

  #drop(serial: string): void {
    this.#unheard.delete(serial);
    this.#refusedMembers.delete(serial);
    this.#members.remove(serial);
    this.#detector.forget(serial);
    this.#dual.forget(serial);
    if (this.#members.size === 0) this.#alone = true;
  }

  #compatSelf() {
    return { groupNames: this.#groupNames, mode: this.#settings.mode, model: this.#id.model, firmware: this.#id.firmware };
  }

  #recheckMembers(now: number): void {
    for (const p of this.#members.all()) {
      const refusal = incompatibility(this.#compatSelf(), p.advert);
      if (refusal !== null) this.#refuse(p.serial, p.link, refusal, now);
    }
  }

  #helloEnd(): number {
    return this.#startedAt + this.#settings.helloHolddownS * 1000;
  }

  /**
   * The primary holds the sessions by definition (it is their source), unless it resumed from
   * a stall while a peer took the role (resumeFromStall).
   */
  #readyForElection(now: number): boolean {
    if (this.#state === 'work') return !this.#staleAfterStall(now);
    return this.#sessionsReady;
  }

  /** A peer's first claim of the primary role heard while this primary resumes from a long stall. */
  #resumedClaim(serial: string, advert: Advert, before: Advert | undefined, now: number): boolean {
    if (this.#state !== 'work' || now > this.#staleUntil || !claimsPrimary(serial, advert)) return false;
    return !(before && claimsPrimary(serial, before));
  }

  #staleAfterStall(now: number): boolean {
    return this.#settings.sessionPickup.tcp && now <= this.#staleUntil && this.#members.anyWorking();
  }

  #ageMs(now: number): number {
    return now - this.#ageBase;
  }

  #emit(e: ClusterEvent): void {
    this.#events.push(e);
  }

  #selfView(now: number): MemberView {
    return {
      serial: this.#id.serial,
      hostname: this.#id.hostname,
      firmware: this.#id.firmware,
      state: this.#state,
      priority: this.#settings.priority,
      override: this.#settings.override,
      ageMs: this.#ageMs(now),
      monitorUp: this.#monitorUp,
      monitorTotal: this.#monitorTotal,
      failover: this.#failover,
      lastHeardAgoMs: 0,
      links: [],
      self: true,
    };
  }
}

function detectorTiming(s: HaSettings): { intervalMs: number; lostAfterMs: number } {
  return { intervalMs: heartbeatIntervalMs(s), lostAfterMs: lostAfterMs(s) };
}
