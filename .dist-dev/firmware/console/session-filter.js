/**
 * The session filter of `diagnose sys session filter`, after FortiOS: a field takes one value
 * or a from-to range, a new value replaces the field's old one, `negate <field>` inverts that
 * field, `clear` empties the filter, and `diagnose sys session list` shows only the sessions
 * that pass every field set. Fields match the original direction, as FortiOS's do (its `nsrc`
 * and `nport` are the NAT'd ones, which Tandem does not filter on). For ICMP the "ports" are
 * the echo id and the type, the way FortiOS lists ICMP sessions (`10.0.0.1:28442->8.8.8.8:8`).
 *
 * Each console session has a filter of its own, as FortiOS keeps one per CLI session.
 */
import { PROTO } from '../../hal/conntrack/index.js';
import { ipv4ToNumber, parseIpv6 } from '../../lib/ip-text.js';
import { commandFail, parseFail, RETURN_CODE } from '../config/command-fail.js';
import { printable } from './tokenize.js';
export const FILTER_FIELDS = ['proto', 'src', 'dst', 'sport', 'dport'];
/** What each field takes: its help, its label in FortiOS's filter listing, its value parser. */
const FIELDS = {
    proto: {
        help: 'Protocol number.',
        label: 'proto',
        needs: 'an IP protocol number, an integer 0-255 (6 tcp, 17 udp, 1 icmp, 58 icmpv6)',
        parse: (w) => integer(w, 255),
    },
    src: { help: 'Source IP address.', label: 'source ip', needs: 'an IPv4 or IPv6 address, e.g. 198.18.1.10', parse: address },
    dst: { help: 'Destination IP address.', label: 'dest ip', needs: 'an IPv4 or IPv6 address, e.g. 198.18.2.10', parse: address },
    sport: { help: 'Source port.', label: 'source port', needs: 'a port, an integer 0-65535', parse: (w) => integer(w, 65535) },
    dport: { help: 'Destination port.', label: 'dest port', needs: 'a port, an integer 0-65535', parse: (w) => integer(w, 65535) },
};
export function fieldHelp(field) {
    return FIELDS[field].help;
}
function integer(word, max) {
    if (!/^[0-9]{1,5}$/.test(word) || Number(word) > max)
        return undefined;
    return { key: BigInt(word), family: null };
}
function address(word) {
    const v4 = ipv4ToNumber(word);
    if (v4 !== undefined)
        return { key: BigInt(v4), family: 4 };
    const v6 = word.includes(':') ? parseIpv6(word) : undefined;
    if (!v6)
        return undefined;
    let key = 0n;
    for (const byte of v6)
        key = (key << 8n) | BigInt(byte);
    return { key, family: 6 };
}
/** The "ports" a tuple shows and is filtered by: for ICMP, the echo id and the type. */
export function tuplePorts(t) {
    return t.proto === PROTO.ICMP || t.proto === PROTO.ICMPV6 ? [t.icmpId, t.icmpType] : [t.sport, t.dport];
}
export class SessionFilter {
    #ranges = new Map();
    #negated = new Set();
    /** `filter <field> <from> [<to>]`: '' when taken, else the FortiOS error naming the bad word and what is allowed. */
    set(field, words) {
        const spec = FIELDS[field];
        const usage = `${field} takes ${spec.needs}, or a range: <from> <to>`;
        if (words.length === 0)
            return commandFail(RETURN_CODE.incomplete, usage);
        if (words.length > 2)
            return parseFail(printable(words[2]), usage);
        const values = [];
        for (const w of words) {
            const v = spec.parse(w);
            if (!v)
                return parseFail(printable(w), `${field} needs ${spec.needs}`, 'value');
            values.push(v);
        }
        const from = values[0];
        const to = values[1] ?? from;
        const toWord = printable(words[1] ?? '');
        if (to.family !== from.family)
            return parseFail(toWord, `${field} range ends must be of one family, IPv4 or IPv6`, 'value');
        if (to.key < from.key)
            return parseFail(toWord, `${field} range must not end below its start ${printable(words[0])}`, 'value');
        this.#ranges.set(field, { from: from.key, to: to.key, family: from.family, text: `${words[0]}-${words[1] ?? words[0]}` });
        return '';
    }
    /** `filter negate <field>`: the field then matches what its values do not. */
    negate(words) {
        const allowed = `negate takes one of: ${FILTER_FIELDS.join(', ')}`;
        if (words.length === 0)
            return commandFail(RETURN_CODE.incomplete, allowed);
        const field = FILTER_FIELDS.find((f) => f === words[0]);
        if (!field)
            return parseFail(printable(words[0]), allowed);
        if (words.length > 1)
            return parseFail(printable(words[1]), allowed);
        this.#negated.add(field);
        return '';
    }
    clear() {
        this.#ranges.clear();
        this.#negated.clear();
    }
    /** Whether `s` passes every field set. */
    matches(s) {
        if (this.#ranges.size === 0)
            return true;
        const t = s.orig;
        const [sport, dport] = tuplePorts(t);
        return (this.#passes('proto', t.proto, null) &&
            this.#passes('src', t.src, s.family) &&
            this.#passes('dst', t.dst, s.family) &&
            this.#passes('sport', sport, null) &&
            this.#passes('dport', dport, null));
    }
    /** The listing of `diagnose sys session filter`, in FortiOS's shape (Tandem's fields only). */
    describe() {
        const lines = ['session filter:'];
        for (const field of FILTER_FIELDS) {
            const r = this.#ranges.get(field);
            const negated = this.#negated.has(field);
            const value = r ? `${r.text}${negated ? ' (negated)' : ''}` : `any${negated ? ' (negate: applies once set)' : ''}`;
            lines.push(`${FIELDS[field].label}: ${value}`);
        }
        return `${lines.join('\n')}\n`;
    }
    #passes(field, value, family) {
        const r = this.#ranges.get(field);
        if (!r)
            return true;
        let inside;
        if (typeof value === 'number')
            inside = BigInt(value) >= r.from && BigInt(value) <= r.to;
        else {
            const v = family === r.family ? address(value) : undefined;
            inside = v !== undefined && v.key >= r.from && v.key <= r.to;
        }
        return inside !== this.#negated.has(field);
    }
}
//# sourceMappingURL=session-filter.js.map