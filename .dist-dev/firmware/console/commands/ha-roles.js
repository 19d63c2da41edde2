import { formatAgo } from '../format.js';
export function isStandalone(snap) {
    return !snap.enabled || snap.mode === 'standalone';
}
export function modeLabel(mode) {
    if (mode === 'a-p')
        return 'HA A-P';
    if (mode === 'a-a')
        return 'HA A-A';
    return mode;
}
export function roleName(state) {
    if (state === 'work')
        return 'primary';
    if (state === 'standby')
        return 'secondary';
    return 'hello';
}
/** 12 columns wide, the FortiOS member-list label ("Primary     :"). */
export function roleLabel(state) {
    if (state === 'work')
        return 'Primary     ';
    if (state === 'standby')
        return 'Secondary   ';
    return 'Hello       ';
}
export function clusterIndexes(members) {
    const serials = members.map((m) => m.serial).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    return new Map(serials.map((s, i) => [s, i]));
}
const ROLE_RANK = { work: 0, standby: 1, hello: 2 };
/** Primary first, then secondaries, then units still negotiating; election order otherwise. */
export function operatingOrder(members) {
    return members
        .map((m, i) => ({ m, i }))
        .sort((a, b) => ROLE_RANK[a.m.state] - ROLE_RANK[b.m.state] || a.i - b.i)
        .map(({ m }) => m);
}
export function heartbeatAddress(index) {
    return `169.254.0.${index + 1}`;
}
export function selfMember(snap) {
    return snap.members.find((m) => m.self);
}
/** Distinct peers refused, whatever the link or reason. */
export function refusedPeerCount(refused) {
    return new Set(refused.map((r) => r.serial)).size;
}
export function healthStatus(snap) {
    const refused = refusedPeerCount(snap.refused);
    if (refused > 0)
        return `ERROR: ${refused} refused peer(s)`;
    if (snap.alone)
        return 'WARNING: running alone';
    return 'OK';
}
export function refusalLine(r) {
    const times = r.count === 1 ? '1 time' : `${r.count} times`;
    return `${r.serial || '(unknown serial)'} on ${r.link}: ${r.reason}; ${times}, last ${formatAgo(r.lastAgoMs)} ago`;
}
//# sourceMappingURL=ha-roles.js.map