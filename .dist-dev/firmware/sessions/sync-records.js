import { decodeExpectationAdd, decodeExpectationDelete, ExpectationKind } from './expectation-codec.js';
import { decodeKey, decodeSession, KEY_FIELDS } from './session-codec.js';
/** Kinds start here; the numbers below are the families of session records. */
const FIRST_KIND = 16;
/** The largest a kind may be, so that a stray number is malformed rather than "newer". */
const LAST_KIND = 255;
/** The record in `w`, or null when it is malformed. Never throws. */
export function decodeRecord(w) {
    if (!Array.isArray(w))
        return null;
    const first = w[0];
    if (first === 4 || first === 6) {
        if (w.length === KEY_FIELDS) {
            const key = decodeKey(w);
            return key && { kind: 'delete', key };
        }
        const session = decodeSession(w);
        return session && { kind: 'session', session };
    }
    if (first === ExpectationKind.Add) {
        const expectation = decodeExpectationAdd(w);
        return expectation && { kind: 'expectation', expectation };
    }
    if (first === ExpectationKind.Delete) {
        const key = decodeExpectationDelete(w);
        return key && { kind: 'expectation-delete', key };
    }
    if (Number.isInteger(first) && first >= FIRST_KIND && first <= LAST_KIND)
        return { kind: 'unknown' };
    return null;
}
//# sourceMappingURL=sync-records.js.map