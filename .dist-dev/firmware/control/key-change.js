import { keySpecProblem, oneKeyRing, sameKeySpec, sendSpec } from '../ha/wire/key-ring.js';
import { keySpecFromWire, keySpecToWire } from './key-messages.js';
/** How long the primary waits for every member's answer to a key-prepare. */
export const PREPARE_TIMEOUT_MS = 3000;
/** How long an agreed change may wait for its save (committed() or the adoption of next) before it is dropped. */
export const COMMIT_WAIT_MS = 10_000;
export function keyClusterView(snap) {
    const primary = snap.enabled && snap.state !== 'hello' ? (snap.election?.primary ?? '') : '';
    return { primary, members: snap.members.filter((m) => !m.self).map((m) => m.serial) };
}
export class KeyCoordinator {
    #o;
    #ring;
    #cancelGrace = null;
    /** The change this unit coordinates, as primary. */
    #proposal = null;
    /** The change a primary asked this unit to prepare. */
    #prepared = null;
    #lastId = 0;
    constructor(o) {
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
    get ring() {
        return this.#ring;
    }
    propose(next) {
        const problem = keySpecProblem(next);
        if (problem !== null)
            return Promise.resolve({ ok: false, reason: `the new key is unusable: ${problem}` });
        if (this.#proposal)
            return Promise.resolve({ ok: false, reason: 'a key change is already under way' });
        const view = this.#o.cluster();
        if (view.primary !== '' && view.primary !== this.#o.serial) {
            return Promise.resolve({ ok: false, reason: `only the primary ${view.primary} changes the cluster's keys` });
        }
        const cur = sendSpec(this.#ring);
        if (sameKeySpec(cur, next))
            return Promise.resolve({ ok: true });
        this.#prepared = null;
        const id = ++this.#lastId;
        this.#setRing({ slots: [cur, next], send: 0 });
        return new Promise((resolve) => {
            const p = {
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
    committed() {
        const p = this.#proposal;
        if (p?.agreed)
            this.#commit(p);
    }
    /**
     * A configuration was adopted (a local commit, a push, a full sync): its key is the one to
     * seal with. The primary's own adoption of the agreed key commits it, a member's adoption of
     * the prepared one switches it; any other key differing from the one sealed with is switched
     * to with the old one accepted for the grace window.
     */
    adopted(spec) {
        const p = this.#proposal;
        if (p?.agreed && sameKeySpec(spec, p.next)) {
            this.#commit(p);
            return;
        }
        const cur = sendSpec(this.#ring);
        if (sameKeySpec(spec, cur))
            return;
        if (p)
            this.#abort(p, 'the configuration changed the keys meanwhile');
        const prepared = this.#prepared;
        this.#prepared = null;
        if (prepared && sameKeySpec(spec, prepared.next)) {
            this.#o.log.event(`key change ${prepared.id} from ${prepared.from}: sealing with the new key, its configuration came first`);
        }
        else {
            this.#o.log.event(`the configuration changed the keys (${describeChange(cur, spec)}): sealing with the new key`);
        }
        this.#switchTo(spec);
    }
    /** The heartbeat worker already seals with the next key: a frame from primary `by` came with it (FromWorker `key-switched`). */
    workerSwitched(by) {
        if (this.#ring.slots.length !== 2 || this.#ring.send !== 0)
            return;
        const next = this.#ring.slots[1];
        if (this.#proposal)
            this.#abort(this.#proposal, `${by} already seals with the new key`);
        this.#o.log.event(`sealing with the new key: primary ${by}'s heartbeats came with it`);
        this.#prepared = null;
        this.#switchTo(next);
    }
    /** The snapshot changed: members that left are no longer waited for. */
    membersChanged() {
        const p = this.#proposal;
        if (!p || p.agreed)
            return;
        const members = new Set(this.#o.cluster().members);
        for (const s of p.waiting) {
            if (members.has(s))
                continue;
            p.waiting.delete(s);
            this.#o.log.info(`key change ${p.id}: ${s} left the cluster while it was prepared, not waited for`);
        }
        this.#agreeIfAllReady(p);
    }
    /** Stops the timers (shutdown); a change in progress is refused. */
    close() {
        this.#cancelGrace?.();
        this.#cancelGrace = null;
        const p = this.#proposal;
        if (!p)
            return;
        p.cancelTimer();
        this.#proposal = null;
        p.resolve({ ok: false, reason: 'shutting down' });
    }
    #onPrepare(from, m) {
        const checked = this.#checkPrepare(from, m);
        if ('problem' in checked) {
            this.#o.log.event(`refused the key change ${m.id} from ${from}: ${checked.problem}`, 'warn');
            this.#o.link.send(from, { k: 'key-refused', id: m.id, reason: checked.problem });
            return;
        }
        const cur = sendSpec(this.#ring);
        this.#prepared = { id: m.id, from, next: checked.spec };
        if (!sameKeySpec(cur, checked.spec))
            this.#setRing({ slots: [cur, checked.spec], send: 0 });
        this.#o.log.info(`key change ${m.id} from ${from} (${describeChange(cur, checked.spec)}): prepared, the new key opens frames`);
        this.#o.link.send(from, { k: 'key-ready', id: m.id });
    }
    /** The prepared key, or why this unit refuses it: not from its primary, a change of its own under way, a bad key, a veto. */
    #checkPrepare(from, m) {
        const primary = this.#o.cluster().primary;
        if (from !== primary)
            return { problem: `${from} is not the primary${primary ? ` (${primary} is)` : ''}` };
        if (this.#proposal)
            return { problem: `this unit coordinates a key change of its own (${this.#proposal.id})` };
        const wire = keySpecFromWire(m.next);
        if ('problem' in wire)
            return wire;
        const vetoed = this.#o.veto?.(wire.spec) ?? null;
        return vetoed === null ? wire : { problem: vetoed };
    }
    #onAnswer(from, m) {
        const p = this.#proposal;
        if (!p || p.agreed || m.id !== p.id || !p.waiting.has(from))
            return;
        if (m.k === 'key-refused') {
            this.#abort(p, `${from} refused the key change: ${m.reason ?? 'no reason given'}`);
            return;
        }
        p.waiting.delete(from);
        this.#agreeIfAllReady(p);
    }
    #onSwitch(from, m) {
        const prepared = this.#prepared;
        if (!prepared || prepared.from !== from || prepared.id !== m.id)
            return;
        this.#prepared = null;
        this.#o.log.event(`key change ${m.id} from ${from}: sealing with the new key`);
        this.#switchTo(prepared.next);
    }
    #onAbort(from, m) {
        const prepared = this.#prepared;
        if (!prepared || prepared.from !== from || prepared.id !== m.id)
            return;
        this.#prepared = null;
        this.#o.log.event(`key change ${m.id} from ${from} aborted: ${m.reason ?? 'no reason given'}; keys unchanged`, 'warn');
        this.#setRing(oneKeyRing(sendSpec(this.#ring)));
    }
    /** A stream restarted: a prepare still unanswered may be lost with it, so it goes again. */
    #onPeerReset(serial) {
        const p = this.#proposal;
        if (!p || p.agreed || !p.waiting.has(serial))
            return;
        this.#o.link.send(serial, { k: 'key-prepare', id: p.id, next: keySpecToWire(p.next) });
    }
    #agreeIfAllReady(p) {
        if (this.#proposal !== p || p.agreed || p.waiting.size > 0)
            return;
        p.agreed = true;
        p.cancelTimer();
        p.cancelTimer = this.#o.timers.after(COMMIT_WAIT_MS, () => this.#abort(p, `the key change was not saved within ${COMMIT_WAIT_MS / 1000} s`));
        this.#o.log.info(`key change ${p.id}: every member is ready`);
        p.resolve({ ok: true });
    }
    #prepareTimedOut(p) {
        this.#abort(p, `${[...p.waiting].join(', ')} refused the key change: no answer within ${PREPARE_TIMEOUT_MS / 1000} s`);
    }
    #commit(p) {
        p.cancelTimer();
        this.#proposal = null;
        for (const m of p.asked)
            this.#o.link.send(m, { k: 'key-switch', id: p.id });
        this.#o.log.event(`key change ${p.id} (${describeChange(p.cur, p.next)}): sealing with the new key`);
        this.#switchTo(p.next);
    }
    #abort(p, reason) {
        if (this.#proposal !== p)
            return;
        p.cancelTimer();
        this.#proposal = null;
        for (const m of p.asked)
            this.#o.link.send(m, { k: 'key-abort', id: p.id, reason });
        this.#o.log.event(`key change ${p.id} aborted: ${reason}; keys unchanged`, 'warn');
        this.#setRing(oneKeyRing(p.cur));
        p.resolve({ ok: false, reason });
    }
    /** Seals with `next`, still opening with the key sealed with until now for the grace window. */
    #switchTo(next) {
        const cur = sendSpec(this.#ring);
        if (sameKeySpec(cur, next))
            return;
        this.#setRing({ slots: [cur, next], send: 1 });
        const graceMs = this.#o.graceMs();
        this.#cancelGrace = this.#o.timers.after(graceMs, () => {
            this.#cancelGrace = null;
            this.#o.log.info(`grace window of ${graceMs / 1000} s over: the old key no longer opens frames`);
            this.#setRing(oneKeyRing(next));
        });
    }
    /** Every ring goes through here: a new one ends the grace window of the last. */
    #setRing(ring) {
        this.#cancelGrace?.();
        this.#cancelGrace = null;
        this.#ring = ring;
        this.#o.install(ring);
    }
}
/** What differs between two keys, the password never shown. */
export function describeChange(cur, next) {
    const parts = [];
    if (cur.password !== next.password)
        parts.push('password');
    if (cur.encryption !== next.encryption)
        parts.push(`encryption ${next.encryption ? 'enable' : 'disable'}`);
    if (cur.groupId !== next.groupId)
        parts.push(`group-id ${cur.groupId} -> ${next.groupId}`);
    if (cur.groupName !== next.groupName)
        parts.push(`group-name ${JSON.stringify(cur.groupName)} -> ${JSON.stringify(next.groupName)}`);
    return parts.length > 0 ? parts.join(', ') : 'nothing';
}
//# sourceMappingURL=key-change.js.map