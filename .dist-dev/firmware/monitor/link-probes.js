export class LinkProbes {
    config;
    servers;
    seq = 0;
    constructor(config) {
        this.config = config;
        this.servers = config.server.map((server) => ({
            server,
            state: 'alive',
            sent: 0,
            sendErrors: 0,
            replies: 0,
            lost: 0,
            late: 0,
            lastRttMs: null,
            consecutiveLost: 0,
            consecutiveReplies: 0,
            changedAtMs: null,
            pending: null,
        }));
    }
    /**
     * Starts a round at `nowMs`: the previous round's unanswered probes are lost. Returns the
     * sequence number to send to every server (each send then reported by `sent`).
     */
    round(nowMs) {
        const changes = [];
        for (const s of this.servers) {
            if (s.pending) {
                const change = this.lose(s, nowMs);
                if (change)
                    changes.push(change);
            }
            s.pending = null;
        }
        this.seq = (this.seq + 1) & 0xffff;
        for (const s of this.servers)
            s.pending = { seq: this.seq };
        return { seq: this.seq, changes };
    }
    /** Reports whether this round's probe to `server` left. A failed send stays pending, so it is lost. */
    sent(server, ok) {
        const s = this.find(server);
        if (!s)
            return;
        if (ok)
            s.sent++;
        else
            s.sendErrors++;
    }
    /** A reply from `from` to probe `seq`; `rttMs` < 0 when unmeasured. Returns the change it made. */
    reply(from, seq, rttMs, nowMs) {
        const s = this.find(from);
        if (!s)
            return undefined;
        if (!s.pending || s.pending.seq !== seq || rttMs > this.config.intervalMs) {
            s.late++;
            return undefined;
        }
        s.pending = null;
        s.replies++;
        if (rttMs >= 0)
            s.lastRttMs = rttMs;
        s.consecutiveLost = 0;
        s.consecutiveReplies++;
        // Dead → alive only after `recoverytime` replies in a row: one lucky reply is no recovery.
        if (s.state === 'dead' && s.consecutiveReplies >= this.config.recoverytime) {
            return this.change(s, 'alive', `${s.consecutiveReplies} replies in a row`, nowMs);
        }
        return undefined;
    }
    /** Every server is dead. */
    get failed() {
        return this.servers.length > 0 && this.servers.every((s) => s.state === 'dead');
    }
    /** Forgets the states and what is pending (a fresh start); the totals stay for the operator. */
    restart() {
        for (const s of this.servers) {
            s.state = 'alive';
            s.consecutiveLost = 0;
            s.consecutiveReplies = 0;
            s.pending = null;
        }
    }
    status() {
        return this.servers.map(({ pending: _, ...status }) => ({ ...status }));
    }
    lose(s, nowMs) {
        s.lost++;
        s.consecutiveReplies = 0;
        s.consecutiveLost++;
        // Alive → dead after `failtime` losses in a row; a dead server stays dead while it stays silent.
        if (s.state === 'alive' && s.consecutiveLost >= this.config.failtime) {
            return this.change(s, 'dead', `${s.consecutiveLost} probes lost in a row`, nowMs);
        }
        return undefined;
    }
    change(s, state, why, nowMs) {
        s.state = state;
        s.changedAtMs = nowMs;
        return { server: s.server, state, why };
    }
    find(server) {
        return this.servers.find((s) => s.server === server);
    }
}
//# sourceMappingURL=link-probes.js.map