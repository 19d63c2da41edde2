/**
 * Config sync (FGCP `sync-config`): the primary's configuration is the cluster's.
 *
 * - Every unit says `hello` with its sums to each peer when the peer set or the primary changes,
 *   when a stream to a peer restarted, and every 60 s. The primary compares each member's sums
 *   with its own and sends a full `push` where they differ.
 * - A commit on the primary's console goes to every member as an incremental `push` (the changed
 *   sections, on the base sum they apply to). A member whose config is not that base asks for
 *   everything (`sync-req`) instead of applying it.
 * - A commit on a secondary's console goes to the primary (commit-forward.ts), which commits it
 *   and pushes it to everyone, the origin included.
 * - A member refuses a config that fails validation, keeps its own, and both sides log why. No
 *   retry loop: the next commit, a rejoin or `execute ha synchronize start` tries again.
 *
 * Pure and timer-driven: the link, the store and the timers are given.
 */
import type { CommitProposal, CommitVerdict, ConfigChange, SyncedConfigStore } from '../config/api.js';
import type { HaSettings } from '../config/ha-settings.js';
import type { HaSnapshot } from '../ha/snapshot.js';
import { createLogger } from '../log/logger.js';
import type { Cancel, Timers } from '../time/timers.js';
import type { CommitMessage, ControlLink, PushMessage, ResultMessage, SumsMessage, WireChecksums } from './api.js';
import { type ClusterView, clusterView, isPrimaryView } from './cluster-view.js';
import { CommitForward } from './commit-forward.js';
import type { KeyChange } from './key-change.js';
import { keySpecFromWire } from './key-messages.js';
import { differingSections } from './sums-diff.js';

export type MemberSyncState = 'unknown' | 'syncing' | 'in-sync' | 'out-of-sync';

export interface MemberSyncStatus {
  serial: string;
  self: boolean;
  state: MemberSyncState;
  reason?: string;
  /** Milliseconds since this unit last heard the member's sums; null when never. */
  updatedAgoMs: number | null;
}

export interface ConfigSyncOptions {
  serial: string;
  link: ControlLink;
  store: SyncedConfigStore & { haSettings(): HaSettings };
  timers: Timers;
  now: () => number;
  /** Resolves once the configuration adopted last is applied (the apply chain settled). */
  settled: () => Promise<void>;
  /** Coordinated key changes (key-change.ts): a commit that changes the HA key runs one first. */
  keys: KeyChange;
}

export const HELLO_EVERY_MS = 60_000;
/** How long `checksum cluster` waits for each member's sums. */
export const SUMS_WAIT_MS = 1000;

interface MemberRecord {
  state: MemberSyncState;
  reason?: string;
  sums?: WireChecksums;
  syncConfig: boolean;
  heardAtMs?: number;
  /** The version and kind of the last push sent to it. */
  lastPush?: { v: number; full: boolean };
  /** A push is on its way and its result not back: sums heard meanwhile are older than it. */
  awaitingResult: boolean;
  /**
   * The sums (ours, the member's) when a push was refused or a full sync still left them
   * different: not pushed again until one side changes, it rejoins or an operator asks.
   */
  stuckAt?: { own: string; member: string };
}

const log = createLogger('config-sync');

export class ConfigSync {
  readonly #o: ConfigSyncOptions;
  readonly #members = new Map<string, MemberRecord>();
  readonly #forward: CommitForward;
  readonly #sumsWaiters = new Map<number, (m: SumsMessage | null) => void>();
  #view: ClusterView;
  /** The primary's push counter; on a member, the newest version applied. */
  #version = 0;
  /** The `all` sum the next incremental push applies on (the members' base). */
  #lastAll: string;
  /** The primary's sums as last heard, on a member. */
  #primarySums: { sums: WireChecksums; atMs: number } | null = null;
  #sumsId = 0;
  #helloTimer: Cancel | null = null;
  /** A key change agreed by every member waits for its commit's push before the switch. */
  #keyCommitPending = false;
  /** Pushes are applied one after another: a push arriving during an apply waits. */
  #applying: Promise<void> = Promise.resolve();

