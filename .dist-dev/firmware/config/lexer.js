/**
 * Splits one line of FortiOS CLI into tokens. Words are separated by blanks; double or single
 * quotes group a value with blanks ("My Cluster"); a backslash takes the next character
 * literally (\" and \\ inside quotes). Whether a token was quoted is kept: `ENC` only starts an
 * obfuscated password when it is a bare word.
 */
import { ConfigError } from './errors.js';
/** Throws a `syntax` ConfigError for an unterminated quote or a trailing backslash. */
export function tokenize(text, where = {}) {
    const tokens = [];
    let i = 0;
    while (i < text.length) {
        while (i < text.length && isBlank(text[i]))
            i++;
        if (i >= text.length)
            break;
        let value = '';
        let quoted = false;
        while (i < text.length && !isBlank(text[i])) {
            const c = text[i];
            if (c === '"' || c === "'") {
                const open = i;
                quoted = true;
                i++;
                while (i < text.length && text[i] !== c) {
                    if (text[i] === '\\')
                        i++;
                    if (i >= text.length)
                        break;
                    value += text[i];
                    i++;
                }
                if (i >= text.length)
                    throw syntax(where, text.slice(open), `unterminated quote ${c}`);
                i++;
            }
            else if (c === '\\') {
                if (i + 1 >= text.length)
                    throw syntax(where, c, 'backslash at end of line');
                value += text[i + 1];
                i += 2;
            }
            else {
                value += c;
                i++;
            }
        }
        tokens.push({ text: value, quoted });
    }
    return tokens;
}
/** Double-quotes a value, escaping `"` and `\`, so `tokenize` gives it back unchanged. */
export function quote(value) {
    return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
/** A bare word as is; anything a bare word cannot carry (blanks, quotes, empty) quoted. */
export function word(value) {
    return value === '' || /[\s"'\\]/.test(value) ? quote(value) : value;
}
/** Tokens back to text, quoted where they were quoted: for error messages. */
export function joinTokens(tokens) {
    return tokens.map((t) => (t.quoted ? quote(t.text) : word(t.text))).join(' ');
}
function isBlank(c) {
    return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
function syntax(where, value, reason) {
    return new ConfigError({ code: 'syntax', line: where.line, path: where.path ?? [], value, reason });
}
//# sourceMappingURL=lexer.js.map