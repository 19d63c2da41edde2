/**
 * Splits a console line into words the way the FortiOS CLI does: blanks separate words, double
 * or single quotes keep blanks inside one word, a backslash takes the next character literally
 * (except inside single quotes). The same rules say where a partly typed line stands, for `?`
 * and Tab, and where an unquoted `|` starts a filter.
 */
function scan(line, stop) {
    const words = [];
    let word = '';
    let inWord = false;
    let quote = null;
    let escaped = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (escaped) {
            word += ch;
            escaped = false;
        }
        else if (quote !== null) {
            if (ch === quote)
                quote = null;
            else if (ch === '\\' && quote === '"')
                escaped = true;
            else
                word += ch;
        }
        else if (ch === stop) {
            return { words, partial: word, inWord, quote, escaped, stoppedAt: i };
        }
        else if (isBlank(ch)) {
            if (inWord)
                words.push(word);
            word = '';
            inWord = false;
        }
        else {
            inWord = true;
            if (ch === '"' || ch === "'")
                quote = ch;
            else if (ch === '\\')
                escaped = true;
            else
                word += ch;
        }
    }
    return { words, partial: word, inWord, quote, escaped, stoppedAt: -1 };
}
export function tokenize(line) {
    const s = scan(line);
    if (s.quote !== null)
        return { ok: false, error: `unmatched quote ${s.quote}` };
    // A backslash at the very end stands for itself.
    if (s.inWord)
        s.words.push(s.escaped ? `${s.partial}\\` : s.partial);
    return { ok: true, words: s.words };
}
/** Where the cursor stands in a partly typed line. */
export function splitPartial(line) {
    const { words, partial, quote, escaped } = scan(line);
    return { words, partial, quote, escaped };
}
/** The line split at its first unquoted, unescaped `|`: the command and the filter after it. */
export function splitPipe(line) {
    const at = scan(line, '|').stoppedAt;
    return at < 0 ? { command: line } : { command: line.slice(0, at), filter: line.slice(at + 1) };
}
function isBlank(ch) {
    return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\v' || ch === '\f';
}
/** A word as it may be printed back in an error: control characters shown as ^X, length capped. */
export function printable(word, max = 64) {
    let out = '';
    for (const ch of word) {
        const cp = ch.codePointAt(0) ?? 0;
        if (cp < 0x20)
            out += `^${String.fromCharCode(cp + 0x40)}`;
        else if (cp === 0x7f || (cp >= 0x80 && cp < 0xa0))
            out += '?';
        else
            out += ch;
        if (out.length >= max)
            return `${out.slice(0, max)}...`;
    }
    return out;
}
//# sourceMappingURL=tokenize.js.map