/**
 * The virtual MAC a primary takes on each data port (REFERENCE.md "Virtual MAC"):
 * 02:54:44:<group-id>:<vcluster>:<port index>, one byte each. 0x02 marks it locally
 * administered and unicast; 54:44 is "TD". It depends on nothing a unit owns alone, so the new
 * primary after a failover presents the very MAC the old one did and switches see no move.
 *
 * The port index is the data port's position in the board's port list. Both units compute the
 * same index because a cluster only forms between boards of one model (a model mismatch is
 * refused), and boards of one model share one port list.
 */
const PREFIX = [0x02, 0x54, 0x44];
function checkByte(name, value) {
    if (!Number.isInteger(value) || value < 0 || value > 255) {
        throw new RangeError(`virtual MAC ${name} ${value}: expected an integer 0-255`);
    }
}
/** The 6-byte virtual MAC of one data port; RangeError when an input is not 0-255. */
export function virtualMac(groupId, vcluster, portIndex) {
    checkByte('group-id', groupId);
    checkByte('vcluster', vcluster);
    checkByte('port index', portIndex);
    return Uint8Array.of(...PREFIX, groupId, vcluster, portIndex);
}
//# sourceMappingURL=virtual-mac.js.map