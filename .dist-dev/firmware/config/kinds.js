/**
 * Option kinds: how one option's `set` values are checked, stored and written back. Values are
 * stored canonical, as the strings a `set` line carries (["ha1", "50"], ["128"]), so the tree
 * stays generic and comparable; each kind turns tokens into that form or refuses with a
 * `ValueError` saying what it takes.
 */
import { parseIpv4 } from '../../lib/ip-text.js';
import { placeholder } from './choice.js';
import { ValueError } from './errors.js';
import { quote } from './lexer.js';
import { decodePassword, encodePassword } from './password.js';
/** One value and no more: `free` (or the keywords) first, then the end of the line. */
export function oneValue(typed, first) {
    return typed.length === 0 ? { ...first, end: false } : { end: true };
}
/** Common values every enum shares, said once. */
const ENUM_HELP = { enable: 'Enable.', disable: 'Disable.' };
/** The board's ports as choices, with their roles; `except` leaves out ports already named. */
export function portChoices(ctx, except = []) {
    return ctx.ports.filter((p) => !except.includes(p.name)).map((p) => ({ word: p.name, help: `${p.role} port` }));
}
/** One keyword of `choices`; `help` says what each means (enable and disable need none). */
export function enumKind(choices, help = {}) {
    const expected = `one of ${choices.join(', ')}`;
    const keywords = choices.map((word) => ({ word, help: help[word] ?? ENUM_HELP[word] ?? '' }));
    return {
        suggest: (typed) => oneValue(typed, { keywords }),
        parse(tokens) {
            const t = one(tokens, expected);
            if (!choices.includes(t))
                throw new ValueError(t, 'unknown value', expected, { choices });
            return [t];
        },
        print: (v) => v[0],
        display: (v) => v[0],
    };
}
export function integerKind(min, max) {
    const expected = `an integer ${min}-${max}`;
    return {
        suggest: (typed) => oneValue(typed, { free: placeholder('<integer>', expected) }),
        parse(tokens) {
            return [String(integerIn(one(tokens, expected), min, max, expected))];
        },
        print: (v) => v[0],
        display: (v) => v[0],
    };
}
export function stringKind(rules) {
    const min = rules.min ?? 0;
    const length = min > 0 ? `${min}-${rules.max} characters` : `at most ${rules.max} characters`;
    const expected = `a string of ${length}${rules.chars ? ` of ${rules.chars.text}` : ''}`;
    return {
        suggest: (typed) => oneValue(typed, { free: placeholder('<string>', expected) }),
        parse(tokens) {
            const t = one(tokens, expected);
            checkLength(t, min, rules.max, expected);
            for (const c of t) {
                if (isControl(c) || (rules.chars && !rules.chars.test.test(c))) {
                    throw new ValueError(t, `character ${JSON.stringify(c)} not allowed`, expected, {
                        allowed: rules.chars?.text ?? 'printable characters',
                    });
                }
            }
            return [t];
        },
        print: (v) => quote(v[0]),
        display: (v) => v[0],
    };
}
/** Stored plain in the tree, written `ENC <base64>` (see password.ts); `get` shows `*`. */
export function passwordKind(max) {
    const expected = `a password of at most ${max} characters, or ENC <encoded>`;
    return {
        suggest: (typed) => passwordChoices(typed, expected),
        parse(tokens) {
            if (tokens.length === 2 && !tokens[0].quoted && tokens[0].text === 'ENC') {
                const plain = decodePassword(tokens[1].text);
                if (plain === undefined)
                    throw new ValueError(tokens[1].text, 'not a valid ENC value', expected);
                checkLength(plain, 0, max, expected);
                return [plain];
            }
            const t = one(tokens, expected);
            checkLength(t, 0, max, expected);
            for (const c of t) {
                if (isControl(c))
                    throw new ValueError(t, 'control character not allowed', expected);
            }
            return [t];
        },
        print: (v) => (v[0] === '' ? undefined : `ENC ${encodePassword(v[0])}`),
        display: (v) => (v[0] === '' ? '' : '*'),
    };
}
export function ipv4Kind() {
    const expected = 'an IPv4 address a.b.c.d';
    return {
        suggest: (typed) => oneValue(typed, { free: placeholder('<a.b.c.d>', expected) }),
        parse(tokens) {
            const t = one(tokens, expected);
            if (!parseIpv4(t))
                throw new ValueError(t, 'not an IPv4 address', expected, { allowed: 'a.b.c.d, each 0-255' });
            return [t];
        },
        print: (v) => v[0],
        display: (v) => v[0],
    };
}
/** One or more distinct ports of the board, e.g. `set monitor "port1" "port2"`. */
export function portListKind() {
    return {
        listUnit: 1,
        unordered: true,
        suggest: (typed, ctx) => ({ names: portChoices(ctx, typed), end: typed.length > 0 }),
        parse(tokens, ctx) {
            const expected = `ports of this board, each once (${portNames(ctx).join(', ')})`;
            if (tokens.length === 0)
                throw new ValueError('', 'value missing (unset clears it)', expected);
            const seen = new Set();
            for (const t of tokens)
                checkPort(t.text, seen, ctx, expected);
            return tokens.map((t) => t.text);
        },
        print: (v) => (v.length === 0 ? undefined : v.map(quote).join(' ')),
        display: (v) => v.map(quote).join(' '),
    };
}
/** `<port> <priority>` pairs, distinct ports, e.g. `set hbdev "ha1" 50 "ha2" 50`. */
export function portPriorityKind(min, max) {
    return {
        listUnit: 2,
        unordered: true,
        suggest: (typed, ctx) => typed.length % 2 === 1
            ? { free: placeholder('<priority>', `the port's heartbeat priority, ${min}-${max}`), end: false }
            : { names: portChoices(ctx, typed), end: typed.length > 0 },
        parse(tokens, ctx) {
            const expected = `"<port> <priority>" pairs, each a different port of this board (${portNames(ctx).join(', ')}), priority ${min}-${max}`;
            if (tokens.length === 0)
                throw new ValueError('', 'value missing (unset clears it)', expected);
            const seen = new Set();
            const values = [];
            for (let i = 0; i < tokens.length; i += 2) {
                checkPort(tokens[i].text, seen, ctx, expected);
                const prio = tokens[i + 1];
                if (!prio)
                    throw new ValueError(tokens[i].text, `port ${tokens[i].text} has no priority`, expected);
                values.push(tokens[i].text, String(integerIn(prio.text, min, max, expected)));
            }
            return values;
        },
        print: (v) => (v.length === 0 ? undefined : v.map((x, i) => (i % 2 === 0 ? quote(x) : x)).join(' ')),
        display: (v) => v.map((x, i) => (i % 2 === 0 ? quote(x) : x)).join(' '),
    };
}
export function portNames(ctx) {
    return ctx.ports.map((p) => p.name);
}
/** A password typed in clear, or `ENC` and the stored form. */
export function passwordChoices(typed, expected) {
    if (typed.length === 0)
        return { free: placeholder('<password>', expected), end: false };
    if (typed.length === 1 && typed[0] === 'ENC')
        return { free: placeholder('<encoded>', 'the password as show writes it'), end: false };
    return { end: true };
}
function one(tokens, expected) {
    if (tokens.length === 0)
        throw new ValueError('', 'value missing', expected);
    if (tokens.length > 1)
        throw new ValueError(tokens[1].text, 'one value only', expected);
    return tokens[0].text;
}
function integerIn(text, min, max, expected) {
    if (!/^-?\d{1,10}$/.test(text))
        throw new ValueError(text, 'not an integer', expected, { allowed: `${min}-${max}` });
    const n = Number(text);
    if (n < min || n > max)
        throw new ValueError(text, 'out of range', expected, { allowed: `${min}-${max}` });
    return n;
}
function checkLength(text, min, max, expected) {
    const n = [...text].length;
    if (n < min || n > max) {
        const allowed = min > 0 ? `${min}-${max} characters` : `at most ${max} characters`;
        throw new ValueError(text, n < min ? 'too short' : `too long (${n} characters)`, expected, { allowed });
    }
}
function checkPort(name, seen, ctx, expected) {
    if (!ctx.ports.some((p) => p.name === name)) {
        throw new ValueError(name, `unknown port ${name}`, expected, { choices: portNames(ctx) });
    }
    if (seen.has(name))
        throw new ValueError(name, `port ${name} listed twice`, expected);
    seen.add(name);
}
function isControl(c) {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
}
//# sourceMappingURL=kinds.js.map