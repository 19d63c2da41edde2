import { createLogger } from '../log/logger.js';
import { clusterView, isPrimaryView } from './cluster-view.js';
import { CommitForward } from './commit-forward.js';
import { keySpecFromWire } from './key-messages.js';
import { differingSections } from './sums-diff.js';
export const HELLO_EVERY_MS = 60_000;
/** How long `checksum cluster` waits for each member's sums. */
export const SUMS_WAIT_MS = 1000;
const log = createLogger('config-sync');
export class ConfigSync {
    #o;
    #members = new Map();
    #forward;
    #sumsWaiters = new Map();
    #view;
    /** The primary's push counter; on a member, the newest version applied. */
    #version = 0;
    /** The `all` sum the next incremental push applies on (the members' base). */
    #lastAll;
    /** The primary's sums as last heard, on a member. */
    #primarySums = null;
    #sumsId = 0;
    #helloTimer = null;
    /** A key change agreed by every member waits for its commit's push before the switch. */
    #keyCommitPending = false;
    /** Pushes are applied one after another: a push arriving during an apply waits. */
    #applying = Promise.resolve();
    constructor(o) {
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
    start() {
        const tick = () => {
            for (const peer of this.#view.peers)
                this.#hello(peer);
            this.#helloTimer = this.#o.timers.after(HELLO_EVERY_MS, tick);
        };
        this.#helloTimer = this.#o.timers.after(HELLO_EVERY_MS, tick);
    }
    stop() {
        this.#helloTimer?.();
        this.#helloTimer = null;
        this.#forward.cancelAll();
    }
    /** A new HA snapshot: hello to every peer when the peers or the primary changed. */
    onSnapshot(snap) {
        const next = clusterView(snap);
        const before = this.#view;
        this.#view = next;
        for (const serial of [...this.#members.keys()])
            if (!next.peers.includes(serial))
                this.#members.delete(serial);
        const changed = before.primary !== next.primary || before.peers.join() !== next.peers.join();
        if (!changed)
            return;
        // The units' views change at different moments: the new primary's hello may have come while
        // this unit still followed another one. Its sums as last heard are the primary's now.
        if (before.primary !== next.primary)
            this.#primarySums = this.#heardSums(next.primary);
        for (const peer of next.peers)
            this.#hello(peer);
        if (isPrimaryView(next))
            for (const peer of next.peers)
                this.#compare(peer);
    }
    /** `execute ha synchronize start`: the primary pushes everything to every member; a member asks the primary. */
    synchronize() {
        const { primary, peers, self } = this.#view;
        if (peers.length === 0)
            return 'No other cluster member to synchronize with.\n';
        if (primary === self) {
            for (const peer of peers) {
                this.#record(peer).stuckAt = undefined;
                this.#pushFull(peer, 'execute ha synchronize start');
            }
            return `Full configuration sync started to ${peers.join(', ')}.\n`;
        }
        if (primary === null)
            return 'No primary in the cluster now: nothing to synchronize from.\n';
        if (!this.#o.link.send(primary, { k: 'sync-req', reason: `execute ha synchronize start on ${self}` }))
            return `Command fail. No control link to the primary ${primary}.\n`;
        return `Full configuration sync requested from the primary ${primary}.\n`;
    }
    /** Each unit's sync state, this unit first, for `get system ha status`. */
    status() {
        const now = this.#o.now();
        const own = { serial: this.#view.self, self: true, ...this.#ownState(), updatedAgoMs: 0 };
        const peers = this.#view.peers.map((serial) => {
            const rec = this.#members.get(serial);
            const ago = rec?.heardAtMs === undefined ? null : now - rec.heardAtMs;
            if (!rec)
                return { serial, self: false, state: 'unknown', reason: 'no hello yet', updatedAgoMs: null };
            if (!isPrimaryView(this.#view))
                return { serial, self: false, ...this.#peerStateSeenByMember(serial, rec), updatedAgoMs: ago };
            return { serial, self: false, state: rec.state, reason: rec.reason, updatedAgoMs: ago };
        });
        return [own, ...peers];
    }
    /** A peer's sums for `diagnose sys ha checksum cluster`, or null when it did not answer in time. */
    requestSums(serial) {
        const id = ++this.#sumsId;
        return new Promise((resolve) => {
            const done = (m) => {
                this.#sumsWaiters.delete(id);
                cancel();
                resolve(m);
            };
            const cancel = this.#o.timers.after(SUMS_WAIT_MS, () => done(null));
            this.#sumsWaiters.set(id, done);
            if (!this.#o.link.send(serial, { k: 'sums-req', id }))
                done(null);
        });
    }
    /**
     * A console commit: forwarded to the primary from a secondary; on the primary, a change of the
     * HA key is agreed with every member first, and `committed()` follows the push.
     */
    async #gate(p) {
        if (!this.#forward.isLocal(p))
            return this.#forward.forward(p);
        if (p.nextKeys && isPrimaryView(this.#view) && this.#view.peers.length > 0) {
            const r = await this.#o.keys.propose(p.nextKeys);
            if (!r.ok)
                return { kind: 'refused', reason: `${r.reason}; nothing changed` };
            this.#keyCommitPending = true;
        }
        return { kind: 'local' };
    }
    /** Cached at adoption: computing them prints the whole config (hundreds of ms at 1000 policies). */
    #ownSums() {
        return this.#o.store.adoptedSums();
    }
    #ownState() {
        if (isPrimaryView(this.#view) || this.#view.primary === null)
            return { state: 'in-sync' };
        if (!this.#primarySums)
            return { state: 'unknown', reason: 'no sums from the primary yet' };
        return sumsState(this.#ownSums(), this.#primarySums.sums);
    }
    /** On a member: a peer compared with the primary's sums, as far as this unit heard them. */
    #peerStateSeenByMember(serial, rec) {
        if (serial === this.#view.primary)
            return { state: 'in-sync' };
        if (!rec.sums || !this.#primarySums)
            return { state: 'unknown', reason: 'no sums yet' };
        return sumsState(rec.sums, this.#primarySums.sums);
    }
    #heardSums(serial) {
        const rec = serial === null ? undefined : this.#members.get(serial);
        return rec?.sums && rec.heardAtMs !== undefined ? { sums: rec.sums, atMs: rec.heardAtMs } : null;
    }
    #hello(peer) {
        const m = { k: 'hello', sums: this.#ownSums(), syncConfig: this.#o.store.haSettings().syncConfig };
        this.#o.link.send(peer, { ...m, isPrimary: isPrimaryView(this.#view) });
    }
    #record(serial) {
        let rec = this.#members.get(serial);
        if (!rec) {
            rec = { state: 'unknown', syncConfig: true, awaitingResult: false };
            this.#members.set(serial, rec);
        }
        return rec;
    }
    #onHello(from, sums, syncConfig) {
        if (!this.#view.peers.includes(from))
            return;
        const rec = this.#record(from);
        rec.sums = sums;
        rec.syncConfig = syncConfig;
        rec.heardAtMs = this.#o.now();
        if (from === this.#view.primary)
            this.#primarySums = { sums, atMs: rec.heardAtMs };
        if (isPrimaryView(this.#view))
            this.#compare(from);
    }
    /** On the primary: a member whose sums differ from ours gets a full push, once per difference. */
    #compare(serial) {
        const rec = this.#members.get(serial);
        if (!rec?.sums)
            return;
        const own = this.#ownSums();
        if (!rec.syncConfig) {
            this.#mark(serial, rec, 'out-of-sync', 'sync-config disabled there');
            return;
        }
        if (rec.sums.all === own.all) {
            this.#mark(serial, rec, 'in-sync');
            return;
        }
        if (rec.state === 'syncing' || rec.awaitingResult)
            return;
        if (rec.stuckAt?.own === own.all && rec.stuckAt.member === rec.sums.all)
            return;
        const sections = differingSections(own, rec.sums);
        this.#pushFull(serial, `joined with a different configuration (sections differ: ${sections.join(', ') || 'none named'})`);
    }
    #mark(serial, rec, state, reason) {
        if (rec.state !== state && state === 'in-sync' && rec.state !== 'unknown')
            log.event(`config sync: ${serial} is in sync`, 'info', { subtype: 'config' });
        rec.state = state;
        rec.reason = reason;
    }
    #pushFull(serial, reason) {
        const sums = this.#ownSums();
        const push = {
            k: 'push',
            v: ++this.#version,
            base: sums.all,
            full: true,
            reason,
            sections: this.#o.store.sharedText(),
            sums,
        };
        if (!this.#o.link.send(serial, push))
            return;
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
    #pushIncremental(sectionKeys, reason) {
        const sums = this.#ownSums();
        const base = this.#lastAll;
        this.#lastAll = sums.all;
        if (base === sums.all)
            return this.#version;
        const sections = this.#o.store.sharedText(sectionKeys.filter((k) => k in sums.sections));
        const push = { k: 'push', v: ++this.#version, base, full: false, reason, sections, sums };
        for (const peer of this.#view.peers) {
            const rec = this.#record(peer);
            if (!rec.syncConfig)
                continue;
            if (!this.#o.link.send(peer, push))
                continue;
            rec.lastPush = { v: push.v, full: false };
            rec.awaitingResult = true;
        }
        return push.v;
    }
    #onConfigChange(change) {
        const primary = isPrimaryView(this.#view) || this.#view.primary === null;
        if (change.origin === 'console' && primary) {
            const v = this.#pushIncremental(change.sections, `commit on ${this.#view.self}`);
            log.info(`config committed (${change.sections.join(', ')}), version ${v}`);
            this.#keysCommitted();
            return;
        }
        if (!primary)
            this.#lastAll = this.#ownSums().all;
    }
    async #onPush(from, m) {
        const self = this.#view.self;
        const refuse = (reason) => {
            log.event(`refused configuration from ${from}: ${reason}`, 'warn', {
                subtype: 'config',
                fields: { action: 'refused', peer: from },
            });
            this.#o.link.send(from, { k: 'result', v: m.v, ok: false, reason, sums: this.#ownSums(), applyMs: 0 });
        };
        if (from !== this.#view.primary)
            return refuse(`${from} is not the primary here (${this.#view.primary ?? 'none'})`);
        this.#primarySums = { sums: m.sums, atMs: this.#o.now() };
        if (!this.#o.store.haSettings().syncConfig)
            return refuse(`sync-config is disabled on ${self}`);
        if (!m.full && m.base !== this.#ownSums().all) {
            this.#o.link.send(from, { k: 'sync-req', reason: `${self} is not on the base of push ${m.v}` });
            return;
        }
        const started = this.#o.now();
        const r = this.#o.store.applyFromPeer(m.sections, { full: m.full, from, reason: m.reason });
        if (!r.ok)
            return refuse(r.reason);
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
        const result = { k: 'result', v: m.v, ok: true, sums, applyMs };
        this.#o.link.send(from, result);
        this.#forward.applied(m.v);
        if (!m.full && sums.all !== m.sums.all)
            this.#o.link.send(from, { k: 'sync-req', reason: `${self} differs from the primary after push ${m.v}` });
    }
    #onResult(from, m) {
        const rec = this.#members.get(from);
        if (!rec || !isPrimaryView(this.#view))
            return;
        rec.sums = m.sums;
        rec.heardAtMs = this.#o.now();
        if (m.v >= (rec.lastPush?.v ?? 0))
            rec.awaitingResult = false;
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
        if (m.sums.all === own.all)
            this.#mark(from, rec, 'in-sync');
        else if (rec.lastPush?.v === m.v && rec.lastPush.full) {
            this.#mark(from, rec, 'out-of-sync', `sections differ after a full sync: ${differingSections(own, m.sums).join(', ')}`);
            rec.stuckAt = { own: own.all, member: m.sums.all };
        }
    }
    #keysCommitted() {
        if (!this.#keyCommitPending)
            return;
        this.#keyCommitPending = false;
        this.#o.keys.committed();
    }
    #onSyncRequest(from, reason) {
        if (!isPrimaryView(this.#view) || !this.#view.peers.includes(from))
            return;
        this.#pushFull(from, reason);
    }
    async #onCommit(from, m) {
        const self = this.#view.self;
        const answer = (ok, v, reason) => this.#o.link.send(from, { k: 'commit-result', id: m.id, ok, v, ...(reason === undefined ? {} : { reason }) });
        if (!isPrimaryView(this.#view))
            return void answer(false, 0, `${self} is not the primary`);
        const own = this.#ownSums().sections;
        const moved = Object.keys(m.base).filter((key) => (own[key] ?? '') !== m.base[key]);
        if (moved.length > 0)
            return void answer(false, 0, `${moved.join(', ')} differs on the primary ${self} (changed meanwhile, or ${from} is out of sync); nothing changed`);
        if (m.keys !== undefined) {
            const keys = keySpecFromWire(m.keys);
            if ('problem' in keys)
                return void answer(false, 0, `the HA key in the commit: ${keys.problem}; nothing changed`);
            const r = await this.#o.keys.propose(keys.spec);
            if (!r.ok)
                return void answer(false, 0, `${r.reason}; nothing changed`);
        }
        const r = this.#o.store.commitShared(m.sections, from);
        if (!r.ok)
            return void answer(false, 0, r.reason);
        log.event(`config committed on ${from} through the primary (${r.changed.join(', ')})`, 'info', {
            subtype: 'config',
            fields: { action: 'committed', peer: from },
        });
        answer(true, this.#pushIncremental(r.changed, `commit on ${from}`));
        if (m.keys !== undefined)
            this.#o.keys.committed();
    }
}
function sumsState(own, primary) {
    if (own.all === primary.all)
        return { state: 'in-sync' };
    return { state: 'out-of-sync', reason: `sections differ: ${differingSections(primary, own).join(', ')}` };
}
//# sourceMappingURL=config-sync.js.map