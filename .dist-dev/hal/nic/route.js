/**
 * IPv4 routes through rtnetlink RTM_NEWROUTE / RTM_DELROUTE, in the main table or another.
 *
 * Main-table routes with a gateway are installed "onlink": a secondary holds no address on its
 * data ports until it takes over, and without the flag the kernel refuses a gateway it cannot
 * reach yet. Installing them on both units ahead of time keeps route changes off the takeover
 * path. Other tables hold routes for traffic from an address the unit always holds (policy
 * routing, see rule.ts), so the kernel's check of the gateway stays on and catches a wrong one.
 */
import { parseIpv4 } from '../../lib/ip-text.js';
import { HalError } from '../errors.js';
import { AF_INET, E, errnoText } from '../libc.js';
import { parseCidr } from './address.js';
import { ifindexOf, nicDevice } from './ifreq.js';
import { headerTable, tableProblem } from './policy-routing.js';
import { NLM_F_ACK, NLM_F_CREATE, NLM_F_REQUEST, NlMessage, requestAck, sequence } from './rtnetlink.js';
const RTM_NEWROUTE = 24;
const RTM_DELROUTE = 25;
const NLM_F_REPLACE = 0x100;
const RTA_DST = 1;
const RTA_OIF = 4;
const RTA_GATEWAY = 5;
const RTA_PRIORITY = 6;
const RTA_TABLE = 15;
const RT_TABLE_MAIN = 254;
const RTN_UNICAST = 1;
const RT_SCOPE_UNIVERSE = 0;
const RT_SCOPE_LINK = 253;
const RTNH_F_ONLINK = 4;
/** The routing protocol number Tandem's routes carry, so `ip route` shows whose they are. */
export const RTPROT_TANDEM = 0x54;
function changeRoute(route, add) {
    const operation = add ? 'replaceRoute' : 'removeRoute';
    const device = nicDevice(route.ifname);
    const dst = parseCidr(route.dst);
    const gateway = route.gateway === undefined ? undefined : parseIpv4(route.gateway);
    if (!dst || dst.family !== AF_INET || (route.gateway !== undefined && !gateway)) {
        throw new HalError(device, operation, E.EINVAL, `route ${route.dst} via ${route.gateway ?? '-'}: expected IPv4 prefix and gateway`);
    }
    const badTable = tableProblem(route.table);
    if (badTable)
        throw new HalError(device, operation, E.EINVAL, `route ${route.dst}: ${badTable}`);
    const table = route.table ?? RT_TABLE_MAIN;
    const ifindex = ifindexOf(route.ifname, operation);
    // struct rtmsg { u8 family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags; }
    const rtm = new Uint8Array(12);
    rtm[0] = AF_INET;
    rtm[1] = dst.prefixLength;
    rtm[4] = headerTable(table);
    rtm[5] = RTPROT_TANDEM;
    rtm[6] = gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
    rtm[7] = RTN_UNICAST;
    if (gateway && table === RT_TABLE_MAIN)
        new DataView(rtm.buffer).setUint32(8, RTNH_F_ONLINK, true);
    const flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_REPLACE : 0);
    const message = new NlMessage(add ? RTM_NEWROUTE : RTM_DELROUTE, flags, sequence()).struct(rtm);
    if (dst.prefixLength > 0)
        message.attr(RTA_DST, dst.address);
    message.u32(RTA_OIF, ifindex).u32(RTA_PRIORITY, route.metric);
    if (table !== RT_TABLE_MAIN)
        message.u32(RTA_TABLE, table);
    if (gateway)
        message.attr(RTA_GATEWAY, gateway);
    const err = requestAck(device, operation, message.finish());
    if (err !== 0 && !(err === E.ESRCH && !add)) {
        const where = route.table === undefined ? '' : ` table ${route.table}`;
        throw new HalError(device, operation, err, `${route.dst} via ${route.gateway ?? 'the device'}${where}: ${errnoText(err)}`);
    }
}
/** Adds the route, or replaces one with the same prefix and metric. */
export function replaceRoute(route) {
    changeRoute(route, true);
}
/** Removing a route that is absent is not an error. */
export function removeRoute(route) {
    changeRoute(route, false);
}
//# sourceMappingURL=route.js.map