/**
 * The CBOR of control frames and messages (cbor-x): plain maps and arrays, no shared record
 * structures, so each decodes on its own. Epochs pass 2^32 (boot id · 2^20), so 64-bit integers
 * decode as numbers (cbor-x has the option; its type declarations lack it); byte strings are
 * written untagged (major type 2, not RFC 8746's typed array) and copied out when read, since
 * a message outlives the frame buffer it was joined from.
 */
import { Encoder } from 'cbor-x';
export const cbor = new Encoder({
    useRecords: false,
    mapsAsObjects: true,
    int64AsNumber: true,
    copyBuffers: true,
    tagUint8Array: false,
});
//# sourceMappingURL=cbor.js.map