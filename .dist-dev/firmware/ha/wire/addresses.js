/**
 * Where heartbeat frames go. On `hbdev` ports (and as beacons on `data-beacon-dev` ports): an
 * Ethernet frame (lib/ethernet.ts) to a multicast group of our own, with the heartbeat frame
 * (header + body + tag) as payload. Linux bridges flood this group, unlike the 802.1D reserved
 * range 01:80:c2:00:00:0x they swallow, so heartbeats cross a switch or a bridge. With
 * `unicast-hb`: the same payload in a UDP datagram to port 703.
 */
export const HA_ETHERTYPE = 0x8890;
export const HA_UDP_PORT = 703;
/**
 * Destination of every heartbeat frame: 03:54:44:48:41:00, a locally administered multicast
 * group ("TDHA" after the group and local bits) that Linux bridges and switches flood.
 */
export const HA_MULTICAST_MAC = Uint8Array.of(0x03, 0x54, 0x44, 0x48, 0x41, 0x00);
//# sourceMappingURL=addresses.js.map