/** For tests of the bundle checks: the message of the BundleError that `fn` throws. */
import assert from 'node:assert/strict';
import { BundleError } from './errors.js';
export function refusal(fn) {
    try {
        fn();
    }
    catch (err) {
        assert.ok(err instanceof BundleError, `expected a BundleError, got ${String(err)}`);
        return err.message;
    }
    assert.fail('accepted');
}
//# sourceMappingURL=refusal.testkit.js.map