/**
 * Splits a console line into words the way the FortiOS CLI does: blanks separate words, double
 * or single quotes keep blanks inside one word, a backslash takes the next character literally
 * (except inside single quotes).
 */

export type Tokens = { ok: true; words: string[] } | { ok: false; error: string };

export function tokenize(line: string): Tokens {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote !== null) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
      continue;
    }
    if (isBlank(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\' && i + 1 < line.length) word += line[++i];
    else word += ch;
  }
  if (quote !== null) return { ok: false, error: `unmatched quote ${quote}` };
  if (inWord) words.push(word);
  return { ok: true, words };
}

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\v' || ch === '\f';
}

/** A word as it may be printed back in an error: control characters shown as ^X, length capped. */
export function printable(word: string, max = 64): string {
  let out = '';
  for (const ch of word) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20) out += `^${String.fromCharCode(cp + 0x40)}`;
    else if (cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) out += '?';
    else out += ch;
    if (out.length >= max) return `${out.slice(0, max)}...`;
  }
  return out;
}
