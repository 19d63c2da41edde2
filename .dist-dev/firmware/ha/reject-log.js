const QUIET_MS = 60_000;
const EXPLAIN = {
    badAuth: 'authentication failed (the group password differs, or the frame was corrupted)',
    wrongGroup: 'it belongs to another group-id',
    badVersion: 'it speaks another major version of the HA protocol',
    looped: 'it carries our own serial (a loop in the heartbeat cabling?)',
    malformedBody: 'its body is malformed',
};
export class RejectLog {
    log;
    lastSaid = new Map();
    constructor(log) {
        this.log = log;
    }
    note(reason, link, now, serial, groupId) {
        const why = EXPLAIN[reason];
        if (!why)
            return;
        const key = `${serial ?? '?'}/${reason}`;
        const last = this.lastSaid.get(key);
        if (last !== undefined && now - last < QUIET_MS)
            return;
        this.lastSaid.set(key, now);
        const from = serial
            ? `${serial}${groupId !== undefined && reason === 'wrongGroup' ? ` (group-id ${groupId})` : ''}`
            : 'an unknown sender';
        this.log.event(`refused heartbeat from ${from} on ${link}: ${why}`, 'warn');
    }
}
//# sourceMappingURL=reject-log.js.map