/**
 * The lines an operator entered on one console session, for ↑/↓: the newest last, at most
 * `limit` of them, blank lines and a repeat of the line before left out. While browsing, the
 * line being typed when browsing began is kept and comes back below the newest entry.
 */
/** FortiOS keeps a short history per CLI session; enough for a session's worth of commands. */
export const HISTORY_LIMIT = 100;
export class History {
    limit;
    entries = [];
    /** Index of the entry shown while browsing; entries.length when not browsing. */
    at = 0;
    draft = '';
    constructor(limit = HISTORY_LIMIT) {
        this.limit = limit;
    }
    add(line) {
        this.at = this.entries.length;
        if (line.trim() === '' || this.entries[this.entries.length - 1] === line)
            return;
        this.entries.push(line);
        if (this.entries.length > this.limit)
            this.entries.shift();
        this.at = this.entries.length;
    }
    /** The entry before the one shown, or undefined at the oldest; `current` is kept as the draft when browsing starts. */
    previous(current) {
        if (this.at === 0)
            return undefined;
        if (this.at === this.entries.length)
            this.draft = current;
        this.at--;
        return this.entries[this.at];
    }
    /** The entry after the one shown, the draft after the newest, undefined when not browsing. */
    next() {
        if (this.at >= this.entries.length)
            return undefined;
        this.at++;
        return this.at === this.entries.length ? this.draft : this.entries[this.at];
    }
    /** Leaves browsing (a line was entered or discarded). */
    rewind() {
        this.at = this.entries.length;
    }
    clear() {
        this.entries = [];
        this.at = 0;
        this.draft = '';
    }
    get size() {
        return this.entries.length;
    }
}
//# sourceMappingURL=history.js.map