/**
 * Administrator passwords, kept only as salted scrypt hashes: `set password <clear>` hashes at
 * once, the config holds and `show` writes `set password ENC TS1$<salt>$<hash>`, and nothing can
 * turn that back into the password (unlike the HA group password, password.ts, which a unit
 * must be able to read). An empty password is stored empty: FortiOS's factory `admin` has one,
 * and logging in with it forces a new one (firmware/console/login.ts).
 *
 * scrypt at N=2^14, r=8 (RFC 7914's interactive figure): some 60 ms on a PC, a few times that on
 * an ARM board, paid on a password change and a login, never on the heartbeat worker.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { ValueError } from './errors.js';
import { passwordChoices } from './kinds.js';
const FORMAT = 'TS1';
const PARAMS = { N: 16384, r: 8, p: 1 };
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const STORED = /^TS1\$([A-Za-z0-9+/]{22}==)\$([A-Za-z0-9+/]{43}=)$/;
export function hashAdminPassword(plain) {
    if (plain === '')
        return '';
    const salt = randomBytes(SALT_BYTES);
    const hash = scryptSync(plain, salt, HASH_BYTES, PARAMS);
    return `${FORMAT}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
/** Whether `plain` is the password `stored` (a hash, or empty) was made from. Never rejects. */
export async function verifyAdminPassword(stored, plain) {
    if (stored === '')
        return plain === '';
    const m = STORED.exec(stored);
    if (!m)
        return false;
    const expected = Buffer.from(m[2], 'base64');
    const actual = await new Promise((resolve) => scrypt(plain, Buffer.from(m[1], 'base64'), HASH_BYTES, PARAMS, (err, key) => resolve(err ? null : key)));
    return actual !== null && timingSafeEqual(actual, expected);
}
/** `set password <clear>` or `set password ENC <stored>`; `get` shows `*`, `show` the hash only. */
export function adminPasswordKind(max) {
    const expected = `a password of at most ${max} characters, or ENC <stored hash>`;
    return {
        suggest: (typed) => passwordChoices(typed, expected),
        parse(tokens) {
            if (tokens.length === 2 && !tokens[0].quoted && tokens[0].text === 'ENC') {
                if (!STORED.test(tokens[1].text))
                    throw new ValueError(tokens[1].text, 'not a stored password hash', expected);
                return [tokens[1].text];
            }
            if (tokens.length === 0)
                throw new ValueError('', 'value missing', expected);
            if (tokens.length > 1)
                throw new ValueError(tokens[1].text, 'one value only (quote a password with blanks)', expected);
            const plain = tokens[0].text;
            const length = [...plain].length;
            if (length > max)
                throw new ValueError('*', `too long (${length} characters)`, expected, { allowed: `at most ${max} characters` });
            if ([...plain].some((c) => (c.codePointAt(0) ?? 0) < 0x20 || c === '\x7f')) {
                throw new ValueError('*', 'control character not allowed', expected);
            }
            return [hashAdminPassword(plain)];
        },
        print: (v) => (v[0] === '' ? undefined : `ENC ${v[0]}`),
        display: (v) => (v[0] === '' ? '' : '*'),
    };
}
//# sourceMappingURL=admin-password.js.map