import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveControlKeys, deriveKeys, deriveSyncKeys } from './keys.js';
import { hkdfSha256 } from './raw-frames.testkit.js';
const raw = (k) => k.export().toString('hex');
test('keys are HKDF-SHA256 of the password, salt tandem-ha/1, info hb-auth / hb-enc', () => {
    for (const password of ['rig-secret', '', 'pässwörd ✓']) {
        const keys = deriveKeys(password);
        assert.equal(raw(keys.auth), hkdfSha256(password, 'tandem-ha/1', 'hb-auth').toString('hex'), password);
        assert.equal(raw(keys.enc), hkdfSha256(password, 'tandem-ha/1', 'hb-enc').toString('hex'), password);
    }
});
test('the two keys differ, and so do the keys of different passwords', () => {
    const a = deriveKeys('rig-secret');
    const b = deriveKeys('rig-secret2');
    const empty = deriveKeys('');
    assert.notEqual(raw(a.auth), raw(a.enc));
    assert.notEqual(raw(a.auth), raw(b.auth));
    assert.notEqual(raw(a.auth), raw(empty.auth));
    assert.equal(a.auth.symmetricKeySize, 32);
    assert.equal(a.enc.symmetricKeySize, 32);
});
test('control keys are HKDF-SHA256 with info ctl-auth / ctl-enc, apart from the heartbeat and sync keys', () => {
    const ctl = deriveControlKeys('rig-secret');
    assert.equal(raw(ctl.auth), hkdfSha256('rig-secret', 'tandem-ha/1', 'ctl-auth').toString('hex'));
    assert.equal(raw(ctl.enc), hkdfSha256('rig-secret', 'tandem-ha/1', 'ctl-enc').toString('hex'));
    const others = [deriveKeys('rig-secret'), deriveSyncKeys('rig-secret')].flatMap((k) => [raw(k.auth), raw(k.enc)]);
    assert.ok(!others.includes(raw(ctl.enc)) && !others.includes(raw(ctl.auth)));
});
//# sourceMappingURL=keys.test.js.map