import { History } from './history.js';
import { KeyDecoder } from './key-decoder.js';
/** Longest line in UTF-8 bytes; one more character rings the bell instead. */
export const MAX_LINE_BYTES = 1024;
const BS = 0x08;
const DEL = 0x7f;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const ERASE = '\b \b';
const BELL = '\x07';
/** Control keys by byte: Ctrl-A, B, D, E, F, K, N, P, W. */
const CONTROL_KEYS = {
    1: 'home',
    2: 'left',
    4: 'delete',
    5: 'end',
    6: 'right',
    11: 'kill-end',
    14: 'down',
    16: 'up',
    23: 'kill-word',
};
export class LineEditor {
    assist;
    /** The line so far, one entry per code point. */
    chars = [];
    /** Where the next character goes, as an index into `chars`. */
    cursor = 0;
    bytes = 0;
    lastWasCr = false;
    lastWasTab = false;
    keys = new KeyDecoder();
    mode = 'command';
    history = new History();
    constructor(assist) {
        this.assist = assist;
    }
    /** How the next characters are taken; set between lines (a login asks for a name, then a password). */
    setMode(mode) {
        this.mode = mode;
    }
    feed(chunk) {
        const result = { echo: '', lines: [], cancelled: false };
        for (const byte of chunk)
            this.byte(byte, result);
        return result;
    }
    byte(b, out) {
        const afterCr = this.lastWasCr;
        const afterTab = this.lastWasTab;
        this.lastWasCr = false;
        this.lastWasTab = false;
        for (const event of this.keys.byte(b))
            this.event(event, afterCr, afterTab, out);
    }
    event(event, afterCr, afterTab, out) {
        switch (event.kind) {
            case 'char':
                if (event.ch === '?' && this.askHelp(out))
                    return;
                this.insert([event.ch], out);
                return;
            case 'key':
                this.key(event.key, out);
                return;
            case 'invalid':
                out.echo += BELL;
                return;
            case 'control': {
                const key = CONTROL_KEYS[event.byte];
                if (key === 'kill-end')
                    this.killToEnd(out);
                else if (key === 'kill-word')
                    this.killWord(out);
                else if (key !== undefined)
                    this.key(key, out);
                else
                    this.control(event.byte, afterCr, afterTab, out);
            }
        }
    }
    control(b, afterCr, afterTab, out) {
        switch (b) {
            case CR:
                this.lastWasCr = true;
                this.finish(out);
                return;
            case LF:
                // The LF of a CRLF (even one split across chunks) belongs to the line CR already ended.
                if (!afterCr)
                    this.finish(out);
                return;
            case BS:
            case DEL:
                this.eraseBefore(out);
                return;
            case 0x03:
                this.clear();
                this.keys.reset();
                this.history.rewind();
                out.echo += '^C\r\n';
                out.cancelled = true;
                return;
            case 0x15:
                this.key('end', out);
                while (this.cursor > 0)
                    this.eraseBefore(out);
                return;
            case TAB:
                this.complete(afterTab, out);
                return;
            default:
                return;
        }
    }
    key(key, out) {
        if (this.mode === 'secret')
            return;
        switch (key) {
            case 'left':
                if (this.cursor === 0)
                    return;
                this.cursor--;
                out.echo += '\b'.repeat(columns(this.chars[this.cursor]));
                return;
            case 'right':
                if (this.cursor === this.chars.length)
                    return;
                out.echo += this.chars[this.cursor];
                this.cursor++;
                return;
            case 'home':
                out.echo += '\b'.repeat(this.width(0, this.cursor));
                this.cursor = 0;
                return;
            case 'end':
                out.echo += this.chars.slice(this.cursor).join('');
                this.cursor = this.chars.length;
                return;
            case 'delete':
                this.deleteAt(out);
                return;
            case 'up':
            case 'down': {
                if (this.mode !== 'command')
                    return;
                const entry = key === 'up' ? this.history.previous(this.text()) : this.history.next();
                if (entry !== undefined)
                    this.replace(entry, out);
                return;
            }
        }
    }
    /** Inserts characters at the cursor, as many as the cap allows (a bell for the rest), and redraws the tail. */
    insert(text, out) {
        const added = [];
        for (const ch of text) {
            const size = Buffer.byteLength(ch);
            if (this.bytes + size > MAX_LINE_BYTES) {
                out.echo += BELL;
                break;
            }
            added.push(ch);
            this.bytes += size;
        }
        if (added.length === 0)
            return;
        this.chars.splice(this.cursor, 0, ...added);
        this.cursor += added.length;
        this.show(out, added.join('') + this.redrawTail(0));
    }
    /** The characters after the cursor and the backspaces back to it, after `cleared` blank columns. */
    redrawTail(cleared) {
        const tail = this.chars.slice(this.cursor).join('');
        return `${tail}${' '.repeat(cleared)}${'\b'.repeat(this.width(this.cursor, this.chars.length) + cleared)}`;
    }
    eraseBefore(out) {
        if (this.cursor === 0)
            return;
        const [ch] = this.chars.splice(this.cursor - 1, 1);
        this.cursor--;
        this.bytes -= Buffer.byteLength(ch);
        const w = columns(ch);
        if (this.cursor === this.chars.length)
            this.show(out, ERASE.repeat(w));
        else
            this.show(out, '\b'.repeat(w) + this.redrawTail(w));
    }
    deleteAt(out) {
        if (this.cursor === this.chars.length)
            return;
        const [ch] = this.chars.splice(this.cursor, 1);
        this.bytes -= Buffer.byteLength(ch);
        this.show(out, this.redrawTail(columns(ch)));
    }
    killToEnd(out) {
        if (this.mode === 'secret')
            return;
        const cleared = this.width(this.cursor, this.chars.length);
        for (const ch of this.chars.splice(this.cursor))
            this.bytes -= Buffer.byteLength(ch);
        this.show(out, ' '.repeat(cleared) + '\b'.repeat(cleared));
    }
    killWord(out) {
        const blank = (i) => this.chars[i - 1] === ' ' || this.chars[i - 1] === '\t';
        while (this.cursor > 0 && blank(this.cursor))
            this.eraseBefore(out);
        while (this.cursor > 0 && !blank(this.cursor))
            this.eraseBefore(out);
    }
    /** Puts `text` in place of the line, the cursor at its end (a history entry). */
    replace(text, out) {
        const all = this.width(0, this.chars.length);
        out.echo += `${'\b'.repeat(this.width(0, this.cursor))}${' '.repeat(all)}${'\b'.repeat(all)}`;
        this.clear();
        this.insert([...text], out);
    }
    /** `?` in a command: the listing, then the prompt and the line again. False when the `?` is to be typed. */
    askHelp(out) {
        if (this.mode !== 'command' || !this.assist)
            return false;
        let listing;
        try {
            listing = this.assist.help(this.before());
        }
        catch {
            out.echo += BELL;
            return true;
        }
        if (listing === null)
            return false;
        out.echo += '?';
        this.relist(listing, out);
        return true;
    }
    /** Tab: the word completed as far as it goes; when it goes no further, a bell, and on a second Tab the candidates. */
    complete(afterTab, out) {
        if (this.mode !== 'command' || !this.assist)
            return;
        this.lastWasTab = true;
        let c;
        try {
            c = this.assist.complete(this.before());
        }
        catch {
            out.echo += BELL;
            return;
        }
        if (c.insert !== '')
            this.insert([...c.insert], out);
        else if (afterTab && c.listing !== '')
            this.relist(c.listing, out);
        else
            out.echo += BELL;
    }
    relist(listing, out) {
        let prompt;
        try {
            prompt = this.assist?.prompt() ?? '';
        }
        catch {
            prompt = '';
        }
        out.echo += `\r\n${listing.replace(/\r?\n/g, '\r\n')}${prompt}${this.text()}${'\b'.repeat(this.width(this.cursor, this.chars.length))}`;
    }
    finish(out) {
        const line = this.text();
        if (this.mode === 'command')
            this.history.add(line);
        else
            this.history.rewind();
        out.lines.push(line);
        out.echo += '\r\n';
        this.clear();
    }
    /** Echo of what was typed; a password shows nothing. */
    show(out, text) {
        if (this.mode !== 'secret')
            out.echo += text;
    }
    text() {
        return this.chars.join('');
    }
    before() {
        return this.chars.slice(0, this.cursor).join('');
    }
    width(from, to) {
        let n = 0;
        for (let i = from; i < to; i++)
            n += columns(this.chars[i]);
        return n;
    }
    clear() {
        this.chars = [];
        this.cursor = 0;
        this.bytes = 0;
    }
}
/** Terminal columns a character takes: East Asian wide and emoji ranges take two. */
function columns(ch) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide = (cp >= 0x1100 && cp <= 0x115f) ||
        (cp >= 0x2e80 && cp <= 0xa4cf) ||
        (cp >= 0xac00 && cp <= 0xd7a3) ||
        (cp >= 0xf900 && cp <= 0xfaff) ||
        (cp >= 0xfe30 && cp <= 0xfe4f) ||
        (cp >= 0xff00 && cp <= 0xff60) ||
        (cp >= 0xffe0 && cp <= 0xffe6) ||
        (cp >= 0x1f300 && cp <= 0x1f64f) ||
        (cp >= 0x1f900 && cp <= 0x1f9ff) ||
        (cp >= 0x20000 && cp <= 0x3fffd);
    return wide ? 2 : 1;
}
//# sourceMappingURL=line-editor.js.map