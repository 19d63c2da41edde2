/**
 * `config firewall address`, `service custom`, `ippool` and `policy`, with FortiOS names and
 * defaults. Rules that need only the entry itself (an ordered range, a policy's mandatory
 * fields, nat before ippool) live here and run with the entry; rules that name other
 * sections' entries (interfaces, addresses, services, pools) are in data-plane-from-tree.ts.
 */
import { ipv4ToNumber } from '../../lib/ip-text.js';
import { enumKind, integerKind, ipv4Kind, portChoices, stringKind } from './kinds.js';
import { ipMaskKind, nameListKind, portRangeKind, quotedChoiceKind } from './kinds-net.js';
const enableDisable = enumKind(['enable', 'disable']);
/** FortiOS limits firewall object names to 79 characters. */
const objectName = stringKind({ min: 1, max: 79 });
/** `start` ≤ `end`, both set: an empty or reversed range matches nothing and is a typo. */
function orderedRange(what, start, end, applies) {
    return (values) => {
        if (!applies(values))
            return undefined;
        const [s, e] = [values(start)[0], values(end)[0]];
        if (s === '0.0.0.0')
            return { option: start, value: s, reason: `${what} needs ${start} set` };
        return ipv4ToNumber(s) > ipv4ToNumber(e)
            ? { option: end, value: e, reason: `${end} ${e} is below ${start} ${s}` }
            : undefined;
    };
}
export const firewallAddress = {
    words: ['firewall', 'address'],
    help: 'IPv4 addresses.',
    node: {
        kind: 'table',
        key: objectName,
        entry: {
            kind: 'section',
            options: [
                { name: 'type', kind: enumKind(['ipmask', 'iprange']), default: ['ipmask'], help: 'Address type: ipmask or iprange.' },
                { name: 'subnet', kind: ipMaskKind(), default: ['0.0.0.0', '0.0.0.0'], help: 'IP address and netmask.' },
                { name: 'start-ip', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'First address of the range.' },
                { name: 'end-ip', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'Last address of the range.' },
            ],
            rules: [orderedRange('type iprange', 'start-ip', 'end-ip', (v) => v('type')[0] === 'iprange')],
        },
    },
};
const portsForTcpUdp = (values) => values('protocol')[0] === 'TCP/UDP/SCTP' && values('tcp-portrange').length === 0 && values('udp-portrange').length === 0
    ? { option: 'protocol', value: 'TCP/UDP/SCTP', reason: 'protocol TCP/UDP/SCTP needs tcp-portrange or udp-portrange' }
    : undefined;
export const firewallServiceCustom = {
    words: ['firewall', 'service', 'custom'],
    help: 'Custom services.',
    node: {
        kind: 'table',
        key: objectName,
        entry: {
            kind: 'section',
            options: [
                {
                    name: 'protocol',
                    kind: enumKind(['TCP/UDP/SCTP', 'ICMP', 'IP']),
                    default: ['TCP/UDP/SCTP'],
                    help: 'Protocol type: TCP/UDP/SCTP, ICMP or IP.',
                },
                { name: 'tcp-portrange', kind: portRangeKind(), default: [], help: 'TCP destination port ranges.' },
                { name: 'udp-portrange', kind: portRangeKind(), default: [], help: 'UDP destination port ranges.' },
                { name: 'protocol-number', kind: integerKind(0, 254), default: ['0'], help: 'IP protocol number.' },
            ],
            rules: [portsForTcpUdp],
        },
    },
};
export const firewallIppool = {
    words: ['firewall', 'ippool'],
    help: 'IPv4 IP pools.',
    node: {
        kind: 'table',
        key: objectName,
        entry: {
            kind: 'section',
            options: [
                {
                    name: 'type',
                    kind: enumKind(['overload']),
                    default: ['overload'],
                    help: 'Pool type: overload (many to few addresses).',
                },
                { name: 'startip', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'First address of the pool.' },
                { name: 'endip', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'Last address of the pool.' },
            ],
            rules: [orderedRange('an ippool', 'startip', 'endip', () => true)],
        },
    },
};
/** FortiOS refuses a policy without these. */
const MANDATORY = ['srcintf', 'dstintf', 'srcaddr', 'dstaddr', 'service'];
const mandatorySet = (values) => {
    const missing = MANDATORY.find((o) => values(o).length === 0);
    return missing ? { option: missing, value: '', reason: `${missing} must be set` } : undefined;
};
const natOnlyOnAccept = (values) => values('nat')[0] === 'enable' && values('action')[0] !== 'accept'
    ? { option: 'nat', value: 'enable', reason: `nat enable needs action accept, not ${values('action')[0]}` }
    : undefined;
const ippoolNeedsNat = (values) => values('ippool')[0] === 'enable' && values('nat')[0] !== 'enable'
    ? { option: 'ippool', value: 'enable', reason: 'ippool enable needs nat enable' }
    : undefined;
const ippoolNeedsPoolname = (values) => values('ippool')[0] === 'enable' && values('poolname').length === 0
    ? { option: 'ippool', value: 'enable', reason: 'ippool enable needs a poolname' }
    : undefined;
export const firewallPolicy = {
    words: ['firewall', 'policy'],
    help: 'IPv4 policies.',
    node: {
        kind: 'table',
        key: integerKind(1, 4294967294),
        // The first policy that matches a new connection decides it.
        ordered: true,
        entry: {
            kind: 'section',
            options: [
                { name: 'name', kind: stringKind({ max: 35 }), default: [''], help: 'Policy name.' },
                { name: 'status', kind: enableDisable, default: ['enable'], help: 'Enable or disable the policy.' },
                { name: 'srcintf', kind: nameListKind(35, portChoices), default: [], help: 'Incoming interfaces.' },
                { name: 'dstintf', kind: nameListKind(35, portChoices), default: [], help: 'Outgoing interfaces.' },
                { name: 'action', kind: enumKind(['accept', 'deny']), default: ['deny'], help: 'Policy action: accept or deny.' },
                { name: 'srcaddr', kind: nameListKind(79), default: [], help: 'Source addresses.' },
                { name: 'dstaddr', kind: nameListKind(79), default: [], help: 'Destination addresses.' },
                { name: 'schedule', kind: quotedChoiceKind(['always']), default: ['always'], help: 'Schedule name.' },
                { name: 'service', kind: nameListKind(79), default: [], help: 'Service names.' },
                {
                    name: 'nat',
                    kind: enableDisable,
                    default: ['disable'],
                    help: 'Source NAT to the outgoing interface address (or an ippool).',
                },
                { name: 'ippool', kind: enableDisable, default: ['disable'], help: 'Source NAT to an ippool.' },
                { name: 'poolname', kind: nameListKind(79), default: [], help: 'IP pool names.' },
                // A TCP session may start with a packet other than a SYN (firmware/dataplane/ruleset.ts).
                {
                    name: 'tcp-session-without-syn',
                    kind: enableDisable,
                    default: ['disable'],
                    help: 'Allow a TCP session to start with a packet other than SYN.',
                },
            ],
            rules: [mandatorySet, natOnlyOnAccept, ippoolNeedsNat, ippoolNeedsPoolname],
        },
    },
};
//# sourceMappingURL=schema-firewall.js.map