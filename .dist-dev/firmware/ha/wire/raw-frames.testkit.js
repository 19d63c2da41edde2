/**
 * Test support: frames built field by field and sealed with node:crypto directly, with keys
 * from a separate HKDF (RFC 5869 written out with HMAC), so the tests check the encoder and the
 * decoder against the format itself rather than against each other.
 */
import { createCipheriv, createHash, createHmac } from 'node:crypto';
import { encode } from 'cbor-x';
import { BODY_FIELDS } from './body.js';
export function hkdfSha256(ikm, salt, info) {
    const prk = createHmac('sha256', salt).update(ikm, 'utf8').digest();
    return createHmac('sha256', prk)
        .update(Buffer.concat([Buffer.from(info), Buffer.of(1)]))
        .digest();
}
export function rawHeader(f) {
    const h = Buffer.alloc(36);
    h.write('TD', 0, 'latin1');
    h[2] = f.major ?? 1;
    h[3] = f.minor ?? 0;
    h[4] = f.type ?? 1;
    h[5] = f.flags ?? 0;
    h.writeUInt16BE(f.groupId ?? 7, 6);
    h.write(f.serial ?? 'TDSIM00000000002', 8, 16, 'latin1');
    h.writeUInt32BE(f.bootId ?? 1, 24);
    h.writeUInt32BE(f.seq ?? 1, 28);
    h.writeUInt16BE(f.bodyLen ?? f.body.length, 32);
    h.writeUInt16BE(f.reserved ?? 0, 34);
    return h;
}
/** A whole frame: clear with an HMAC tag, or AES-256-GCM when flags bit0 is set. */
export function sealRaw(f, password) {
    const header = rawHeader(f);
    if (((f.flags ?? 0) & 1) === 0) {
        const tag = createHmac('sha256', hkdfSha256(password, 'tandem-ha/1', 'hb-auth'))
            .update(header)
            .update(f.body)
            .digest()
            .subarray(0, 16);
        return new Uint8Array(Buffer.concat([header, f.body, tag]));
    }
    const serial = f.serial ?? 'TDSIM00000000002';
    const nonce = Buffer.concat([createHash('sha256').update(serial).digest().subarray(0, 4), header.subarray(24, 32)]);
    const cipher = createCipheriv('aes-256-gcm', hkdfSha256(password, 'tandem-ha/1', 'hb-enc'), nonce);
    cipher.setAAD(header);
    const ct = Buffer.concat([cipher.update(f.body), cipher.final()]);
    return new Uint8Array(Buffer.concat([header, ct, cipher.getAuthTag()]));
}
/** Recomputes the HMAC tag of a clear frame after a test changed its header or body. */
export function retag(frame, password) {
    const tagAt = frame.length - 16;
    const tag = createHmac('sha256', hkdfSha256(password, 'tandem-ha/1', 'hb-auth'))
        .update(frame.subarray(0, tagAt))
        .digest();
    frame.set(tag.subarray(0, 16), tagAt);
    return frame;
}
/** The body map of an advert with short keys, as any CBOR encoder would write it. */
export function bodyMap(a) {
    const m = {};
    for (const f of BODY_FIELDS)
        m[f.key] = a[f.name];
    return m;
}
export function cbor(value) {
    return new Uint8Array(encode(value));
}
/** Deterministic xorshift32, so a failing fuzz case can be replayed from its seed. */
export function rng(seed) {
    let x = seed >>> 0 || 1;
    return () => {
        x ^= x << 13;
        x >>>= 0;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        return x;
    };
}
//# sourceMappingURL=raw-frames.testkit.js.map