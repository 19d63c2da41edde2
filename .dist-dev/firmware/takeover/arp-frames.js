/**
 * Gratuitous ARP (RFC 5227 §3 "ARP Announcement"; REFERENCE.md takeover step 4): a broadcast
 * that tells every host and switch on the segment that `ipv4` is now at `mac`. Hosts holding
 * an entry for the address replace its MAC; switches learn the source MAC on the new port.
 *
 * Two forms, because some hosts heed only one: a request, as Linux `arping -U` sends, and a
 * reply, as `arping -A` sends. Both carry sender IP = target IP and sender MAC = `mac`. The
 * reply repeats `mac` as target MAC, which Linux requires before it treats a reply as
 * gratuitous (arp_is_garp) and lets it override a fresh entry. In the request the target MAC
 * is zero, as RFC 5227 §2.3 asks and the kernel's own announcements (arp_notify) do; arping
 * puts the broadcast address there, and receivers ignore the field either way.
 */
import { ETHERTYPE_ARP, writeEthernetHeader } from '../../lib/ethernet.js';
import { writeIpv4 } from '../../lib/ip-text.js';
/** Ethernet's minimum frame (without FCS); the 42 bytes of header and ARP are padded to it. */
export const GARP_FRAME_LEN = 60;
const BROADCAST = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
const ARPOP_REQUEST = 1;
const ARPOP_REPLY = 2;
/**
 * Writes one 60-byte gratuitous ARP at `offset` and returns the offset after it. Allocates
 * nothing. RangeError when `mac` is not 6 bytes, `ipv4` is not a dotted quad or `buf` is too
 * short: each is a caller's mistake, settled when the configuration is accepted.
 */
export function writeGratuitousArp(buf, offset, mac, ipv4, form) {
    if (mac.length !== 6)
        throw new RangeError(`gratuitous ARP MAC of ${mac.length} bytes: expected 6`);
    if (offset < 0 || buf.length - offset < GARP_FRAME_LEN) {
        throw new RangeError(`gratuitous ARP at offset ${offset} of a ${buf.length}-byte buffer: needs ${GARP_FRAME_LEN} bytes`);
    }
    const arp = writeEthernetHeader(buf, BROADCAST, mac, ETHERTYPE_ARP, offset);
    // Hardware type Ethernet (1), protocol IPv4 (0x0800), address lengths 6 and 4.
    buf[arp] = 0;
    buf[arp + 1] = 1;
    buf[arp + 2] = 0x08;
    buf[arp + 3] = 0x00;
    buf[arp + 4] = 6;
    buf[arp + 5] = 4;
    buf[arp + 6] = 0;
    buf[arp + 7] = form === 'reply' ? ARPOP_REPLY : ARPOP_REQUEST;
    if (!writeIpv4(buf, arp + 14, ipv4)) {
        throw new RangeError(`gratuitous ARP address "${ipv4}": expected IPv4 a.b.c.d`);
    }
    for (let i = 0; i < 6; i++) {
        buf[arp + 8 + i] = mac[i];
        buf[arp + 18 + i] = form === 'reply' ? mac[i] : 0;
    }
    for (let i = 0; i < 4; i++)
        buf[arp + 24 + i] = buf[arp + 14 + i];
    const end = offset + GARP_FRAME_LEN;
    buf.fill(0, arp + 28, end);
    return end;
}
//# sourceMappingURL=arp-frames.js.map