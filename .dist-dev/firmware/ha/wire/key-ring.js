import { lostAfterMs } from '../settings.js';
/** The grace window never ends before this: a slow main thread must not cut a peer off. */
const MIN_GRACE_MS = 10_000;
/** Peers lost-threshold heartbeats late still find the old key: three times that long. */
const GRACE_LOST_TIMES = 3;
/** `group-name`'s length on the wire (body.ts). */
const MAX_GROUP_NAME = 32;
const MAX_GROUP_ID = 0xffff;
/** What the settings say frames are sealed with. */
export function keySpecOf(s) {
    return { groupId: s.groupId, groupName: s.groupName, password: s.password, encryption: s.encryption };
}
export function sameKeySpec(a, b) {
    return a.groupId === b.groupId && a.groupName === b.groupName && a.password === b.password && a.encryption === b.encryption;
}
/** A ring holding only `spec`: the steady state. */
export function oneKeyRing(spec) {
    return { slots: [spec], send: 0 };
}
/** The slot frames are sealed with. */
export function sendSpec(ring) {
    return ring.slots[ring.send];
}
/** The group-names peers may advertise under this ring (compat.ts): one per slot. */
export function groupNamesOf(ring) {
    return ring.slots.map((s) => s.groupName);
}
/**
 * How long a unit keeps accepting the old key after it switched: G = max(10 s, 3 × hb interval
 * × lost threshold) (docs/config-sync-plan.md §6).
 */
export function graceWindowMs(s) {
    return Math.max(MIN_GRACE_MS, GRACE_LOST_TIMES * lostAfterMs(s));
}
/** Why `v` is not a KeySpec, or null when it is one. */
export function keySpecProblem(v) {
    if (typeof v !== 'object' || v === null)
        return `key ${JSON.stringify(v)}: expected {groupId, groupName, password, encryption}`;
    const s = v;
    if (!Number.isInteger(s.groupId) || s.groupId < 0 || s.groupId > MAX_GROUP_ID) {
        return `group-id ${JSON.stringify(s.groupId)}: expected an integer 0-${MAX_GROUP_ID}`;
    }
    if (typeof s.groupName !== 'string' || s.groupName.length > MAX_GROUP_NAME) {
        return `group-name ${JSON.stringify(s.groupName)}: expected text of at most ${MAX_GROUP_NAME} characters`;
    }
    if (typeof s.password !== 'string')
        return 'password: expected text';
    if (typeof s.encryption !== 'boolean')
        return `encryption ${JSON.stringify(s.encryption)}: expected true or false`;
    return null;
}
/** Why `v` is not a KeyRingSpec, or null when it is one. */
export function keyRingProblem(v) {
    if (typeof v !== 'object' || v === null)
        return `key ring ${JSON.stringify(v)}: expected {slots, send}`;
    const r = v;
    if (!Array.isArray(r.slots) || r.slots.length < 1 || r.slots.length > 2)
        return 'key ring: expected 1 or 2 slots';
    if (r.send !== 0 && (r.send !== 1 || r.slots.length < 2)) {
        return `key ring send slot ${JSON.stringify(r.send)}: expected 0${r.slots.length === 2 ? ' or 1' : ''}`;
    }
    for (const s of r.slots) {
        const problem = keySpecProblem(s);
        if (problem !== null)
            return problem;
    }
    return null;
}
/**
 * One channel's keys for the rings it is given. A password is derived once and kept while the
 * ring names it; a ring change keeps the slot both rings share, so a key change derives only the
 * new password, once.
 */
export class RingKeys {
    derive;
    #derived = new Map();
    constructor(derive) {
        this.derive = derive;
    }
    slots(ring) {
        const kept = new Map();
        const out = ring.slots.map((s) => {
            const keys = kept.get(s.password) ?? this.#derived.get(s.password) ?? this.derive(s.password);
            kept.set(s.password, keys);
            return { groupId: s.groupId, keys, encryption: s.encryption };
        });
        this.#derived = kept;
        return out;
    }
}
//# sourceMappingURL=key-ring.js.map