/**
 * A stand-in gateway, for testing the traffic tools without the firmware's data plane: a board
 * namespace whose firmware is not running gets the gateway addresses and IPv4 forwarding from
 * `ip`, and loses any nftables ruleset its firmware left behind. The client and server route
 * through it as through a primary.
 */
import { boardNamespace } from '../paths.js';
import { GATEWAY_LAN, GATEWAY_WAN } from '../rig-gateway.js';
import { ipBatch, run, sysctlIn } from '../shell.js';
export async function standInGateway(rig, board) {
    const ns = boardNamespace(rig, board);
    await run('ip', ['netns', 'exec', ns, 'nft', 'flush', 'ruleset']);
    await ipBatch(ns, [`addr add ${GATEWAY_LAN}/24 dev port2`, `addr add ${GATEWAY_WAN}/24 dev port1`]);
    await sysctlIn(ns, { 'net.ipv4.ip_forward': 1 });
}
//# sourceMappingURL=stand-in.testkit.js.map