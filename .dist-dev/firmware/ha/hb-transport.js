import { ETH_HEADER_LEN, writeEthernetHeader } from '../../lib/ethernet.js';
import { HA_ETHERTYPE, HA_MULTICAST_MAC, HA_UDP_PORT } from './wire/addresses.js';
/** Frames drained per transport per wake-up, so a flood on one link cannot starve the others. */
export const DRAIN_LIMIT = 256;
export const HEARTBEAT_CHANNEL = { ethertype: HA_ETHERTYPE, group: HA_MULTICAST_MAC, udpPort: HA_UDP_PORT };
/**
 * Reads the port's link state and opens it for HA frames. Returns why it could not (the
 * caller logs it in its own words and retries on the port's next link event), or null.
 */
export function openHaPort(nic, port, channel = HEARTBEAT_CHANNEL) {
    try {
        const state = nic.linkState(port.ifname);
        port.up = state.up;
        port.carrier = state.carrier;
        port.transport = l2Transport(nic.openPort(port.ifname, channel.ethertype), channel);
        return null;
    }
    catch (err) {
        return err.message;
    }
}
export function l2Transport(port, channel = HEARTBEAT_CHANNEL) {
    return {
        fd: port.fd,
        payloadOffset: ETH_HEADER_LEN,
        counters: port.counters,
        send(buf, end) {
            writeEthernetHeader(buf, channel.group, port.mac, channel.ethertype);
            return port.send(buf, end);
        },
        recv: (buf) => port.recv(buf),
        close: () => port.close(),
    };
}
export function udpTransport(socket, peer, channel = HEARTBEAT_CHANNEL) {
    return {
        fd: socket.fd,
        payloadOffset: 0,
        counters: socket.counters,
        send: (buf, end) => socket.sendTo(peer, channel.udpPort, buf, end),
        recv: (buf) => socket.recv(buf),
        close: () => socket.close(),
    };
}
//# sourceMappingURL=hb-transport.js.map