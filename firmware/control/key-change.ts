/**
 * Coordinated key changes (docs/config-sync-plan.md §6, issue 9 item 2): a change of password,
 * encryption, group-id or group-name reaches every unit as one step, so no unit ever refuses
 * its peers' heartbeats over it. Pure and clock-driven: the control link, the timers, the
 * cluster's view and the channels' key rings are passed in.
 *
 * - The primary's commit gate calls propose(next): it installs [cur, next] sealing with cur
 *   (both open) on every channel and sends `key-prepare` to every member of the snapshot.
 * - A member checks it (from its primary, a well-formed key, nothing of its own against it),
 *   installs the same ring and answers `key-ready` or `key-refused`.
 * - Every member ready within 3 s: propose resolves ok, the caller saves and pushes the config,
 *   then committed() sends `key-switch` and seals with next. A member switches on `key-switch`,
 *   on adopting the pushed config, or first of all when its heartbeat worker hears the primary
 *   with the next key (workerSwitched, from FromWorker `key-switched`).
 * - After the grace window G each unit keeps [next] alone.
 * - A refusal or no answer in 3 s: `key-abort` to everyone asked, every unit back on [cur],
 *   propose resolves `<serial> refused the key change: …`, and nothing is saved.
 * - A member that leaves the snapshot while the change is prepared is not waited for: once it
 *   is back, its full sync brings the config, and the generic rule below its key.
 * - Generic rule (adopted): whenever an adopted config's key differs from the one this unit
 *   seals with, it switches and still accepts the old key for G (a change made while alone, a
 *   full sync meeting a join inside a grace window).
 *
 * A member that prepared and then lost its primary keeps accepting the next key until a switch,
 * an abort, a config or a new prepare says otherwise: cut off while the change went through, it
 * hears the primary with that key once the link is back, switches, and rejoins.
 */
import type { HaSnapshot } from '../ha/snapshot.js';
import { type KeyRingSpec, type KeySpec, keySpecProblem, oneKeyRing, sameKeySpec, sendSpec } from '../ha/wire/key-ring.js';
import type { Logger } from '../log/logger.js';
import type { Cancel, Timers } from '../time/timers.js';
import type { ControlLink, KeyPrepareMessage, KeyStepMessage } from './api.js';
import { keySpecFromWire, keySpecToWire } from './key-messages.js';

/** How long the primary waits for every member's answer to a key-prepare. */
export const PREPARE_TIMEOUT_MS = 3000;
/** How long an agreed change may wait for its save (committed() or the adoption of next) before it is dropped. */
export const COMMIT_WAIT_MS = 10_000;

export type KeyChangeResult = { ok: true } | { ok: false; reason: string };

/** The P3 contract (docs/config-sync-plan.md §9). */
export interface KeyChange {
  propose(next: KeySpec): Promise<KeyChangeResult>;
  committed(): void;
  adopted(spec: KeySpec): void;
}

/** What the key change needs of the control link. */
export type KeyLink = Pick<ControlLink, 'send' | 'on' | 'onPeerReset'>;

/** The cluster as the key change sees it: its primary ('' while none is elected) and the other members' serials. */
export interface KeyClusterView {
  primary: string;
  members: readonly string[];
}

export function keyClusterView(snap: HaSnapshot): KeyClusterView {
  const primary = snap.enabled && snap.state !== 'hello' ? (snap.election?.primary ?? '') : '';
  return { primary, members: snap.members.filter((m) => !m.self).map((m) => m.serial) };
}

export interface KeyChangeOptions {
  serial: string;
  /** The key the configuration names at start: the first ring holds it alone. */
  initial: KeySpec;
  link: KeyLink;
  timers: Timers;
  /** The cluster now (keyClusterView of the latest HA snapshot). */
  cluster: () => KeyClusterView;
  /** Puts a ring on every channel: HaRuntime.setKeys, SessionSyncRuntime.setKeys, ControlLink.setKeys. */
  install: (ring: KeyRingSpec) => void;
  /** The grace window now (graceWindowMs of the current settings). */
  graceMs: () => number;
  /** This unit's own reason to refuse a change a primary proposes, or null (e.g. `sync-config disable` here). */
  veto?: (next: KeySpec) => string | null;
  log: Logger;
}

