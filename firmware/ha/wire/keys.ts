/**
 * Keys of the heartbeat wire, both derived from the group password (`config system ha` password,
 * possibly empty) with HKDF-SHA256, salt "tandem-ha/1": "hb-auth" keys the HMAC tag of clear
 * frames, "hb-enc" the AES-256-GCM of encrypted ones. Units with different passwords derive
 * different keys, so each refuses the other's frames as badAuth.
 */
import { createHash, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

export const HKDF_SALT = 'tandem-ha/1';
export const HKDF_INFO_AUTH = 'hb-auth';
export const HKDF_INFO_ENC = 'hb-enc';

export interface HaKeys {
  /** HMAC-SHA-256 key of the tag of clear frames. */
  auth: KeyObject;
  /** AES-256-GCM key of encrypted frames. */
  enc: KeyObject;
}

export function deriveKeys(password: string): HaKeys {
  const ikm = Buffer.from(password, 'utf8');
  const derive = (info: string) => createSecretKey(Buffer.from(hkdfSync('sha256', ikm, HKDF_SALT, info, 32)));
  return { auth: derive(HKDF_INFO_AUTH), enc: derive(HKDF_INFO_ENC) };
}

/**
 * First 4 bytes of the GCM nonce of a sender: SHA-256 of its serial. With the boot id and the
 * sequence that follow, two units sharing the key never use the same nonce unless the first 4
 * bytes of their serials' hashes collide and they send the same sequence under the same boot id
 * (boot ids are counters, boot-ids.ts, so two units' boot ids often match).
 */
export function noncePrefix(serial: Uint8Array, length: number): Uint8Array {
  return new Uint8Array(createHash('sha256').update(serial.subarray(0, length)).digest().subarray(0, 4));
}
