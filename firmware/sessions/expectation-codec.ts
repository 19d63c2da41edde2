/**
 * Expectations on the sync wire: what a conntrack helper expects of a session (the data
 * connection an FTP control connection announced), as a CBOR array with fixed positions and
 * tuples in session-codec.ts's form [src, dst, proto, a, b].
 *
 * | pos | add (kind 16)                 | delete (kind 17) |
 * | --- | ----------------------------- | ---------------- |
 * | 0   | kind                          | kind             |
 * | 1   | family (4 or 6)               | family           |
 * | 2   | expected tuple                | expected tuple   |
 * | 3   | master's original tuple       |                  |
 * | 4   | mask                          |                  |
 * | 5   | timeout (s)                   |                  |
 * | 6   | flags (NF_CT_EXPECT_*)        |                  |
 * | 7   | helper name ('' for none)     |                  |
 * | 8   | expectation class             |                  |
 * | 9   | expect function ('' for none) |                  |
 * | 10  | NAT [direction, saved tuple] or null |           |
 *
 * The kind comes first where a session record has its family, and no kind is a family, so a
 * unit from before expectations were synced refuses these as malformed sessions, counts them
 * and goes on. Kinds are versions too: a change of either record's shape takes a new kind, which
 * a unit that does not know it skips and counts (sync-records.ts). Decoding never throws.
 */
import type { CtExpectation, CtExpectationKey } from '../../hal/conntrack/index.js';
import { decodeTuple, encodeTuple, family, U8, U32, u } from './session-codec.js';

export const ExpectationKind = { Add: 16, Delete: 17 } as const;
/** NF_CT_HELPER_NAME_LEN less its NUL; expect functions' names are as short ("nat-follow-master"). */
const NAME_MAX = 31;

export function encodeExpectationAdd(e: CtExpectation): unknown[] {
  const f = e.family;
  return [
    ExpectationKind.Add,
    f,
    encodeTuple(f, e.tuple),
    encodeTuple(f, e.master),
    encodeTuple(f, e.mask),
    e.timeout,
    e.flags,
    e.helper,
    e.expectClass,
    e.fn,
    e.nat ? [e.natDir, encodeTuple(f, e.nat)] : null,
  ];
}

export function encodeExpectationDelete(k: CtExpectationKey): unknown[] {
  return [ExpectationKind.Delete, k.family, encodeTuple(k.family, k.tuple)];
}

const name = (v: unknown): v is string => typeof v === 'string' && v.length <= NAME_MAX;

/** The expectation in an add record `w`, or null when malformed. */
export function decodeExpectationAdd(w: unknown): CtExpectation | null {
  if (!Array.isArray(w) || w.length !== 11 || w[0] !== ExpectationKind.Add) return null;
  const f = family(w[1]);
  if (!f) return null;
  const tuple = decodeTuple(f, w[2]);
  const master = decodeTuple(f, w[3]);
  const mask = decodeTuple(f, w[4]);
  if (!tuple || !master || !mask) return null;
  const [timeout, flags, helper, expectClass, fn, natField] = w.slice(5);
  if (!u(timeout, U32) || !u(flags, U32) || !name(helper) || !u(expectClass, U8) || !name(fn)) return null;
  let natDir = 0;
  let nat = null;
  if (natField !== null) {
    if (!Array.isArray(natField) || natField.length !== 2 || !(natField[0] === 0 || natField[0] === 1)) return null;
    nat = decodeTuple(f, natField[1]);
    if (!nat) return null;
    natDir = natField[0];
  }
  return { family: f, master, tuple, mask, timeout, id: 0, flags, helper, expectClass, fn, natDir, nat };
}

/** The key in a delete record `w`, or null when malformed. */
export function decodeExpectationDelete(w: unknown): CtExpectationKey | null {
  if (!Array.isArray(w) || w.length !== 3 || w[0] !== ExpectationKind.Delete) return null;
  const f = family(w[1]);
  const tuple = f ? decodeTuple(f, w[2]) : null;
  return f && tuple ? { family: f, tuple } : null;
}
