import { decodeTuple, encodeTuple, family, U8, U32, u } from './session-codec.js';
export const ExpectationKind = { Add: 16, Delete: 17 };
/** NF_CT_HELPER_NAME_LEN less its NUL; expect functions' names are as short ("nat-follow-master"). */
const NAME_MAX = 31;
export function encodeExpectationAdd(e) {
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
export function encodeExpectationDelete(k) {
    return [ExpectationKind.Delete, k.family, encodeTuple(k.family, k.tuple)];
}
const name = (v) => typeof v === 'string' && v.length <= NAME_MAX;
/** The expectation in an add record `w`, or null when malformed. */
export function decodeExpectationAdd(w) {
    if (!Array.isArray(w) || w.length !== 11 || w[0] !== ExpectationKind.Add)
        return null;
    const f = family(w[1]);
    if (!f)
        return null;
    const tuple = decodeTuple(f, w[2]);
    const master = decodeTuple(f, w[3]);
    const mask = decodeTuple(f, w[4]);
    if (!tuple || !master || !mask)
        return null;
    const [timeout, flags, helper, expectClass, fn, natField] = w.slice(5);
    if (!u(timeout, U32) || !u(flags, U32) || !name(helper) || !u(expectClass, U8) || !name(fn))
        return null;
    let natDir = 0;
    let nat = null;
    if (natField !== null) {
        if (!Array.isArray(natField) || natField.length !== 2 || !(natField[0] === 0 || natField[0] === 1))
            return null;
        nat = decodeTuple(f, natField[1]);
        if (!nat)
            return null;
        natDir = natField[0];
    }
    return { family: f, master, tuple, mask, timeout, id: 0, flags, helper, expectClass, fn, natDir, nat };
}
/** The key in a delete record `w`, or null when malformed. */
export function decodeExpectationDelete(w) {
    if (!Array.isArray(w) || w.length !== 3 || w[0] !== ExpectationKind.Delete)
        return null;
    const f = family(w[1]);
    const tuple = f ? decodeTuple(f, w[2]) : null;
    return f && tuple ? { family: f, tuple } : null;
}
//# sourceMappingURL=expectation-codec.js.map