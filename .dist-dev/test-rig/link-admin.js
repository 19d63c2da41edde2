/**
 * Sets links of a namespace down or up through rtnetlink from the calling thread: a few tens
 * of microseconds per link and no process start, for faults whose cable changes must land
 * together (power-loss). Other cable faults use `ip` (topology.ts).
 */
import { errnoText } from '../hal/libc.js';
import { withNetns } from '../hal/netns.js';
import { NLM_F_ACK, NLM_F_REQUEST, NlMessage, requestAck, sequence } from '../hal/nic/rtnetlink.js';
import { RigError } from './errors.js';
import { monotonicMs } from './processes.js';
const RTM_NEWLINK = 16;
const IFLA_IFNAME = 3;
const IFF_UP = 0x1;
const IFINFOMSG_BYTES = 16;
/** RTM_NEWLINK naming the link, changing only IFF_UP. */
function adminMessage(ifname, up) {
    // struct ifinfomsg { u8 family; u8 pad; u16 type; i32 index; u32 flags; u32 change; }
    const info = new Uint8Array(IFINFOMSG_BYTES);
    const view = new DataView(info.buffer);
    view.setUint32(8, up ? IFF_UP : 0, true);
    view.setUint32(12, IFF_UP, true);
    return new NlMessage(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, sequence())
        .struct(info)
        .attr(IFLA_IFNAME, Buffer.from(`${ifname}\0`))
        .finish()
        .slice();
}
/**
 * Sets each link admin down (or up) in namespace `ns`, in order, before returning; the requests
 * are built first so that only the kernel's work lies between the first change and the last.
 * Returns the CLOCK_MONOTONIC ms just before the first request went to the kernel.
 */
export function setLinksAdmin(ns, ifnames, up) {
    const messages = ifnames.map((name) => adminMessage(name, up));
    return withNetns(ns, () => {
        const firstMs = monotonicMs();
        messages.forEach((message, i) => {
            const err = requestAck(`link ${ifnames[i]}`, up ? 'up' : 'down', message);
            if (err !== 0)
                throw new RigError(`${ns}: cannot set ${ifnames[i]} ${up ? 'up' : 'down'}: ${errnoText(err)}`);
        });
        return firstMs;
    });
}
//# sourceMappingURL=link-admin.js.map