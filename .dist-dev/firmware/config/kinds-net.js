/**
 * Option kinds of the data-plane sections: addresses with masks, port ranges, lists of names
 * and of keywords, a single board port. Like kinds.ts they store canonical strings and refuse
 * with a `ValueError` saying what they take; which names exist (interfaces, addresses,
 * services) is checked across sections by data-plane-from-tree.ts, not here.
 */
import { formatIpv6, ipv4ToNumber, numberToIpv4, parseIpv4, parseIpv6 } from '../../lib/ip-text.js';
import { placeholder } from './choice.js';
import { ValueError } from './errors.js';
import { oneValue, portChoices, portNames } from './kinds.js';
import { quote } from './lexer.js';
/** `255.255.255.0` to 24; undefined for a mask whose ones are not contiguous or malformed text. */
export function prefixLength(mask) {
    const n = ipv4ToNumber(mask);
    for (let len = 0; len <= 32; len++) {
        if (n === maskNumber(len))
            return len;
    }
    return undefined;
}
export function maskOf(length) {
    return numberToIpv4(maskNumber(length));
}
function maskNumber(length) {
    return length === 0 ? 0 : (2 ** 32 - 2 ** (32 - length)) >>> 0;
}
/**
 * An address and its netmask, as `198.18.1.1 255.255.255.0` or `198.18.1.1/24`; stored and
 * printed the FortiOS way, address then dotted mask.
 */
export function ipMaskKind() {
    const expected = 'an IPv4 address and netmask, a.b.c.d m.m.m.m or a.b.c.d/len';
    const allowed = 'a.b.c.d m.m.m.m or a.b.c.d/0-32, contiguous mask';
    return {
        suggest: (typed) => {
            if (typed.length === 0)
                return { free: placeholder('<a.b.c.d m.m.m.m>', expected), end: false };
            if (typed.length === 1 && !typed[0].includes('/'))
                return { free: placeholder('<m.m.m.m>', 'the netmask'), end: false };
            return { end: true };
        },
        parse(tokens) {
            if (tokens.length === 0)
                throw new ValueError('', 'value missing', expected, { allowed });
            if (tokens.length > 2)
                throw new ValueError(tokens[2].text, 'address and mask only', expected, { allowed });
            let [address, mask] = [tokens[0].text, tokens[1]?.text];
            if (mask === undefined) {
                const slash = /^([^/]+)\/(\d{1,2})$/.exec(address);
                if (!slash)
                    throw new ValueError(address, 'netmask missing', expected, { allowed });
                if (Number(slash[2]) > 32)
                    throw new ValueError(address, 'prefix length out of range', expected, { allowed });
                [address, mask] = [slash[1], maskOf(Number(slash[2]))];
            }
            if (!parseIpv4(address))
                throw new ValueError(address, 'not an IPv4 address', expected, { allowed });
            if (prefixLength(mask) === undefined)
                throw new ValueError(mask, 'not a netmask', expected, { allowed });
            // Strict parsing takes only the canonical text, so what was written is what is stored.
            return [address, mask];
        },
        print: (v) => `${v[0]} ${v[1]}`,
        display: (v) => `${v[0]} ${v[1]}`,
    };
}
/**
 * An IPv6 address with its prefix length, `2001:db8:1::1/64`; empty (`::/0`) when unset.
 * Any RFC 4291 text form is taken and stored in RFC 5952 form, so one address has one text.
 */
export function ipv6PrefixKind() {
    const expected = 'an IPv6 address and prefix length, like 2001:db8::1/64';
    const allowed = 'x:x::x/0-128';
    return {
        suggest: (typed) => oneValue(typed, { free: placeholder('<x:x::x/len>', expected) }),
        parse(tokens) {
            if (tokens.length !== 1)
                throw new ValueError(tokens[1]?.text ?? '', 'one address/prefix', expected, { allowed });
            const text = tokens[0].text;
            const m = /^([0-9A-Fa-f:.]+)\/(\d{1,3})$/.exec(text);
            const bytes = m ? parseIpv6(m[1]) : undefined;
            if (!m || !bytes)
                throw new ValueError(text, 'not an IPv6 address/prefix', expected, { allowed });
            if (Number(m[2]) > 128)
                throw new ValueError(text, 'prefix length out of range', expected, { allowed });
            return [`${formatIpv6(bytes)}/${Number(m[2])}`];
        },
        print: (v) => v[0],
        display: (v) => v[0],
    };
}
/** One port of the board, e.g. `set device "port1"`; empty (the default) when not set. */
export function portKind() {
    return {
        suggest: (typed, ctx) => oneValue(typed, { names: portChoices(ctx) }),
        parse(tokens, ctx) {
            const expected = `a port of this board (${portNames(ctx).join(', ')})`;
            const t = one(tokens, expected);
            if (!ctx.ports.some((p) => p.name === t))
                throw new ValueError(t, `unknown port ${t}`, expected, { choices: portNames(ctx) });
            return [t];
        },
        print: (v) => (v[0] === '' ? undefined : quote(v[0])),
        display: (v) => v[0],
    };
}
/** Distinct keywords from a closed set, written bare: `set allowaccess ping https ssh`. */
export function keywordListKind(choices) {
    const expected = `one or more of ${choices.join(', ')}, each once`;
    return {
        listUnit: 1,
        unordered: true,
        suggest: (typed) => ({
            keywords: choices.filter((c) => !typed.includes(c)).map((word) => ({ word, help: '' })),
            end: typed.length > 0,
        }),
        parse(tokens) {
            if (tokens.length === 0)
                throw new ValueError('', 'value missing (unset clears it)', expected, { choices });
            const seen = new Set();
            for (const { text } of tokens) {
                if (!choices.includes(text))
                    throw new ValueError(text, 'unknown value', expected, { choices });
                if (seen.has(text))
                    throw new ValueError(text, `${text} listed twice`, expected);
                seen.add(text);
            }
            return tokens.map((t) => t.text);
        },
        print: (v) => (v.length === 0 ? undefined : v.join(' ')),
        display: (v) => v.join(' '),
    };
}
/**
 * Distinct names of other config entries, quoted: `set srcaddr "web" "db"`. `known` offers the
 * names this unit can tell without the rest of the config (the board's ports for `srcintf`).
 */
