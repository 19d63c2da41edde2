/**
 * One interface's state by RTM_GETLINK, looked up by name.
 *
 * rtnetlink rather than SIOCGIFFLAGS: the ioctl returns only 16 flag bits, so it cannot carry
 * IFF_LOWER_UP, and its IFF_RUNNING follows the carrier only once linkwatch has run, up to a
 * second later. The carrier read here is the bit LinkMonitor reports, so the two always agree.
 */
import { HalError } from '../errors.js';
import { E, errnoText } from '../libc.js';
import { checkIfname, nicDevice } from './ifreq.js';
import { parseLinkMessages } from './link-monitor.js';
import { NLM_F_ACK, NLM_F_REQUEST, NlMessage, requestAck, sequence } from './rtnetlink.js';
const RTM_GETLINK = 18;
const IFINFOMSG_BYTES = 16;
const IFLA_IFNAME = 3;
export function readLinkState(ifname) {
    checkIfname(ifname, 'linkState');
    const message = new NlMessage(RTM_GETLINK, NLM_F_REQUEST | NLM_F_ACK, sequence())
        .struct(new Uint8Array(IFINFOMSG_BYTES))
        .attr(IFLA_IFNAME, new TextEncoder().encode(`${ifname}\0`))
        .finish();
    const found = [];
    const err = requestAck(nicDevice(ifname), 'linkState', message, (buf, offset, length) => parseLinkMessages(buf.subarray(offset, offset + length), length, found));
    const state = found.find((e) => e.ifname === ifname);
    if (err !== 0 || !state) {
        const errno = err || E.ENODEV;
        throw new HalError(nicDevice(ifname), 'linkState: RTM_GETLINK', errno, errnoText(errno));
    }
    return state;
}
//# sourceMappingURL=link-state.js.map