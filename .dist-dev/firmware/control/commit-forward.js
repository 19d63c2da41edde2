import { keySpecToWire } from './key-messages.js';
/** How long a commit waits for the primary's answer, and then for its push. */
export const COMMIT_WAIT_MS = 3000;
export class CommitForward {
    #o;
    #pending = new Map();
    #appliedWaiters = [];
    #appliedV = 0;
    #id = 0;
    constructor(o) {
        this.#o = o;
    }
    /** Whether a commit is this unit's own to save: per-unit only, no primary but us, or sync-config disabled here. */
    isLocal(p) {
        const { primary, self } = this.#o.view();
        return p.perUnitOnly || primary === null || primary === self || !this.#o.syncConfig();
    }
    /** Sends the commit to the primary, and waits for its answer and then its push. */
    async forward(p) {
        const { primary, self } = this.#o.view();
        if (primary === null)
            return { kind: 'refused', reason: 'no primary in the cluster now; nothing changed' };
        const id = ++this.#id;
        const answer = this.#wait(null, (resolve) => {
            this.#pending.set(id, { resolve });
            return () => this.#pending.delete(id);
        });
        const keys = p.nextKeys && keySpecToWire(p.nextKeys);
        if (!this.#o.link.send(primary, { k: 'commit', id, sections: p.sections, base: p.base, ...(keys ? { keys } : {}) })) {
            this.#pending.get(id)?.resolve(null);
            return { kind: 'refused', reason: `no control link to the primary ${primary}; nothing changed` };
        }
        const result = await answer;
        if (result === null)
            return { kind: 'refused', reason: `the primary ${primary} did not answer in 3 s; nothing changed` };
        if (!result.ok)
            return { kind: 'refused', reason: result.reason ?? `the primary ${primary} refused it` };
        const applied = result.v <= this.#appliedV || (await this.#waitApplied(result.v));
        return {
            kind: 'done',
            output: applied ? '' : `Committed on the primary ${primary}; its sync has not reached ${self} yet.\n`,
        };
    }
    onResult(m) {
        this.#pending.get(m.id)?.resolve(m);
    }
    /** A push of version `v` is applied here. */
    applied(v) {
        this.#appliedV = Math.max(this.#appliedV, v);
        const due = this.#appliedWaiters.filter((w) => w.v <= v);
        this.#appliedWaiters = this.#appliedWaiters.filter((w) => w.v > v);
        for (const w of due)
            w.resolve(true);
    }
    /** Ends every waiting commit as unanswered. */
    cancelAll() {
        for (const p of [...this.#pending.values()])
            p.resolve(null);
        for (const w of this.#appliedWaiters)
            w.resolve(false);
        this.#appliedWaiters = [];
    }
    #waitApplied(v) {
        return this.#wait(false, (resolve) => {
            const w = { v, resolve };
            this.#appliedWaiters.push(w);
            return () => {
                this.#appliedWaiters = this.#appliedWaiters.filter((x) => x !== w);
            };
        });
    }
    /** A promise `register` can resolve, resolved with `onTimeout` after COMMIT_WAIT_MS; `register` returns its cleanup. */
    #wait(onTimeout, register) {
        return new Promise((resolve) => {
            let cancelTimer = () => { };
            let settled = false;
            const finish = (v) => {
                if (settled)
                    return;
                settled = true;
                cancelTimer();
                cleanup();
                resolve(v);
            };
            const cleanup = register(finish);
            cancelTimer = this.#o.timers.after(COMMIT_WAIT_MS, () => finish(onTimeout));
        });
    }
}
//# sourceMappingURL=commit-forward.js.map