export function nameListKind(max, known) {
    const expected = `names of at most ${max} characters, each once`;
    return {
        listUnit: 1,
        unordered: true,
        suggest: (typed, ctx) => ({
            names: known?.(ctx).filter((c) => !typed.includes(c.word)),
            free: placeholder('<name>', expected),
            end: typed.length > 0,
        }),
        parse(tokens) {
            if (tokens.length === 0)
                throw new ValueError('', 'value missing (unset clears it)', expected);
            const seen = new Set();
            for (const { text } of tokens) {
                if (text === '' || [...text].length > max)
                    throw new ValueError(text, text === '' ? 'empty name' : 'name too long', expected, { allowed: `1-${max} characters` });
                if (seen.has(text))
                    throw new ValueError(text, `${text} listed twice`, expected);
                seen.add(text);
            }
            return tokens.map((t) => t.text);
        },
        print: (v) => (v.length === 0 ? undefined : v.map(quote).join(' ')),
        display: (v) => v.map(quote).join(' '),
    };
}
/** One name from a closed set, quoted as FortiOS writes object names: `set schedule "always"`. */
export function quotedChoiceKind(choices) {
    const expected = `one of ${choices.join(', ')}`;
    return {
        suggest: (typed) => oneValue(typed, { keywords: choices.map((word) => ({ word, help: '' })) }),
        parse(tokens) {
            const t = one(tokens, expected);
            if (!choices.includes(t))
                throw new ValueError(t, 'unknown value', expected, { choices });
            return [t];
        },
        print: (v) => quote(v[0]),
        display: (v) => v[0],
    };
}
/** Distinct IPv4 addresses, quoted: `set server "198.18.9.1" "198.18.9.2"`. */
export function ipv4ListKind() {
    const expected = 'IPv4 addresses a.b.c.d, each once';
    return {
        listUnit: 1,
        unordered: true,
        suggest: (typed) => ({ free: placeholder('<a.b.c.d>', expected), end: typed.length > 0 }),
        parse(tokens) {
            if (tokens.length === 0)
                throw new ValueError('', 'value missing (unset clears it)', expected);
            const out = [];
            for (const { text } of tokens) {
                if (!parseIpv4(text))
                    throw new ValueError(text, 'not an IPv4 address', expected, { allowed: 'a.b.c.d, each 0-255' });
                if (out.includes(text))
                    throw new ValueError(text, `${text} listed twice`, expected);
                out.push(text);
            }
            return out;
        },
        print: (v) => (v.length === 0 ? undefined : v.map(quote).join(' ')),
        display: (v) => v.map(quote).join(' '),
    };
}
/**
 * Destination port ranges, FortiOS syntax `80 443 1000-2000`, each `low[-high]` within
 * 1-65535 with low ≤ high. Source-port ranges (`dst:src`) are not taken.
 */
export function portRangeKind() {
    const expected = 'port ranges low[-high], 1-65535, separated by blanks';
    const allowed = 'low[-high] with 1 <= low <= high <= 65535';
    return {
        listUnit: 1,
        suggest: (typed) => ({ free: placeholder('<low[-high]>', expected), end: typed.length > 0 }),
        parse(tokens) {
            if (tokens.length === 0)
                throw new ValueError('', 'value missing (unset clears it)', expected, { allowed });
            return tokens.map(({ text }) => {
                const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text);
                if (!m)
                    throw new ValueError(text, 'not a port range', expected, { allowed });
                const low = Number(m[1]);
                const high = m[2] === undefined ? low : Number(m[2]);
                if (low < 1 || high > 65535 || low > high)
                    throw new ValueError(text, 'port range out of order or range', expected, { allowed });
                return low === high ? String(low) : `${low}-${high}`;
            });
        },
        print: (v) => (v.length === 0 ? undefined : v.join(' ')),
        display: (v) => v.join(' '),
    };
}
function one(tokens, expected) {
    if (tokens.length === 0)
        throw new ValueError('', 'value missing', expected);
    if (tokens.length > 1)
        throw new ValueError(tokens[1].text, 'one value only', expected);
    return tokens[0].text;
}
//# sourceMappingURL=kinds-net.js.map