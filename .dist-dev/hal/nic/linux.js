/**
 * Linux NIC driver: AF_PACKET ports, UDP sockets, rtnetlink links, addresses, routes and rules,
 * ifreq ioctls.
 *
 * Every call acts in the network namespace of the calling thread at the time of the call:
 * sockets are opened per operation (ports and monitors keep theirs).
 */
import { addAddress, addAddresses, removeAddress } from './address.js';
import { forwardingSwitch } from './forwarding.js';
import { startFrameReceiver } from './frame-receiver.js';
import { writeMac } from './ifreq.js';
import { openLinkMonitor } from './link-monitor.js';
import { readLinkState } from './link-state.js';
import { openRawPort } from './packet-socket.js';
import { removeRoute, replaceRoute } from './route.js';
import { addRule, removeRule } from './rule.js';
import { openUdpPort } from './udp-socket.js';
export function createLinuxNic() {
    return {
        openPort: (ifname, ethertype) => openRawPort(ifname, ethertype),
        openSender: (ifname) => openRawPort(ifname, null, 4096),
        openUdp: openUdpPort,
        linkState: readLinkState,
        openLinkMonitor,
        setMac: writeMac,
        addAddress,
        addAddresses,
        removeAddress,
        replaceRoute,
        removeRoute,
        addRule,
        removeRule,
        setIpv4Forwarding: forwardingSwitch(),
        receive: startFrameReceiver,
    };
}
//# sourceMappingURL=linux.js.map