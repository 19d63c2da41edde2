/**
 * The first step of every frame body decoder (session sync, control): the bytes as a CBOR
 * array, or null, whatever they hold. cbor-x throws on malformed input; a decoder's ladder
 * must not.
 */
/** The CBOR array in src[0, length) as `decoder` reads it; null when it is no array or no CBOR. */
export function cborArray(decoder, src, length) {
    try {
        const v = decoder.decode(src.subarray(0, length));
        return Array.isArray(v) ? v : null;
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=cbor-array.js.map