/**
 * IPv4 and IPv6 addresses between text and network-order bytes: the one place that knows
 * the text forms. Parsing is strict: a dotted quad of decimal octets 0-255 without leading
 * zeros (so "010" is never read as octal by one tool and decimal by another), and RFC 4291
 * IPv6 text with at most one "::" and an optional dotted IPv4 tail, no zone ("%eth0").
 * Formatting gives RFC 5952's canonical IPv6 text.
 *
 * The writers allocate nothing, since announcements are built into frame buffers at
 * takeover; on malformed text they return false and leave the destination bytes undefined.
 */
const DOT = 0x2e;
const COLON = 0x3a;
/** Decimal octets text[from, to) separated by dots, exactly four, into buf[offset, offset + 4). */
function scanIpv4(buf, offset, text, from, to) {
    let i = from;
    for (let octet = 0; octet < 4; octet++) {
        if (octet > 0) {
            if (i >= to || text.charCodeAt(i) !== DOT)
                return false;
            i++;
        }
        const start = i;
        let value = 0;
        while (i < to && i - start < 4) {
            const d = text.charCodeAt(i) - 0x30;
            if (d < 0 || d > 9)
                break;
            value = value * 10 + d;
            i++;
        }
        const digits = i - start;
        if (digits === 0 || digits > 3 || value > 255)
            return false;
        if (digits > 1 && text.charCodeAt(start) === 0x30)
            return false;
        buf[offset + octet] = value;
    }
    return i === to;
}
/** Dotted quad "198.18.0.1" into buf[offset, offset + 4). */
export function writeIpv4(buf, offset, text) {
    return scanIpv4(buf, offset, text, 0, text.length);
}
function hexValue(code) {
    if (code >= 0x30 && code <= 0x39)
        return code - 0x30;
    if (code >= 0x61 && code <= 0x66)
        return code - 0x57;
    if (code >= 0x41 && code <= 0x46)
        return code - 0x37;
    return -1;
}
/** RFC 4291 text ("2001:2::1", "fe80::5", "::", "::ffff:198.18.0.1") into buf[offset, offset + 16). */
export function writeIpv6(buf, offset, text) {
    const n = text.length;
    let i = 0;
    let groups = 0;
    let gap = -1;
    if (n >= 2 && text.charCodeAt(0) === COLON && text.charCodeAt(1) === COLON) {
        gap = 0;
        i = 2;
    }
    while (i < n) {
        let value = 0;
        const start = i;
        while (i < n) {
            const h = hexValue(text.charCodeAt(i));
            if (h < 0)
                break;
            value = value * 16 + h;
            i++;
        }
        if (i < n && text.charCodeAt(i) === DOT) {
            // A dotted IPv4 tail ends the text and stands for the last two groups (RFC 4291 §2.2).
            if (groups > 6 || !scanIpv4(buf, offset + groups * 2, text, start, n))
                return false;
            groups += 2;
            break;
        }
        if (i === start || i - start > 4 || groups === 8)
            return false;
        buf[offset + groups * 2] = value >>> 8;
        buf[offset + groups * 2 + 1] = value & 0xff;
        groups++;
        if (i === n)
            break;
        if (text.charCodeAt(i) !== COLON)
            return false;
        i++;
        if (i === n)
            return false;
        if (text.charCodeAt(i) === COLON) {
            if (gap >= 0)
                return false;
            gap = groups;
            i++;
        }
    }
    if (gap < 0)
        return groups === 8;
    // "::" stands for at least one group of zeros.
    if (groups > 7)
        return false;
    const shift = 8 - groups;
    for (let g = groups - 1; g >= gap; g--) {
        buf[offset + (g + shift) * 2] = buf[offset + g * 2];
        buf[offset + (g + shift) * 2 + 1] = buf[offset + g * 2 + 1];
    }
    for (let g = gap; g < gap + shift; g++) {
        buf[offset + g * 2] = 0;
        buf[offset + g * 2 + 1] = 0;
    }
    return true;
}
/** The four bytes of a dotted quad, or undefined when malformed. */
export function parseIpv4(text) {
    const bytes = new Uint8Array(4);
    return writeIpv4(bytes, 0, text) ? bytes : undefined;
}
/** The sixteen bytes of IPv6 text, or undefined when malformed. */
export function parseIpv6(text) {
    const bytes = new Uint8Array(16);
    return writeIpv6(bytes, 0, text) ? bytes : undefined;
}
/** bytes[offset, offset + 4) as a dotted quad. */
export function formatIpv4(bytes, offset = 0) {
    return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}
/** A dotted quad as an unsigned 32-bit number (for masks and ranges), or undefined when malformed. */
export function ipv4ToNumber(text) {
    const b = parseIpv4(text);
    return b && ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0;
}
/** An unsigned 32-bit number as a dotted quad. */
export function numberToIpv4(n) {
    return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
/**
 * bytes[offset, offset + 16) as RFC 5952 text: lower-case hex without leading zeros, the
 * longest run of two or more zero groups (the first of equals) as "::", and an IPv4-mapped
 * address (::ffff:0:0/96) with its IPv4 part dotted (§5). Builds the string in one pass, with
 * no intermediate arrays: conntrack dumps format two addresses a tuple, a million tuples a dump.
 */
export function formatIpv6(bytes, offset = 0) {
    let best = -1;
    let bestLength = 1;
    let runStart = 0;
    let run = 0;
    for (let g = 0; g < 8; g++) {
        if (bytes[offset + g * 2] === 0 && bytes[offset + g * 2 + 1] === 0) {
            if (run++ === 0)
                runStart = g;
            if (run > bestLength) {
                best = runStart;
                bestLength = run;
            }
        }
        else {
            run = 0;
        }
    }
    if (best === 0 && bestLength === 5 && bytes[offset + 10] === 0xff && bytes[offset + 11] === 0xff) {
        return `::ffff:${formatIpv4(bytes, offset + 12)}`;
    }
    let text = '';
    let colon = false;
    for (let g = 0; g < 8; g++) {
        if (g === best) {
            text += '::';
            colon = false;
            g += bestLength - 1;
            continue;
        }
        if (colon)
            text += ':';
        text += ((bytes[offset + g * 2] << 8) | bytes[offset + g * 2 + 1]).toString(16);
        colon = true;
    }
    return text;
}
//# sourceMappingURL=ip-text.js.map