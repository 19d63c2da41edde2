/**
 * Keys of the heartbeat wire, both derived from the group password (`config system ha` password,
 * possibly empty) with HKDF-SHA256, salt "tandem-ha/1": "hb-auth" keys the HMAC tag of clear
 * frames, "hb-enc" the AES-256-GCM of encrypted ones. Units with different passwords derive
 * different keys, so each refuses the other's frames as badAuth.
 */
import { createHash, createSecretKey, hkdfSync } from 'node:crypto';
export const HKDF_SALT = 'tandem-ha/1';
export const HKDF_INFO_AUTH = 'hb-auth';
export const HKDF_INFO_ENC = 'hb-enc';
/**
 * Session sync frames (firmware/sessions/) have keys of their own: their sealer counts its own
 * sequences under the same boot id as the heartbeats', so with a shared key the two would reuse
 * GCM nonces.
 */
export const HKDF_INFO_SYNC_AUTH = 'sync-auth';
export const HKDF_INFO_SYNC_ENC = 'sync-enc';
/** The control channel (firmware/control/) likewise: a sealer of its own under its own boot id. */
export const HKDF_INFO_CONTROL_AUTH = 'ctl-auth';
export const HKDF_INFO_CONTROL_ENC = 'ctl-enc';
function derive(password, authInfo, encInfo) {
    const ikm = Buffer.from(password, 'utf8');
    const key = (info) => createSecretKey(Buffer.from(hkdfSync('sha256', ikm, HKDF_SALT, info, 32)));
    return { auth: key(authInfo), enc: key(encInfo) };
}
export function deriveKeys(password) {
    return derive(password, HKDF_INFO_AUTH, HKDF_INFO_ENC);
}
export function deriveSyncKeys(password) {
    return derive(password, HKDF_INFO_SYNC_AUTH, HKDF_INFO_SYNC_ENC);
}
export function deriveControlKeys(password) {
    return derive(password, HKDF_INFO_CONTROL_AUTH, HKDF_INFO_CONTROL_ENC);
}
/**
 * First 4 bytes of the GCM nonce of a sender: SHA-256 of its serial. With the boot id and the
 * sequence that follow, two units sharing the key never use the same nonce unless the first 4
 * bytes of their serials' hashes collide and they send the same sequence under the same boot id
 * (boot ids are counters, boot-ids.ts, so two units' boot ids often match).
 */
export function noncePrefix(serial, length) {
    return new Uint8Array(createHash('sha256').update(serial.subarray(0, length)).digest().subarray(0, 4));
}
//# sourceMappingURL=keys.js.map