/**
 * Passwords in the config file are written `set password ENC <base64>`. Like FortiOS, this is
 * reversible obfuscation with a key built into the firmware, so a config file moves between
 * units and the cluster password can be compared with the peer's: it keeps the password off a
 * casual glance at a screen or a backup, it is NOT secrecy. Anyone with the firmware can
 * decode it; protect the file itself.
 *
 * AES-256-CTR with a fixed key and counter is deterministic, so the same password always gives
 * the same text and saving an unchanged config does not change the file.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
const KEY = Buffer.from('Tandem-config-enc-key-obfuscate!', 'latin1');
const COUNTER = Buffer.from('TANDEM-PASSWORD0', 'latin1');
export function encodePassword(plain) {
    const cipher = createCipheriv('aes-256-ctr', KEY, COUNTER);
    return Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}
/** The plain password, or undefined when `encoded` is not something `encodePassword` wrote. */
export function decodePassword(encoded) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0)
        return undefined;
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.toString('base64') !== encoded)
        return undefined;
    const decipher = createDecipheriv('aes-256-ctr', KEY, COUNTER);
    const plain = Buffer.concat([decipher.update(bytes), decipher.final()]);
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(plain);
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=password.js.map