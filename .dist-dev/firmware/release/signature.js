/**
 * The release signature: Ed25519 over the whole archive, kept next to it as `<archive>.sig`
 * (base64 of the 64-byte signature and a newline). The release build signs with the private
 * key; the board verifies with the public key before it unpacks anything.
 */
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { BundleError } from './errors.js';
export const SIGNATURE_SUFFIX = '.sig';
const SIGNATURE_BYTES = 64;
function ed25519(what, make) {
    let key;
    try {
        key = make();
    }
    catch (err) {
        throw new BundleError(`${what}: not a PEM key (${err.message})`);
    }
    if (key.asymmetricKeyType !== 'ed25519') {
        throw new BundleError(`${what}: a key of type ${key.asymmetricKeyType ?? key.type}; release keys are ed25519`);
    }
    return key;
}
/** The `.sig` file's text for `archive`; `keyName` names the key in errors (its path). */
export function signBundle(archive, privateKeyPem, keyName) {
    const key = ed25519(`private key ${keyName}`, () => createPrivateKey(privateKeyPem));
    return `${sign(null, archive, key).toString('base64')}\n`;
}
/**
 * Throws BundleError unless `signatureText` is a signature of `archive` by the holder of
 * `publicKeyPem`. `names` say which archive and key, for the message.
 */
export function verifyBundleSignature(archive, signatureText, publicKeyPem, names) {
    const key = ed25519(`public key ${names.key}`, () => createPublicKey(publicKeyPem));
    const trimmed = signatureText.trim();
    const signature = Buffer.from(trimmed, 'base64');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || signature.length !== SIGNATURE_BYTES) {
        throw new BundleError(`${names.archive}${SIGNATURE_SUFFIX}: not a signature (${signature.length} bytes of base64; a signature is ${SIGNATURE_BYTES})`);
    }
    if (!verify(null, archive, key, signature)) {
        throw new BundleError(`${names.archive}: the signature does not verify with ${names.key} (the archive was changed, or signed with another key)`);
    }
}
//# sourceMappingURL=signature.js.map