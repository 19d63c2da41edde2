/** The release signature: the board accepts only the archive the release key signed. */
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { refusal } from './refusal.testkit.js';
import { signBundle, verifyBundleSignature } from './signature.js';
const pem = (kind) => {
    const { privateKey, publicKey } = kind === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ed448');
    return {
        private: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        public: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
};
const release = pem('ed25519');
const archive = Buffer.from('tandem bundle bytes '.repeat(1000));
const names = { archive: 'tandem-1.0.0-linux-arm64.tar.zst', key: 'release.pub.pem' };
test('an archive verifies with the public half of the key that signed it', () => {
    const sig = signBundle(archive, release.private, 'release.pem');
    assert.match(sig, /^[A-Za-z0-9+/]{86}==\n$/);
    verifyBundleSignature(archive, sig, release.public, names);
    assert.equal(signBundle(archive, release.private, 'release.pem'), sig, 'ed25519 signs deterministically');
});
test('a changed archive is refused, naming it and the key', () => {
    const sig = signBundle(archive, release.private, 'release.pem');
    const tampered = Buffer.from(archive);
    tampered[500] = (tampered[500] ?? 0) ^ 1;
    assert.equal(refusal(() => verifyBundleSignature(tampered, sig, release.public, names)), 'tandem-1.0.0-linux-arm64.tar.zst: the signature does not verify with release.pub.pem (the archive was changed, or signed with another key)');
    assert.match(refusal(() => verifyBundleSignature(archive.subarray(1), sig, release.public, names)), /does not verify/);
});
test('another ed25519 key is refused', () => {
    const sig = signBundle(archive, pem('ed25519').private, 'other.pem');
    assert.match(refusal(() => verifyBundleSignature(archive, sig, release.public, names)), /does not verify with release\.pub\.pem/);
});
test('a key that is not ed25519, not a key, or a signature that is not one is refused clearly', () => {
    const sig = signBundle(archive, release.private, 'release.pem');
    assert.equal(refusal(() => verifyBundleSignature(archive, sig, pem('ed448').public, names)), 'public key release.pub.pem: a key of type ed448; release keys are ed25519');
    assert.match(refusal(() => signBundle(archive, 'hello', 'release.pem')), /^private key release\.pem: not a PEM key/);
    assert.match(refusal(() => verifyBundleSignature(archive, sig, 'hello', names)), /^public key release\.pub\.pem: not a PEM key/);
    assert.equal(refusal(() => verifyBundleSignature(archive, 'c2hvcnQ=\n', release.public, names)), 'tandem-1.0.0-linux-arm64.tar.zst.sig: not a signature (5 bytes of base64; a signature is 64)');
    assert.match(refusal(() => verifyBundleSignature(archive, `${sig.trim()}!`, release.public, names)), /\.sig: not a signature/);
    assert.match(refusal(() => verifyBundleSignature(archive, '', release.public, names)), /\.sig: not a signature \(0 bytes/);
});
//# sourceMappingURL=signature.test.js.map