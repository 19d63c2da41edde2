/**
 * IPv4 routes through rtnetlink RTM_NEWROUTE / RTM_DELROUTE in the main table.
 *
 * Routes with a gateway are installed "onlink": a secondary holds no address on its data ports
 * until it takes over, and without the flag the kernel refuses a gateway it cannot reach yet.
 * Installing them on both units ahead of time keeps route changes off the takeover path.
 */
import { parseIpv4 } from '../../lib/ip-text.js';
import { HalError } from '../errors.js';
import { AF_INET, E, errnoText } from '../libc.js';
import { parseCidr } from './address.js';
import { ifindexOf, nicDevice } from './ifreq.js';
import type { Ipv4Route } from './index.js';
import { NLM_F_ACK, NLM_F_CREATE, NLM_F_REQUEST, NlMessage, requestAck, sequence } from './rtnetlink.js';

const RTM_NEWROUTE = 24;
const RTM_DELROUTE = 25;
const NLM_F_REPLACE = 0x100;
const RTA_DST = 1;
const RTA_OIF = 4;
const RTA_GATEWAY = 5;
const RTA_PRIORITY = 6;
const RT_TABLE_MAIN = 254;
const RTN_UNICAST = 1;
const RT_SCOPE_UNIVERSE = 0;
const RT_SCOPE_LINK = 253;
const RTNH_F_ONLINK = 4;
/** The routing protocol number Tandem's routes carry, so `ip route` shows whose they are. */
export const RTPROT_TANDEM = 0x54;

function changeRoute(route: Ipv4Route, add: boolean): void {
  const operation = add ? 'replaceRoute' : 'removeRoute';
  const device = nicDevice(route.ifname);
  const dst = parseCidr(route.dst);
  const gateway = route.gateway === undefined ? undefined : parseIpv4(route.gateway);
  if (!dst || dst.family !== AF_INET || (route.gateway !== undefined && !gateway)) {
    throw new HalError(
      device,
      operation,
      E.EINVAL,
      `route ${route.dst} via ${route.gateway ?? '-'}: expected IPv4 prefix and gateway`,
    );
  }
  const ifindex = ifindexOf(route.ifname, operation);
  // struct rtmsg { u8 family, dst_len, src_len, tos, table, protocol, scope, type; u32 flags; }
  const rtm = new Uint8Array(12);
  rtm[0] = AF_INET;
  rtm[1] = dst.prefixLength;
  rtm[4] = RT_TABLE_MAIN;
  rtm[5] = RTPROT_TANDEM;
  rtm[6] = gateway ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
  rtm[7] = RTN_UNICAST;
  if (gateway) new DataView(rtm.buffer).setUint32(8, RTNH_F_ONLINK, true);
  const oif = new Uint8Array(4);
  new DataView(oif.buffer).setUint32(0, ifindex, true);
  const metric = new Uint8Array(4);
  new DataView(metric.buffer).setUint32(0, route.metric, true);
  const flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_REPLACE : 0);
  const message = new NlMessage(add ? RTM_NEWROUTE : RTM_DELROUTE, flags, sequence()).struct(rtm);
  if (dst.prefixLength > 0) message.attr(RTA_DST, dst.address);
  message.attr(RTA_OIF, oif).attr(RTA_PRIORITY, metric);
  if (gateway) message.attr(RTA_GATEWAY, gateway);
  const err = requestAck(device, operation, message.finish());
  if (err !== 0 && !(err === E.ESRCH && !add)) {
    throw new HalError(device, operation, err, `${route.dst} via ${route.gateway ?? 'the device'}: ${errnoText(err)}`);
  }
}

/** Adds the route, or replaces one with the same prefix and metric. */
export function replaceRoute(route: Ipv4Route): void {
  changeRoute(route, true);
}

/** Removing a route that is absent is not an error. */
export function removeRoute(route: Ipv4Route): void {
  changeRoute(route, false);
}
