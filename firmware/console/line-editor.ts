/**
 * Line editing for a serial console: raw terminal bytes in (decoded to keys by key-decoder.ts),
 * what to echo and the finished lines out. Pure and stateful across chunks, so a byte sequence
 * split anywhere (CR|LF, ESC|[A, the bytes of one UTF-8 character) gives the same result as the
 * whole.
 *
 * Keys: ←/→ (Ctrl-B/Ctrl-F), Home/End (Ctrl-A/Ctrl-E), Backspace, Delete (Ctrl-D), Ctrl-K
 * (to the end), Ctrl-U (the whole line), Ctrl-W (the word before), ↑/↓ (Ctrl-P/Ctrl-N) through
 * the history, Ctrl-C. With an assistant (the command session), `?` lists what may follow the
 * moment it is typed and Tab completes the word (a second Tab lists the candidates); both then
 * redraw the prompt and the line. The screen is redrawn with backspaces and blanks only, which
 * every terminal on a serial line understands.
 */
import type { Completion } from './completion.js';
import { History } from './history.js';
import { type Key, KeyDecoder, type KeyEvent } from './key-decoder.js';

export interface EditResult {
  /** Bytes to send back to the terminal, in order. */
  echo: string;
  /** Lines finished by CR, LF or CRLF, without the terminator. */
  lines: string[];
  /** True when Ctrl-C discarded a line in this chunk. */
  cancelled: boolean;
}

/** What `?` and Tab ask of the command session; see ConsoleSession. */
export interface LineAssist {
  /** The prompt the line follows, drawn again after a listing. */
  prompt(): string;
  /** The listing for `?` after `before` (the line up to the cursor); null makes `?` a literal character. */
  help(before: string): string | null;
  complete(before: string): Completion;
}

/**
 * `command`: a console command (history, `?`, Tab); `text`: a plain answer shown as typed (a
 * login name); `secret`: a password, echoed as nothing and kept out of the history.
 */