  constructor(o: ConfigSyncOptions) {
    this.#o = o;
    this.#view = { self: o.serial, primary: o.serial, peers: [] };
    this.#lastAll = this.#ownSums().all;
    this.#forward = new CommitForward({
      serial: o.serial,
      link: o.link,
      timers: o.timers,
      view: () => this.#view,
      syncConfig: () => o.store.haSettings().syncConfig,
    });
    o.store.setCommitGate((p) => this.#gate(p));
    o.store.onConfigChange((c) => this.#onConfigChange(c));
    o.link.on('hello', (from, m) => this.#onHello(from, m.sums, m.syncConfig));
    o.link.on('push', (from, m) => {
      this.#applying = this.#applying.then(() => this.#onPush(from, m));
    });
    o.link.on('result', (from, m) => this.#onResult(from, m));
    o.link.on('sync-req', (from, m) => this.#onSyncRequest(from, m.reason));
    o.link.on('commit', (from, m) => {
      this.#applying = this.#applying.then(() => this.#onCommit(from, m));
    });
    o.link.on('commit-result', (_from, m) => this.#forward.onResult(m));
    o.link.on('sums-req', (from, m) => {
      const { debugzone, checksum } = o.store.checksums();
      o.link.send(from, { k: 'sums', id: m.id, debugzone, checksum });
    });
    o.link.on('sums', (_from, m) => this.#sumsWaiters.get(m.id)?.(m));
    o.link.onPeerReset((serial) => {
      const rec = this.#members.get(serial);
      if (rec) {
        rec.state = 'unknown';
        rec.awaitingResult = false;
        rec.stuckAt = undefined;
      }
      this.#hello(serial);
    });
  }

  start(): void {
    const tick = () => {
      for (const peer of this.#view.peers) this.#hello(peer);
      this.#helloTimer = this.#o.timers.after(HELLO_EVERY_MS, tick);
    };
    this.#helloTimer = this.#o.timers.after(HELLO_EVERY_MS, tick);
  }

  stop(): void {
    this.#helloTimer?.();
    this.#helloTimer = null;
    this.#forward.cancelAll();
  }

  /** A new HA snapshot: hello to every peer when the peers or the primary changed. */
  onSnapshot(snap: HaSnapshot): void {
    const next = clusterView(snap);
    const before = this.#view;
    this.#view = next;
    for (const serial of [...this.#members.keys()]) if (!next.peers.includes(serial)) this.#members.delete(serial);
    const changed = before.primary !== next.primary || before.peers.join() !== next.peers.join();
    if (!changed) return;
    // The units' views change at different moments: the new primary's hello may have come while
    // this unit still followed another one. Its sums as last heard are the primary's now.
    if (before.primary !== next.primary) this.#primarySums = this.#heardSums(next.primary);
    for (const peer of next.peers) this.#hello(peer);
    if (isPrimaryView(next)) for (const peer of next.peers) this.#compare(peer);
  }

  /** `execute ha synchronize start`: the primary pushes everything to every member; a member asks the primary. */
  synchronize(): string {
    const { primary, peers, self } = this.#view;
    if (peers.length === 0) return 'No other cluster member to synchronize with.\n';
    if (primary === self) {
      for (const peer of peers) {
        this.#record(peer).stuckAt = undefined;
        this.#pushFull(peer, 'execute ha synchronize start');
      }
      return `Full configuration sync started to ${peers.join(', ')}.\n`;
    }
    if (primary === null) return 'No primary in the cluster now: nothing to synchronize from.\n';
    if (!this.#o.link.send(primary, { k: 'sync-req', reason: `execute ha synchronize start on ${self}` }))
      return `Command fail. No control link to the primary ${primary}.\n`;
    return `Full configuration sync requested from the primary ${primary}.\n`;
  }

  /** Each unit's sync state, this unit first, for `get system ha status`. */
  status(): MemberSyncStatus[] {
    const now = this.#o.now();
    const own: MemberSyncStatus = { serial: this.#view.self, self: true, ...this.#ownState(), updatedAgoMs: 0 };
    const peers = this.#view.peers.map((serial): MemberSyncStatus => {
      const rec = this.#members.get(serial);
      const ago = rec?.heardAtMs === undefined ? null : now - rec.heardAtMs;
      if (!rec) return { serial, self: false, state: 'unknown', reason: 'no hello yet', updatedAgoMs: null };
      if (!isPrimaryView(this.#view))
        return { serial, self: false, ...this.#peerStateSeenByMember(serial, rec), updatedAgoMs: ago };
      return { serial, self: false, state: rec.state, reason: rec.reason, updatedAgoMs: ago };
    });
    return [own, ...peers];
  }

  /** A peer's sums for `diagnose sys ha checksum cluster`, or null when it did not answer in time. */
  requestSums(serial: string): Promise<SumsMessage | null> {
    const id = ++this.#sumsId;
    return new Promise((resolve) => {
      const done = (m: SumsMessage | null) => {
        this.#sumsWaiters.delete(id);
        cancel();
        resolve(m);
      };
      const cancel = this.#o.timers.after(SUMS_WAIT_MS, () => done(null));
      this.#sumsWaiters.set(id, done);
      if (!this.#o.link.send(serial, { k: 'sums-req', id })) done(null);
    });
  }

  /**
   * A console commit: forwarded to the primary from a secondary; on the primary, a change of the
   * HA key is agreed with every member first, and `committed()` follows the push.
   */
  async #gate(p: CommitProposal): Promise<CommitVerdict> {
    if (!this.#forward.isLocal(p)) return this.#forward.forward(p);
    if (p.nextKeys && isPrimaryView(this.#view) && this.#view.peers.length > 0) {
      const r = await this.#o.keys.propose(p.nextKeys);
      if (!r.ok) return { kind: 'refused', reason: `${r.reason}; nothing changed` };
      this.#keyCommitPending = true;
    }
    return { kind: 'local' };
  }

  /** Cached at adoption: computing them prints the whole config (hundreds of ms at 1000 policies). */
  #ownSums(): WireChecksums {
    return this.#o.store.adoptedSums();
  }

  #ownState(): { state: MemberSyncState; reason?: string } {
    if (isPrimaryView(this.#view) || this.#view.primary === null) return { state: 'in-sync' };
    if (!this.#primarySums) return { state: 'unknown', reason: 'no sums from the primary yet' };
    return sumsState(this.#ownSums(), this.#primarySums.sums);
  }

  /** On a member: a peer compared with the primary's sums, as far as this unit heard them. */
  #peerStateSeenByMember(serial: string, rec: MemberRecord): { state: MemberSyncState; reason?: string } {
    if (serial === this.#view.primary) return { state: 'in-sync' };
    if (!rec.sums || !this.#primarySums) return { state: 'unknown', reason: 'no sums yet' };
    return sumsState(rec.sums, this.#primarySums.sums);
  }

  #heardSums(serial: string | null): { sums: WireChecksums; atMs: number } | null {
    const rec = serial === null ? undefined : this.#members.get(serial);
    return rec?.sums && rec.heardAtMs !== undefined ? { sums: rec.sums, atMs: rec.heardAtMs } : null;
  }

  #hello(peer: string): void {
    const m = { k: 'hello', sums: this.#ownSums(), syncConfig: this.#o.store.haSettings().syncConfig } as const;
    this.#o.link.send(peer, { ...m, isPrimary: isPrimaryView(this.#view) });
  }

  #record(serial: string): MemberRecord {
    let rec = this.#members.get(serial);
    if (!rec) {
      rec = { state: 'unknown', syncConfig: true, awaitingResult: false };
      this.#members.set(serial, rec);
    }
    return rec;
  }

  #onHello(from: string, sums: WireChecksums, syncConfig: boolean): void {
    if (!this.#view.peers.includes(from)) return;
    const rec = this.#record(from);
    rec.sums = sums;
    rec.syncConfig = syncConfig;
    rec.heardAtMs = this.#o.now();
    if (from === this.#view.primary) this.#primarySums = { sums, atMs: rec.heardAtMs };
    if (isPrimaryView(this.#view)) this.#compare(from);
  }

  /** On the primary: a member whose sums differ from ours gets a full push, once per difference. */
  #compare(serial: string): void {
    const rec = this.#members.get(serial);
    if (!rec?.sums) return;
    const own = this.#ownSums();
    if (!rec.syncConfig) {
      this.#mark(serial, rec, 'out-of-sync', 'sync-config disabled there');
      return;
    }
    if (rec.sums.all === own.all) {
      this.#mark(serial, rec, 'in-sync');
      return;
    }
    if (rec.state === 'syncing' || rec.awaitingResult) return;
    if (rec.stuckAt?.own === own.all && rec.stuckAt.member === rec.sums.all) return;
    const sections = differingSections(own, rec.sums);
    this.#pushFull(serial, `joined with a different configuration (sections differ: ${sections.join(', ') || 'none named'})`);
  }

  #mark(serial: string, rec: MemberRecord, state: MemberSyncState, reason?: string): void {
    if (rec.state !== state && state === 'in-sync' && rec.state !== 'unknown')
      log.event(`config sync: ${serial} is in sync`, 'info', { subtype: 'config' });
    rec.state = state;
    rec.reason = reason;
  }

  #pushFull(serial: string, reason: string): void {
    const sums = this.#ownSums();
    const push: PushMessage = {
      k: 'push',
      v: ++this.#version,
      base: sums.all,
      full: true,
      reason,
      sections: this.#o.store.sharedText(),
      sums,
    };
    if (!this.#o.link.send(serial, push)) return;
    const rec = this.#record(serial);
    rec.state = 'syncing';
    rec.reason = reason;
    rec.lastPush = { v: push.v, full: true };
    rec.awaitingResult = true;
    log.event(`config sync: full sync to ${serial} (${reason})`, 'info', {
      subtype: 'config',
      fields: { action: 'full-sync', peer: serial },
    });
  }

  /** Pushes the sections a commit changed to every member; returns the push's version. */
  #pushIncremental(sectionKeys: readonly string[], reason: string): number {
    const sums = this.#ownSums();
    const base = this.#lastAll;
    this.#lastAll = sums.all;
    if (base === sums.all) return this.#version;
    const sections = this.#o.store.sharedText(sectionKeys.filter((k) => k in sums.sections));
    const push: PushMessage = { k: 'push', v: ++this.#version, base, full: false, reason, sections, sums };
    for (const peer of this.#view.peers) {
      const rec = this.#record(peer);
      if (!rec.syncConfig) continue;
      if (!this.#o.link.send(peer, push)) continue;
      rec.lastPush = { v: push.v, full: false };
      rec.awaitingResult = true;
    }
    return push.v;
  }

  #onConfigChange(change: ConfigChange): void {
    const primary = isPrimaryView(this.#view) || this.#view.primary === null;
    if (change.origin === 'console' && primary) {
      const v = this.#pushIncremental(change.sections, `commit on ${this.#view.self}`);
      log.info(`config committed (${change.sections.join(', ')}), version ${v}`);
      this.#keysCommitted();
      return;
    }
    if (!primary) this.#lastAll = this.#ownSums().all;
  }

  async #onPush(from: string, m: PushMessage): Promise<void> {
    const self = this.#view.self;
    const refuse = (reason: string) => {
      log.event(`refused configuration from ${from}: ${reason}`, 'warn', {
        subtype: 'config',
        fields: { action: 'refused', peer: from },
      });
      this.#o.link.send(from, { k: 'result', v: m.v, ok: false, reason, sums: this.#ownSums(), applyMs: 0 });
    };
    if (from !== this.#view.primary) return refuse(`${from} is not the primary here (${this.#view.primary ?? 'none'})`);
    this.#primarySums = { sums: m.sums, atMs: this.#o.now() };
    if (!this.#o.store.haSettings().syncConfig) return refuse(`sync-config is disabled on ${self}`);
    if (!m.full && m.base !== this.#ownSums().all) {
      this.#o.link.send(from, { k: 'sync-req', reason: `${self} is not on the base of push ${m.v}` });
      return;
    }
    const started = this.#o.now();
    const r = this.#o.store.applyFromPeer(m.sections, { full: m.full, from, reason: m.reason });
    if (!r.ok) return refuse(r.reason);
    log.info(`config sync: saved push ${m.v} from ${from}`);
    await this.#o.settled();
    const applyMs = Math.round(this.#o.now() - started);
    this.#version = Math.max(this.#version, m.v);
    const sums = this.#ownSums();
    const kind = m.full ? 'full' : 'incremental';
    const names = r.changed.length > 0 ? r.changed.join(', ') : 'nothing changed';
    log.event(`config sync: applied ${kind} (${names}) from ${from} in ${applyMs} ms`, 'info', {
      subtype: 'config',
      fields: { action: 'applied', peer: from, kind, duration_ms: applyMs },
    });
    const result: ResultMessage = { k: 'result', v: m.v, ok: true, sums, applyMs };
    this.#o.link.send(from, result);
    this.#forward.applied(m.v);
    if (!m.full && sums.all !== m.sums.all)
      this.#o.link.send(from, { k: 'sync-req', reason: `${self} differs from the primary after push ${m.v}` });
  }

  #onResult(from: string, m: ResultMessage): void {
    const rec = this.#members.get(from);
    if (!rec || !isPrimaryView(this.#view)) return;
    rec.sums = m.sums;
    rec.heardAtMs = this.#o.now();
    if (m.v >= (rec.lastPush?.v ?? 0)) rec.awaitingResult = false;
    if (!m.ok) {
      const reason = m.reason ?? 'no reason given';
      log.event(`${from} refused the configuration: ${reason}`, 'warn', {
        subtype: 'config',
        fields: { action: 'peer-refused', peer: from },
      });
      this.#mark(from, rec, 'out-of-sync', `refused: ${reason}`);
      rec.stuckAt = { own: this.#ownSums().all, member: m.sums.all };
      return;
    }
    const own = this.#ownSums();
    if (m.sums.all === own.all) this.#mark(from, rec, 'in-sync');
    else if (rec.lastPush?.v === m.v && rec.lastPush.full) {
      this.#mark(from, rec, 'out-of-sync', `sections differ after a full sync: ${differingSections(own, m.sums).join(', ')}`);
      rec.stuckAt = { own: own.all, member: m.sums.all };
    }
  }

  #keysCommitted(): void {
    if (!this.#keyCommitPending) return;
    this.#keyCommitPending = false;
    this.#o.keys.committed();
  }

  #onSyncRequest(from: string, reason: string): void {
    if (!isPrimaryView(this.#view) || !this.#view.peers.includes(from)) return;
    this.#pushFull(from, reason);
  }

  async #onCommit(from: string, m: CommitMessage): Promise<void> {
    const self = this.#view.self;
    const answer = (ok: boolean, v: number, reason?: string) =>
      this.#o.link.send(from, { k: 'commit-result', id: m.id, ok, v, ...(reason === undefined ? {} : { reason }) });
    if (!isPrimaryView(this.#view)) return void answer(false, 0, `${self} is not the primary`);
    const own = this.#ownSums().sections;
    const moved = Object.keys(m.base).filter((key) => (own[key] ?? '') !== m.base[key]);
    if (moved.length > 0)
      return void answer(
        false,
        0,
        `${moved.join(', ')} differs on the primary ${self} (changed meanwhile, or ${from} is out of sync); nothing changed`,
      );
    if (m.keys !== undefined) {
      const keys = keySpecFromWire(m.keys);
      if ('problem' in keys) return void answer(false, 0, `the HA key in the commit: ${keys.problem}; nothing changed`);
      const r = await this.#o.keys.propose(keys.spec);
      if (!r.ok) return void answer(false, 0, `${r.reason}; nothing changed`);
    }
    const r = this.#o.store.commitShared(m.sections, from);
    if (!r.ok) return void answer(false, 0, r.reason);
    log.event(`config committed on ${from} through the primary (${r.changed.join(', ')})`, 'info', {
      subtype: 'config',
      fields: { action: 'committed', peer: from },
    });
    answer(true, this.#pushIncremental(r.changed, `commit on ${from}`));
    if (m.keys !== undefined) this.#o.keys.committed();
  }
}

function sumsState(own: WireChecksums, primary: WireChecksums): { state: MemberSyncState; reason?: string } {
  if (own.all === primary.all) return { state: 'in-sync' };
  return { state: 'out-of-sync', reason: `sections differ: ${differingSections(primary, own).join(', ')}` };
}
