/**
 * The key change's control messages (api.ts `key-prepare`, `key-ready`, `key-refused`,
 * `key-switch`, `key-abort`) as they travel: the next key's password goes as `ENC <base64>`,
 * the config file's spelling (config/password.ts), so a capture of a decrypted control frame or
 * a debug dump does not show it at a glance. readKeyMessage is the message ladder's check of
 * these kinds (docs/config-sync-plan.md §2): a well-formed message, or null.
 */
import { decodePassword, encodePassword } from '../config/password.js';
import { keySpecProblem } from '../ha/wire/key-ring.js';
const ENC = 'ENC ';
const STEP_KINDS = ['key-ready', 'key-refused', 'key-switch', 'key-abort'];
/** `spec` as a key-prepare carries it. */
export function keySpecToWire(spec) {
    return { ...spec, password: ENC + encodePassword(spec.password) };
}
/** The KeySpec a key-prepare carries, its password in clear; or why it is not one. */
export function keySpecFromWire(v) {
    const problem = keySpecProblem(v);
    if (problem !== null)
        return { problem };
    const spec = v;
    const password = spec.password.startsWith(ENC) ? decodePassword(spec.password.slice(ENC.length)) : undefined;
    if (password === undefined)
        return { problem: 'password: expected ENC <base64> as the config file writes it' };
    return { spec: { groupId: spec.groupId, groupName: spec.groupName, password, encryption: spec.encryption } };
}
/** `m` as one of the key change's messages, or null when its kind or a field is wrong. */
export function readKeyMessage(m) {
    if (!Number.isSafeInteger(m.id) || m.id < 0)
        return null;
    const id = m.id;
    if (m.k === 'key-prepare')
        return 'spec' in keySpecFromWire(m.next) ? { k: 'key-prepare', id, next: m.next } : null;
    if (typeof m.k !== 'string' || !STEP_KINDS.includes(m.k))
        return null;
    if (m.reason !== undefined && typeof m.reason !== 'string')
        return null;
    const k = m.k;
    return m.reason === undefined ? { k, id } : { k, id, reason: m.reason };
}
//# sourceMappingURL=key-messages.js.map