export type InputMode = 'command' | 'text' | 'secret';

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
const CONTROL_KEYS: Readonly<Record<number, Key | 'kill-end' | 'kill-word'>> = {
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
  /** The line so far, one entry per code point. */
  private chars: string[] = [];
  /** Where the next character goes, as an index into `chars`. */
  private cursor = 0;
  private bytes = 0;
  private lastWasCr = false;
  private lastWasTab = false;
  private readonly keys = new KeyDecoder();
  private mode: InputMode = 'command';
  readonly history = new History();

  constructor(private readonly assist?: LineAssist) {}

  /** How the next characters are taken; set between lines (a login asks for a name, then a password). */
  setMode(mode: InputMode): void {
    this.mode = mode;
  }

  feed(chunk: Uint8Array): EditResult {
    const result: EditResult = { echo: '', lines: [], cancelled: false };
    for (const byte of chunk) this.byte(byte, result);
    return result;
  }

  private byte(b: number, out: EditResult): void {
    const afterCr = this.lastWasCr;
    const afterTab = this.lastWasTab;
    this.lastWasCr = false;
    this.lastWasTab = false;
    for (const event of this.keys.byte(b)) this.event(event, afterCr, afterTab, out);
  }

  private event(event: KeyEvent, afterCr: boolean, afterTab: boolean, out: EditResult): void {
    switch (event.kind) {
      case 'char':
        if (event.ch === '?' && this.askHelp(out)) return;
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
        if (key === 'kill-end') this.killToEnd(out);
        else if (key === 'kill-word') this.killWord(out);
        else if (key !== undefined) this.key(key, out);
        else this.control(event.byte, afterCr, afterTab, out);
      }
    }
  }

  private control(b: number, afterCr: boolean, afterTab: boolean, out: EditResult): void {
    switch (b) {
      case CR:
        this.lastWasCr = true;
        this.finish(out);
        return;
      case LF:
        // The LF of a CRLF (even one split across chunks) belongs to the line CR already ended.
        if (!afterCr) this.finish(out);
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
        while (this.cursor > 0) this.eraseBefore(out);
        return;
      case TAB:
        this.complete(afterTab, out);
        return;
      default:
        return;
    }
  }

  private key(key: Key, out: EditResult): void {
    if (this.mode === 'secret') return;
    switch (key) {
      case 'left':
        if (this.cursor === 0) return;
        this.cursor--;
        out.echo += '\b'.repeat(columns(this.chars[this.cursor] as string));
        return;
      case 'right':
        if (this.cursor === this.chars.length) return;
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
        if (this.mode !== 'command') return;
        const entry = key === 'up' ? this.history.previous(this.text()) : this.history.next();
        if (entry !== undefined) this.replace(entry, out);
        return;
      }
    }
  }

  /** Inserts characters at the cursor, as many as the cap allows (a bell for the rest), and redraws the tail. */
  private insert(text: readonly string[], out: EditResult): void {
    const added: string[] = [];
    for (const ch of text) {
      const size = Buffer.byteLength(ch);
      if (this.bytes + size > MAX_LINE_BYTES) {
        out.echo += BELL;
        break;
      }
      added.push(ch);
      this.bytes += size;
    }
    if (added.length === 0) return;
    this.chars.splice(this.cursor, 0, ...added);
    this.cursor += added.length;
    this.show(out, added.join('') + this.redrawTail(0));
  }

  /** The characters after the cursor and the backspaces back to it, after `cleared` blank columns. */
  private redrawTail(cleared: number): string {
    const tail = this.chars.slice(this.cursor).join('');
    return `${tail}${' '.repeat(cleared)}${'\b'.repeat(this.width(this.cursor, this.chars.length) + cleared)}`;
  }

  private eraseBefore(out: EditResult): void {
    if (this.cursor === 0) return;
    const [ch] = this.chars.splice(this.cursor - 1, 1) as [string];
    this.cursor--;
    this.bytes -= Buffer.byteLength(ch);
    const w = columns(ch);
    if (this.cursor === this.chars.length) this.show(out, ERASE.repeat(w));
    else this.show(out, '\b'.repeat(w) + this.redrawTail(w));
  }

  private deleteAt(out: EditResult): void {
    if (this.cursor === this.chars.length) return;
    const [ch] = this.chars.splice(this.cursor, 1) as [string];
    this.bytes -= Buffer.byteLength(ch);
    this.show(out, this.redrawTail(columns(ch)));
  }

  private killToEnd(out: EditResult): void {
    if (this.mode === 'secret') return;
    const cleared = this.width(this.cursor, this.chars.length);
    for (const ch of this.chars.splice(this.cursor)) this.bytes -= Buffer.byteLength(ch);
    this.show(out, ' '.repeat(cleared) + '\b'.repeat(cleared));
  }

  private killWord(out: EditResult): void {
    const blank = (i: number) => this.chars[i - 1] === ' ' || this.chars[i - 1] === '\t';
    while (this.cursor > 0 && blank(this.cursor)) this.eraseBefore(out);
    while (this.cursor > 0 && !blank(this.cursor)) this.eraseBefore(out);
  }

  /** Puts `text` in place of the line, the cursor at its end (a history entry). */
  private replace(text: string, out: EditResult): void {
    const all = this.width(0, this.chars.length);
    out.echo += `${'\b'.repeat(this.width(0, this.cursor))}${' '.repeat(all)}${'\b'.repeat(all)}`;
    this.clear();
    this.insert([...text], out);
  }

  /** `?` in a command: the listing, then the prompt and the line again. False when the `?` is to be typed. */
  private askHelp(out: EditResult): boolean {
    if (this.mode !== 'command' || !this.assist) return false;
    let listing: string | null;
    try {
      listing = this.assist.help(this.before());
    } catch {
      out.echo += BELL;
      return true;
    }
    if (listing === null) return false;
    out.echo += '?';
    this.relist(listing, out);
    return true;
  }

  /** Tab: the word completed as far as it goes; when it goes no further, a bell, and on a second Tab the candidates. */
  private complete(afterTab: boolean, out: EditResult): void {
    if (this.mode !== 'command' || !this.assist) return;
    this.lastWasTab = true;
    let c: Completion;
    try {
      c = this.assist.complete(this.before());
    } catch {
      out.echo += BELL;
      return;
    }
    if (c.insert !== '') this.insert([...c.insert], out);
    else if (afterTab && c.listing !== '') this.relist(c.listing, out);
    else out.echo += BELL;
  }

  private relist(listing: string, out: EditResult): void {
    let prompt: string;
    try {
      prompt = this.assist?.prompt() ?? '';
    } catch {
      prompt = '';
    }
    out.echo += `\r\n${listing.replace(/\r?\n/g, '\r\n')}${prompt}${this.text()}${'\b'.repeat(this.width(this.cursor, this.chars.length))}`;
  }

  private finish(out: EditResult): void {
    const line = this.text();
    if (this.mode === 'command') this.history.add(line);
    else this.history.rewind();
    out.lines.push(line);
    out.echo += '\r\n';
    this.clear();
  }

  /** Echo of what was typed; a password shows nothing. */
  private show(out: EditResult, text: string): void {
    if (this.mode !== 'secret') out.echo += text;
  }

  private text(): string {
    return this.chars.join('');
  }

  private before(): string {
    return this.chars.slice(0, this.cursor).join('');
  }

  private width(from: number, to: number): number {
    let n = 0;
    for (let i = from; i < to; i++) n += columns(this.chars[i] as string);
    return n;
  }

  private clear(): void {
    this.chars = [];
    this.cursor = 0;
    this.bytes = 0;
  }
}

/** Terminal columns a character takes: East Asian wide and emoji ranges take two. */
function columns(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
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