interface Proposal {
  id: number;
  cur: KeySpec;
  next: KeySpec;
  /** Every member asked, in snapshot order. */
  asked: readonly string[];
  /** Members whose answer is still awaited. */
  waiting: Set<string>;
  agreed: boolean;
  resolve: (r: KeyChangeResult) => void;
  cancelTimer: Cancel;
}

interface Prepared {
  id: number;
  from: string;
  next: KeySpec;
}

export class KeyCoordinator implements KeyChange {
  readonly #o: KeyChangeOptions;
  #ring: KeyRingSpec;
  #cancelGrace: Cancel | null = null;
  /** The change this unit coordinates, as primary. */
  #proposal: Proposal | null = null;
  /** The change a primary asked this unit to prepare. */
  #prepared: Prepared | null = null;
  #lastId = 0;

  constructor(o: KeyChangeOptions) {
    this.#o = o;
    this.#ring = oneKeyRing(o.initial);
    o.install(this.#ring);
    o.link.on('key-prepare', (from, m) => this.#onPrepare(from, m));
    o.link.on('key-ready', (from, m) => this.#onAnswer(from, m));
    o.link.on('key-refused', (from, m) => this.#onAnswer(from, m));
    o.link.on('key-switch', (from, m) => this.#onSwitch(from, m));
    o.link.on('key-abort', (from, m) => this.#onAbort(from, m));
    o.link.onPeerReset((serial) => this.#onPeerReset(serial));
  }

  /** The ring every channel holds now. */
  get ring(): KeyRingSpec {
    return this.#ring;
  }

  propose(next: KeySpec): Promise<KeyChangeResult> {
    const problem = keySpecProblem(next);
    if (problem !== null) return Promise.resolve({ ok: false, reason: `the new key is unusable: ${problem}` });
    if (this.#proposal) return Promise.resolve({ ok: false, reason: 'a key change is already under way' });
    const view = this.#o.cluster();
    if (view.primary !== '' && view.primary !== this.#o.serial) {
      return Promise.resolve({ ok: false, reason: `only the primary ${view.primary} changes the cluster's keys` });
    }
    const cur = sendSpec(this.#ring);
    if (sameKeySpec(cur, next)) return Promise.resolve({ ok: true });
    this.#prepared = null;
    const id = ++this.#lastId;
    this.#setRing({ slots: [cur, next], send: 0 });
    return new Promise((resolve) => {
      const p: Proposal = {
        id,
        cur,
        next,
        asked: [...view.members],
        waiting: new Set(view.members),
        agreed: false,
        resolve,
        cancelTimer: this.#o.timers.after(PREPARE_TIMEOUT_MS, () => this.#prepareTimedOut(p)),
      };
      this.#proposal = p;
      this.#o.log.info(`key change ${id} (${describeChange(cur, next)}): asking ${p.asked.join(', ') || 'nobody'} to prepare`);
      for (const m of p.asked) {
        if (!this.#o.link.send(m, { k: 'key-prepare', id, next: keySpecToWire(next) })) {
          this.#abort(p, `${m} refused the key change: no control link to it`);
          return;
        }
      }
      this.#agreeIfAllReady(p);
    });
  }

  /** The agreed change is saved and pushed: every unit seals with it from now on. */
  committed(): void {
    const p = this.#proposal;
    if (p?.agreed) this.#commit(p);
  }

  /**
   * A configuration was adopted (a local commit, a push, a full sync): its key is the one to
   * seal with. The primary's own adoption of the agreed key commits it, a member's adoption of
   * the prepared one switches it; any other key differing from the one sealed with is switched
   * to with the old one accepted for the grace window.
   */
  adopted(spec: KeySpec): void {
    const p = this.#proposal;
    if (p?.agreed && sameKeySpec(spec, p.next)) {
      this.#commit(p);
      return;
    }
    const cur = sendSpec(this.#ring);
    if (sameKeySpec(spec, cur)) return;
    if (p) this.#abort(p, 'the configuration changed the keys meanwhile');
    const prepared = this.#prepared;
    this.#prepared = null;
    if (prepared && sameKeySpec(spec, prepared.next)) {
      this.#o.log.event(
        `key change ${prepared.id} from ${prepared.from}: sealing with the new key, its configuration came first`,
      );
    } else {
      this.#o.log.event(`the configuration changed the keys (${describeChange(cur, spec)}): sealing with the new key`);
    }
    this.#switchTo(spec);
  }

  /** The heartbeat worker already seals with the next key: a frame from primary `by` came with it (FromWorker `key-switched`). */
  workerSwitched(by: string): void {
    if (this.#ring.slots.length !== 2 || this.#ring.send !== 0) return;
    const next = this.#ring.slots[1];
    if (this.#proposal) this.#abort(this.#proposal, `${by} already seals with the new key`);
    this.#o.log.event(`sealing with the new key: primary ${by}'s heartbeats came with it`);
    this.#prepared = null;
    this.#switchTo(next);
  }

  /** The snapshot changed: members that left are no longer waited for. */
  membersChanged(): void {
    const p = this.#proposal;
    if (!p || p.agreed) return;
    const members = new Set(this.#o.cluster().members);
    for (const s of p.waiting) {
      if (members.has(s)) continue;
      p.waiting.delete(s);
      this.#o.log.info(`key change ${p.id}: ${s} left the cluster while it was prepared, not waited for`);
    }
    this.#agreeIfAllReady(p);
  }

  /** Stops the timers (shutdown); a change in progress is refused. */
  close(): void {
    this.#cancelGrace?.();
    this.#cancelGrace = null;
    const p = this.#proposal;
    if (!p) return;
    p.cancelTimer();
    this.#proposal = null;
    p.resolve({ ok: false, reason: 'shutting down' });
  }

  #onPrepare(from: string, m: KeyPrepareMessage): void {
    const checked = this.#checkPrepare(from, m);
    if ('problem' in checked) {
      this.#o.log.event(`refused the key change ${m.id} from ${from}: ${checked.problem}`, 'warn');
      this.#o.link.send(from, { k: 'key-refused', id: m.id, reason: checked.problem });
      return;
    }
    const cur = sendSpec(this.#ring);
    this.#prepared = { id: m.id, from, next: checked.spec };
    if (!sameKeySpec(cur, checked.spec)) this.#setRing({ slots: [cur, checked.spec], send: 0 });
    this.#o.log.info(
      `key change ${m.id} from ${from} (${describeChange(cur, checked.spec)}): prepared, the new key opens frames`,
    );
    this.#o.link.send(from, { k: 'key-ready', id: m.id });
  }

  /** The prepared key, or why this unit refuses it: not from its primary, a change of its own under way, a bad key, a veto. */
  #checkPrepare(from: string, m: KeyPrepareMessage): { spec: KeySpec } | { problem: string } {
    const primary = this.#o.cluster().primary;
    if (from !== primary) return { problem: `${from} is not the primary${primary ? ` (${primary} is)` : ''}` };
    if (this.#proposal) return { problem: `this unit coordinates a key change of its own (${this.#proposal.id})` };
    const wire = keySpecFromWire(m.next);
    if ('problem' in wire) return wire;
    const vetoed = this.#o.veto?.(wire.spec) ?? null;
    return vetoed === null ? wire : { problem: vetoed };
  }

  #onAnswer(from: string, m: KeyStepMessage): void {
    const p = this.#proposal;
    if (!p || p.agreed || m.id !== p.id || !p.waiting.has(from)) return;
    if (m.k === 'key-refused') {
      this.#abort(p, `${from} refused the key change: ${m.reason ?? 'no reason given'}`);
      return;
    }
    p.waiting.delete(from);
    this.#agreeIfAllReady(p);
  }

  #onSwitch(from: string, m: KeyStepMessage): void {
    const prepared = this.#prepared;
    if (!prepared || prepared.from !== from || prepared.id !== m.id) return;
    this.#prepared = null;
    this.#o.log.event(`key change ${m.id} from ${from}: sealing with the new key`);
    this.#switchTo(prepared.next);
  }

  #onAbort(from: string, m: KeyStepMessage): void {
    const prepared = this.#prepared;
    if (!prepared || prepared.from !== from || prepared.id !== m.id) return;
    this.#prepared = null;
    this.#o.log.event(`key change ${m.id} from ${from} aborted: ${m.reason ?? 'no reason given'}; keys unchanged`, 'warn');
    this.#setRing(oneKeyRing(sendSpec(this.#ring)));
  }

  /** A stream restarted: a prepare still unanswered may be lost with it, so it goes again. */
  #onPeerReset(serial: string): void {
    const p = this.#proposal;
    if (!p || p.agreed || !p.waiting.has(serial)) return;
    this.#o.link.send(serial, { k: 'key-prepare', id: p.id, next: keySpecToWire(p.next) });
  }

  #agreeIfAllReady(p: Proposal): void {
    if (this.#proposal !== p || p.agreed || p.waiting.size > 0) return;
    p.agreed = true;
    p.cancelTimer();
    p.cancelTimer = this.#o.timers.after(COMMIT_WAIT_MS, () =>
      this.#abort(p, `the key change was not saved within ${COMMIT_WAIT_MS / 1000} s`),
    );
    this.#o.log.info(`key change ${p.id}: every member is ready`);
    p.resolve({ ok: true });
  }

  #prepareTimedOut(p: Proposal): void {
    this.#abort(p, `${[...p.waiting].join(', ')} refused the key change: no answer within ${PREPARE_TIMEOUT_MS / 1000} s`);
  }

  #commit(p: Proposal): void {
    p.cancelTimer();
    this.#proposal = null;
    for (const m of p.asked) this.#o.link.send(m, { k: 'key-switch', id: p.id });
    this.#o.log.event(`key change ${p.id} (${describeChange(p.cur, p.next)}): sealing with the new key`);
    this.#switchTo(p.next);
  }

  #abort(p: Proposal, reason: string): void {
    if (this.#proposal !== p) return;
    p.cancelTimer();
    this.#proposal = null;
    for (const m of p.asked) this.#o.link.send(m, { k: 'key-abort', id: p.id, reason });
    this.#o.log.event(`key change ${p.id} aborted: ${reason}; keys unchanged`, 'warn');
    this.#setRing(oneKeyRing(p.cur));
    p.resolve({ ok: false, reason });
  }

  /** Seals with `next`, still opening with the key sealed with until now for the grace window. */
  #switchTo(next: KeySpec): void {
    const cur = sendSpec(this.#ring);
    if (sameKeySpec(cur, next)) return;
    this.#setRing({ slots: [cur, next], send: 1 });
    const graceMs = this.#o.graceMs();
    this.#cancelGrace = this.#o.timers.after(graceMs, () => {
      this.#cancelGrace = null;
      this.#o.log.info(`grace window of ${graceMs / 1000} s over: the old key no longer opens frames`);
      this.#setRing(oneKeyRing(next));
    });
  }

  /** Every ring goes through here: a new one ends the grace window of the last. */
  #setRing(ring: KeyRingSpec): void {
    this.#cancelGrace?.();
    this.#cancelGrace = null;
    this.#ring = ring;
    this.#o.install(ring);
  }
}

/** What differs between two keys, the password never shown. */
export function describeChange(cur: KeySpec, next: KeySpec): string {
  const parts: string[] = [];
  if (cur.password !== next.password) parts.push('password');
  if (cur.encryption !== next.encryption) parts.push(`encryption ${next.encryption ? 'enable' : 'disable'}`);
  if (cur.groupId !== next.groupId) parts.push(`group-id ${cur.groupId} -> ${next.groupId}`);
  if (cur.groupName !== next.groupName)
    parts.push(`group-name ${JSON.stringify(cur.groupName)} -> ${JSON.stringify(next.groupName)}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
