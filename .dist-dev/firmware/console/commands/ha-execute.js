/**
 * `execute ha failover set|unset|status` and `diagnose sys ha reset-uptime`: the operator's
 * levers on the election. They act on this unit only; a cluster index, when given, must be
 * this unit's, so a command typed on the wrong console never silently does nothing.
 */
import { commandFail, RETURN_CODE } from '../../config/command-fail.js';
import { parseError } from '../command-tree.js';
import { clusterIndexes, selfMember } from './ha-roles.js';
export function failover(ha, on, args) {
    if (args.length > 1)
        return parseError(args[1]);
    const snap = ha.snapshot();
    const ownIndex = clusterIndexes(snap.members).get(snap.serial) ?? 0;
    if (args.length === 1) {
        const word = args[0];
        if (!/^[0-9]{1,3}$/.test(word))
            return parseError(word);
        const wanted = Number(word);
        if (wanted !== ownIndex) {
            return commandFail(RETURN_CODE.failed, `Cluster index ${wanted} is not this unit (${snap.serial} is cluster index ${ownIndex}); run the command on that unit's console.`);
        }
    }
    ha.setFailover(on);
    return on
        ? `Failover set on ${snap.serial} (cluster index ${ownIndex}): this unit now loses every HA election.\n`
        : `Failover unset on ${snap.serial} (cluster index ${ownIndex}): this unit takes part in HA elections again.\n`;
}
export function failoverStatus(ha) {
    const self = selfMember(ha.snapshot());
    return `failover status: ${self?.failover ? 'set' : 'unset'}\n`;
}
export function resetUptime(ha) {
    ha.resetUptime();
    return `HA age of ${ha.snapshot().serial} reset to 0; the election runs again.\n`;
}
//# sourceMappingURL=ha-execute.js.map