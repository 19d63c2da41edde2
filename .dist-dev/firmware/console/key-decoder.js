/**
 * Terminal input to keys: printable characters (ASCII, or UTF-8 assembled from its bytes),
 * control bytes, and the keys VT100/xterm escape sequences stand for (arrows, Home/End,
 * Delete). Stateful across bytes, so a sequence split anywhere decodes the same. Malformed
 * UTF-8 and characters that would corrupt the screen are reported as invalid; unknown escape
 * sequences and Alt+key are swallowed.
 */
const ESC = 0x1b;
/** A CSI sequence longer than this is garbage, not a key: stop swallowing. */
const MAX_ESCAPE_BYTES = 16;
export class KeyDecoder {
    escape = 'none';
    escapeLength = 0;
    escapeParams = '';
    /** The UTF-8 sequence being assembled. */
    pending = [];
    pendingNeed = 0;
    /** After a rejected UTF-8 sequence: its stray continuation bytes are dropped quietly. */
    rejecting = false;
    /** The events byte `b` completes, in order (none while a sequence is under way). */
    byte(b) {
        const events = [];
        if (this.escape !== 'none' && this.inEscape(b, events))
            return events;
        if (this.pendingNeed > 0 || this.rejecting) {
            if ((b & 0xc0) === 0x80) {
                if (!this.rejecting)
                    this.continueUtf8(b, events);
                return events;
            }
            if (this.pendingNeed > 0) {
                this.pending = [];
                this.pendingNeed = 0;
                events.push({ kind: 'invalid' });
            }
            this.rejecting = false;
        }
        if (b >= 0x20 && b < 0x7f)
            events.push({ kind: 'char', ch: String.fromCharCode(b) });
        else if (b >= 0x80)
            this.startUtf8(b, events);
        else if (b === ESC) {
            this.escape = 'esc';
            this.escapeLength = 0;
        }
        else
            events.push({ kind: 'control', byte: b });
        return events;
    }
    /** Forgets any sequence under way (Ctrl-C). */
    reset() {
        this.escape = 'none';
        this.pending = [];
        this.pendingNeed = 0;
        this.rejecting = false;
    }
    /** Returns true when the byte was part of an escape sequence (swallowed or decoded). */
    inEscape(b, events) {
        this.escapeLength++;
        if (this.escape === 'esc') {
            if (b === 0x5b) {
                this.escape = 'csi';
                this.escapeParams = '';
            }
            else if (b === 0x4f)
                this.escape = 'ss3';
            else if (b === ESC)
                this.escapeLength = 0;
            else {
                // ESC + key is Alt+key: swallow the key; a control or non-ASCII byte is input of its own.
                this.escape = 'none';
                return b >= 0x20 && b < 0x80;
            }
            return true;
        }
        if (this.escape === 'ss3') {
            this.escape = 'none';
            if (b < 0x20 || b >= 0x7f)
                return false;
            this.decoded(String.fromCharCode(b), '', events);
            return true;
        }
        if (b >= 0x20 && b <= 0x3f && this.escapeLength < MAX_ESCAPE_BYTES) {
            this.escapeParams += String.fromCharCode(b);
            return true;
        }
        this.escape = 'none';
        if (b >= 0x40 && b <= 0x7e) {
            this.decoded(String.fromCharCode(b), this.escapeParams, events);
            return true;
        }
        return b >= 0x20 && b < 0x7f;
    }
    decoded(final, params, events) {
        const key = escapeKey(final, params);
        if (key)
            events.push({ kind: 'key', key });
    }
    startUtf8(b, events) {
        let need = 0;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef)
            need = 2;
        else if (b >= 0xf0 && b <= 0xf4)
            need = 3;
        if (need === 0) {
            this.rejecting = true;
            events.push({ kind: 'invalid' });
            return;
        }
        this.pending = [b];
        this.pendingNeed = need;
    }
    continueUtf8(b, events) {
        this.pending.push(b);
        this.pendingNeed--;
        if (this.pendingNeed > 0)
            return;
        const bytes = Uint8Array.from(this.pending);
        this.pending = [];
        let text;
        try {
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
        catch {
            events.push({ kind: 'invalid' });
            return;
        }
        const cp = text.codePointAt(0) ?? 0;
        // C1 controls and combining marks would move or corrupt the terminal's cursor.
        const harmful = cp < 0xa0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0xfeff || (cp >= 0x200b && cp <= 0x200f);
        events.push(harmful ? { kind: 'invalid' } : { kind: 'char', ch: text });
    }
}
/** The final byte of a CSI or SS3 sequence (with its first parameter for `~`) to the key it stands for. */
function escapeKey(final, params) {
    switch (final) {
        case 'A':
            return 'up';
        case 'B':
            return 'down';
        case 'C':
            return 'right';
        case 'D':
            return 'left';
        case 'H':
            return 'home';
        case 'F':
            return 'end';
        case '~': {
            const n = params.split(';')[0];
            if (n === '1' || n === '7')
                return 'home';
            if (n === '4' || n === '8')
                return 'end';
            return n === '3' ? 'delete' : undefined;
        }
        default:
            return undefined;
    }
}
//# sourceMappingURL=key-decoder.js.map