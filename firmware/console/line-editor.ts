/**
 * Line editing for a serial console: raw terminal bytes in, what to echo and the finished lines
 * out. Pure and stateful across chunks, so a byte sequence split anywhere (CR|LF, ESC|[A, the
 * bytes of one UTF-8 character) gives the same result as the whole.
 */

export interface EditResult {
  /** Bytes to send back to the terminal, in order. */
  echo: string;
  /** Lines finished by CR, LF or CRLF, without the terminator. */
  lines: string[];
  /** True when Ctrl-C discarded a line in this chunk. */
  cancelled: boolean;
}

/** Longest line in UTF-8 bytes; one more character rings the bell instead. */
export const MAX_LINE_BYTES = 1024;

const BS = 0x08;
const DEL = 0x7f;
const CR = 0x0d;
const LF = 0x0a;
const ETX = 0x03;
const NAK = 0x15;
const ESC = 0x1b;
const ERASE = '\b \b';
const BELL = '\x07';
/** A CSI sequence longer than this is garbage, not a key: stop swallowing. */
const MAX_ESCAPE_BYTES = 16;

type EscapeState = 'none' | 'esc' | 'csi' | 'ss3';

export class LineEditor {
  /** The line so far, one entry per code point. */
  private chars: string[] = [];
  private bytes = 0;
  private lastWasCr = false;
  private escape: EscapeState = 'none';
  private escapeLength = 0;
  /** The UTF-8 sequence being assembled. */
  private pending: number[] = [];
  private pendingNeed = 0;
  /** After a rejected UTF-8 sequence: its stray continuation bytes are dropped quietly. */
  private rejecting = false;

  feed(chunk: Uint8Array): EditResult {
    const result: EditResult = { echo: '', lines: [], cancelled: false };
    for (const byte of chunk) this.byte(byte, result);
    return result;
  }

  private byte(b: number, out: EditResult): void {
    const afterCr = this.lastWasCr;
    this.lastWasCr = false;
    if (this.escape !== 'none' && this.inEscape(b)) return;
    if (this.pendingNeed > 0 || this.rejecting) {
      if ((b & 0xc0) === 0x80) {
        if (this.rejecting) return;
        this.continueUtf8(b, out);
        return;
      }
      if (this.pendingNeed > 0) this.reject(out);
      this.rejecting = false;
    }
    if (b >= 0x20 && b < 0x7f) {
      this.insert(String.fromCharCode(b), 1, out);
      return;
    }
    if (b >= 0x80) {
      this.startUtf8(b, out);
      return;
    }
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
        this.erase(out);
        return;
      case ETX:
        this.clear();
        out.echo += '^C\r\n';
        out.cancelled = true;
        return;
      case NAK:
        while (this.chars.length > 0) this.erase(out);
        return;
      case ESC:
        this.escape = 'esc';
        this.escapeLength = 0;
        return;
      default:
        return;
    }
  }

  /** Returns true when the byte was part of an escape sequence (swallowed). */
  private inEscape(b: number): boolean {
    this.escapeLength++;
    if (this.escape === 'esc') {
      if (b === 0x5b) this.escape = 'csi';
      else if (b === 0x4f) this.escape = 'ss3';
      else if (b === ESC) this.escapeLength = 0;
      else {
        // ESC + key is Alt+key: swallow the key; a control or non-ASCII byte is input of its own.
        this.escape = 'none';
        return b >= 0x20 && b < 0x80;
      }
      return true;
    }
    if (this.escape === 'ss3') {
      this.escape = 'none';
      return b >= 0x20 && b < 0x7f;
    }
    if (b >= 0x20 && b <= 0x3f && this.escapeLength < MAX_ESCAPE_BYTES) return true;
    this.escape = 'none';
    if (b >= 0x40 && b <= 0x7e) return true;
    return b >= 0x20 && b < 0x7f;
  }

  private startUtf8(b: number, out: EditResult): void {
    let need = 0;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    if (need === 0) {
      this.rejecting = true;
      out.echo += BELL;
      return;
    }
    this.pending = [b];
    this.pendingNeed = need;
  }

  private continueUtf8(b: number, out: EditResult): void {
    this.pending.push(b);
    this.pendingNeed--;
    if (this.pendingNeed > 0) return;
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      out.echo += BELL;
      return;
    }
    const cp = text.codePointAt(0) ?? 0;
    // C1 controls and combining marks would move or corrupt the terminal's cursor.
    if (cp < 0xa0 || (cp >= 0x300 && cp <= 0x36f) || cp === 0xfeff || (cp >= 0x200b && cp <= 0x200f)) {
      out.echo += BELL;
      return;
    }
    this.insert(text, bytes.length, out);
  }

  private reject(out: EditResult): void {
    this.pending = [];
    this.pendingNeed = 0;
    out.echo += BELL;
  }

  private insert(ch: string, size: number, out: EditResult): void {
    if (this.bytes + size > MAX_LINE_BYTES) {
      out.echo += BELL;
      return;
    }
    this.chars.push(ch);
    this.bytes += size;
    out.echo += ch;
  }

  private erase(out: EditResult): void {
    const ch = this.chars.pop();
    if (ch === undefined) return;
    this.bytes -= Buffer.byteLength(ch);
    out.echo += ERASE.repeat(columns(ch));
  }

  private finish(out: EditResult): void {
    out.lines.push(this.chars.join(''));
    out.echo += '\r\n';
    this.clear();
  }

  private clear(): void {
    this.chars = [];
    this.bytes = 0;
    this.pending = [];
    this.pendingNeed = 0;
    this.rejecting = false;
    this.escape = 'none';
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
