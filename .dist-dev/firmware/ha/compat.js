/**
 * Whether a peer may join this cluster (REFERENCE.md, Cluster): group-name, mode, model and
 * firmware major version must match. group-id and password are checked earlier by the wire
 * decoder (a wrong group or key never reaches here). Like those, the group-name may be either
 * slot's of the key ring while a key change settles (wire/key-ring.ts).
 */
/** The refusal reason naming both values, or null when the peer may join. */
export function incompatibility(self, advert) {
    if (!self.groupNames.includes(advert.groupName)) {
        return `group-name ${JSON.stringify(advert.groupName)} differs from ours ${self.groupNames.map((n) => JSON.stringify(n)).join(' or ')}`;
    }
    if (advert.mode !== self.mode)
        return differs('mode', advert.mode, self.mode);
    if (advert.model !== self.model)
        return differs('model', advert.model, self.model);
    const theirs = majorVersion(advert.firmware);
    if (theirs === null)
        return `firmware ${JSON.stringify(advert.firmware)} is not a version "major.minor.patch"`;
    const ours = majorVersion(self.firmware);
    if (theirs !== ours) {
        return `firmware ${JSON.stringify(advert.firmware)} (major ${theirs}) differs from ours ${JSON.stringify(self.firmware)} (major ${ours ?? '?'})`;
    }
    return null;
}
/** The semver major of "1.2.3" (a leading "v" and any pre-release or build suffix allowed). */
export function majorVersion(version) {
    const m = /^v?(\d+)(?:\.\d+){0,2}(?:[-+].*)?$/.exec(version);
    return m ? Number(m[1]) : null;
}
function differs(what, theirs, ours) {
    return `${what} ${JSON.stringify(theirs)} differs from ours ${JSON.stringify(ours)}`;
}
//# sourceMappingURL=compat.js.map