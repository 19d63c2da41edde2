/**
 * Interface addresses through rtnetlink RTM_NEWADDR / RTM_DELADDR, IPv4 and IPv6.
 *
 * Both are idempotent: the kernel's EEXIST on add and EADDRNOTAVAIL on remove mean the
 * interface is already as asked.
 */
import { parseIpv4, parseIpv6 } from '../../lib/ip-text.js';
import { HalError } from '../errors.js';
import { AF_INET, AF_INET6, E, errnoText } from '../libc.js';
import { ifindexOf, nicDevice } from './ifreq.js';
import { NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NlMessage, requestAck, requestAcks, sequence } from './rtnetlink.js';
const RTM_NEWADDR = 20;
const RTM_DELADDR = 21;
const IFA_ADDRESS = 1;
const IFA_LOCAL = 2;
/** Parses "198.18.1.1/24" or "2001:2::1/64"; undefined when malformed. */
export function parseCidr(cidr) {
    const slash = cidr.indexOf('/');
    if (slash < 0)
        return undefined;
    const host = cidr.slice(0, slash);
    const bits = cidr.slice(slash + 1);
    if (!/^\d{1,3}$/.test(bits))
        return undefined;
    const prefixLength = Number(bits);
    const ipv4 = parseIpv4(host);
    if (ipv4)
        return prefixLength <= 32 ? { family: AF_INET, address: ipv4, prefixLength } : undefined;
    const ipv6 = parseIpv6(host);
    return ipv6 && prefixLength <= 128 ? { family: AF_INET6, address: ipv6, prefixLength } : undefined;
}
/** The RTM_NEWADDR / RTM_DELADDR request; throws HalError for a bad address or interface. */
function addressMessage(ifname, cidr, add, operation) {
    const parsed = parseCidr(cidr);
    if (!parsed) {
        throw new HalError(nicDevice(ifname), operation, E.EINVAL, `address "${cidr}": expected IPv4 a.b.c.d/0-32 or IPv6 address/0-128`);
    }
    const ifindex = ifindexOf(ifname, operation);
    // struct ifaddrmsg { u8 family; u8 prefixlen; u8 flags; u8 scope; u32 index; }
    const ifa = new Uint8Array(8);
    ifa[0] = parsed.family;
    ifa[1] = parsed.prefixLength;
    new DataView(ifa.buffer).setUint32(4, ifindex, true);
    const flags = NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_EXCL : 0);
    return new NlMessage(add ? RTM_NEWADDR : RTM_DELADDR, flags, sequence())
        .struct(ifa)
        .attr(IFA_LOCAL, parsed.address)
        .attr(IFA_ADDRESS, parsed.address)
        .finish();
}
/** The ack's verdict: present already (adding) or absent already (removing) is success. */
function verdict(ifname, cidr, add, operation, err) {
    const harmless = add ? E.EEXIST : E.EADDRNOTAVAIL;
    return err === 0 || err === harmless ? null : new HalError(nicDevice(ifname), operation, err, `${cidr}: ${errnoText(err)}`);
}
function changeAddress(ifname, cidr, add) {
    const operation = add ? 'addAddress' : 'removeAddress';
    const err = requestAck(nicDevice(ifname), operation, addressMessage(ifname, cidr, add, operation));
    const failure = verdict(ifname, cidr, add, operation, err);
    if (failure)
        throw failure;
}
export function addAddress(ifname, cidr) {
    changeAddress(ifname, cidr, true);
}
/** Several addresses in one netlink exchange; each item's failure (or null), in order. */
export function addAddresses(items) {
    const results = items.map(() => null);
    const sent = [];
    items.forEach((it, index) => {
        try {
            sent.push({ index, message: addressMessage(it.ifname, it.cidr, true, 'addAddress') });
        }
        catch (err) {
            results[index] = err;
        }
    });
    if (sent.length === 0)
        return results;
    const errs = requestAcks('nic', 'addAddresses', sent.map((s) => s.message));
    sent.forEach((s, i) => {
        const it = items[s.index];
        results[s.index] = verdict(it.ifname, it.cidr, true, 'addAddress', errs[i] ?? E.ETIMEDOUT);
    });
    return results;
}
export function removeAddress(ifname, cidr) {
    changeAddress(ifname, cidr, false);
}
//# sourceMappingURL=address.js.map