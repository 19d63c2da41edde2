export const ifnameOf = (port) => `tdm-${port}`;
export function policy(id, fields = {}) {
    return {
        id,
        name: '',
        enabled: true,
        srcintf: ['port1'],
        dstintf: ['port2'],
        srcaddr: ['clients'],
        dstaddr: ['all'],
        service: ['http'],
        action: 'accept',
        schedule: 'always',
        nat: false,
        ippool: false,
        poolname: [],
        tcpSessionWithoutSyn: false,
        ...fields,
    };
}
export function dataPlane(policies) {
    return {
        interfaces: [],
        routes: [],
        addresses: [
            { name: 'clients', type: 'ipmask', subnet: { address: '198.18.1.0', prefixLength: 24 } },
            { name: 'admins', type: 'ipmask', subnet: { address: '198.18.3.0', prefixLength: 28 } },
            { name: 'servers', type: 'iprange', startIp: '198.18.2.100', endIp: '198.18.2.200' },
            { name: 'host', type: 'ipmask', subnet: { address: '198.18.2.7', prefixLength: 32 } },
            { name: 'client7', type: 'ipmask', subnet: { address: '198.18.1.7', prefixLength: 32 } },
        ],
        services: [
            { name: 'http', protocol: 'TCP/UDP/SCTP', tcp: [{ low: 80, high: 80 }], udp: [], protocolNumber: 0 },
            {
                name: 'web',
                protocol: 'TCP/UDP/SCTP',
                tcp: [
                    { low: 443, high: 443 },
                    { low: 8000, high: 8080 },
                ],
                udp: [{ low: 443, high: 443 }],
                protocolNumber: 0,
            },
            { name: 'dns', protocol: 'TCP/UDP/SCTP', tcp: [], udp: [{ low: 53, high: 53 }], protocolNumber: 0 },
            { name: 'PING', protocol: 'ICMP', tcp: [], udp: [], protocolNumber: 0 },
            { name: 'gre', protocol: 'IP', tcp: [], udp: [], protocolNumber: 47 },
            { name: 'low', protocol: 'TCP/UDP/SCTP', tcp: [{ low: 1, high: 1024 }], udp: [], protocolNumber: 0 },
            { name: 'any-ip', protocol: 'IP', tcp: [], udp: [], protocolNumber: 0 },
        ],
        pools: [
            { name: 'wan-pool', type: 'overload', startIp: '198.18.2.50', endIp: '198.18.2.59' },
            { name: 'one', type: 'overload', startIp: '198.18.2.60', endIp: '198.18.2.60' },
        ],
        policies,
        linkMonitors: [],
    };
}
/** Every shape the tests render; each must also pass `nft -c`. */
export const shapes = [
    { name: 'no policy', dp: dataPlane([]) },
    { name: 'accept, one address, one service', dp: dataPlane([policy(1)]) },
    {
        name: 'multiple interfaces, addresses, services',
        dp: dataPlane([
            policy(2, {
                srcintf: ['port1', 'port3'],
                srcaddr: ['clients', 'admins'],
                dstaddr: ['servers', 'host'],
                service: ['http', 'web', 'dns', 'PING', 'gre'],
            }),
        ]),
    },
    { name: 'iprange', dp: dataPlane([policy(3, { srcaddr: ['servers'], dstaddr: ['clients'] })]) },
    { name: 'all and ALL', dp: dataPlane([policy(4, { srcaddr: ['all'], service: ['ALL'] })]) },
    { name: 'deny', dp: dataPlane([policy(5, { action: 'deny', service: ['ALL'] })]) },
    { name: 'disabled', dp: dataPlane([policy(6, { enabled: false }), policy(7)]) },
    { name: 'nat masquerade', dp: dataPlane([policy(8, { nat: true })]) },
    {
        name: 'nat ippool',
        dp: dataPlane([
            policy(9, { name: 'clients-out', nat: true, ippool: true, poolname: ['wan-pool'] }),
            policy(10, { srcaddr: ['admins'], nat: true, ippool: true, poolname: ['one'] }),
        ]),
    },
    {
        name: 'nat after a plain accept',
        dp: dataPlane([policy(11, { dstaddr: ['host'] }), policy(12, { nat: true }), policy(13, { service: ['dns'] })]),
    },
    { name: 'hostile name', dp: dataPlane([policy(14, { name: 'x" accept; }\n table ip evil {' })]) },
    { name: 'overlapping sets', dp: dataPlane([policy(15, { srcaddr: ['clients', 'client7'], service: ['http', 'low'] })]) },
    { name: 'allowaccess', dp: { ...dataPlane([]), interfaces: addressedInterfaces() } },
    {
        // Ahead of the exempt policy: one more specific (client7), one denied; after it, one that is not listed.
        name: 'tcp session without syn',
        dp: dataPlane([
            policy(41, { srcaddr: ['client7'] }),
            policy(42, { action: 'deny', dstaddr: ['host'] }),
            policy(43, { enabled: false, tcpSessionWithoutSyn: true }),
            policy(44, { name: 'mid-stream', tcpSessionWithoutSyn: true }),
            policy(45, { srcaddr: ['admins'] }),
        ]),
    },
];
/** port1 with IPv4 and every access but http, port2 IPv6 only with none, port3 unaddressed. */
function addressedInterfaces() {
    const base = { role: 'undefined', alias: '', perUnit: false };
    return [
        {
            ...base,
            name: 'port1',
            address: { address: '198.18.2.1', prefixLength: 24 },
            ipv6: undefined,
            allowaccess: ['ping', 'https', 'ssh', 'snmp'],
        },
        { ...base, name: 'port2', address: undefined, ipv6: '2001:db8:1::1/64', allowaccess: [] },
        { ...base, name: 'port3', address: undefined, ipv6: undefined, allowaccess: ['ping'] },
    ];
}
//# sourceMappingURL=ruleset.fixture.js.map