/**
 * What one record of a sync batch is. A record is a CBOR array whose first element tells:
 * 4 or 6, a session (14 fields) or a session's deletion (its key, 7 fields) of that family
 * (session-codec.ts); 16 and above, a record kind: 16 an expectation, 17 an expectation's
 * deletion (expectation-codec.ts). A kind this unit does not know comes from a newer primary:
 * it is skipped and counted, never mistaken for a malformed record.
 */
import type { CtExpectation, CtExpectationKey, CtKey, CtSession } from '../../hal/conntrack/index.js';
import { decodeExpectationAdd, decodeExpectationDelete, ExpectationKind } from './expectation-codec.js';
import { decodeKey, decodeSession, KEY_FIELDS } from './session-codec.js';

/** Kinds start here; the numbers below are the families of session records. */
const FIRST_KIND = 16;
/** The largest a kind may be, so that a stray number is malformed rather than "newer". */
const LAST_KIND = 255;

export type SyncRecord =
  | { kind: 'session'; session: CtSession }
  | { kind: 'delete'; key: CtKey }
  | { kind: 'expectation'; expectation: CtExpectation }
  | { kind: 'expectation-delete'; key: CtExpectationKey }
  /** A kind from a newer version. */
  | { kind: 'unknown' };

/** The record in `w`, or null when it is malformed. Never throws. */
export function decodeRecord(w: unknown): SyncRecord | null {
  if (!Array.isArray(w)) return null;
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
  if (Number.isInteger(first) && first >= FIRST_KIND && first <= LAST_KIND) return { kind: 'unknown' };
  return null;
}
