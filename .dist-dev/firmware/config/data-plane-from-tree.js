import { ANY_ADDRESS, ANY_SERVICE } from './data-plane.js';
import { ConfigError } from './errors.js';
import { prefixLength } from './kinds-net.js';
import { entryHeader, findOption, sectionKey } from './schema.js';
import { firewallAddress, firewallIppool, firewallPolicy, firewallServiceCustom } from './schema-firewall.js';
import { perUnitInterface } from './schema-ha-mgmt.js';
import { systemInterface } from './schema-interface.js';
import { systemLinkMonitor } from './schema-link-monitor.js';
import { routerStatic } from './schema-router.js';
import { optionValue, tableEntries } from './tree.js';
/**
 * The first reference that names something missing, as a ConfigError without a line: a
 * whole-config check of `firmwareSchema`, so loading and committing both refuse it.
 */
export function findBrokenReference(tree) {
    const interfaces = names(tree, systemInterface);
    const addresses = names(tree, firewallAddress);
    const services = names(tree, firewallServiceCustom);
    const pools = names(tree, firewallIppool);
    const policy = (id) => `policy ${id}`;
    const references = [
        {
            section: routerStatic,
            label: (n) => `static route ${n}`,
            option: 'device',
            known: interfaces,
            what: 'a configured interface',
        },
        {
            section: systemLinkMonitor,
            label: (n) => `link-monitor ${n}`,
            option: 'srcintf',
            known: interfaces,
            what: 'a configured interface',
        },
        { section: firewallPolicy, label: policy, option: 'srcintf', known: interfaces, what: 'a configured interface' },
        { section: firewallPolicy, label: policy, option: 'dstintf', known: interfaces, what: 'a configured interface' },
        {
            section: firewallPolicy,
            label: policy,
            option: 'srcaddr',
            known: addresses,
            builtin: ANY_ADDRESS,
            what: 'a firewall address',
        },
        {
            section: firewallPolicy,
            label: policy,
            option: 'dstaddr',
            known: addresses,
            builtin: ANY_ADDRESS,
            what: 'a firewall address',
        },
        {
            section: firewallPolicy,
            label: policy,
            option: 'service',
            known: services,
            builtin: ANY_SERVICE,
            what: 'a custom service',
        },
        { section: firewallPolicy, label: policy, option: 'poolname', known: pools, what: 'a firewall ippool' },
    ];
    for (const section of [routerStatic, systemLinkMonitor, firewallPolicy]) {
        for (const entry of tableEntries(tree, section)) {
            for (const ref of references.filter((r) => r.section === section)) {
                const broken = check(ref, entry);
                if (broken)
                    return broken;
            }
        }
    }
    return undefined;
}
/**
 * The typed data plane. Throws the first broken reference (ConfigError); a tree that passed
 * `treeFromText` with `firmwareSchema` converts without error. `ctx` tells which port is the
 * board's mgmt port; the tree's `ha-mgmt-interfaces` which ports are reserved.
 */
export function dataPlaneFromTree(tree, ctx) {
    const broken = findBrokenReference(tree);
    if (broken)
        throw broken;
    return {
        interfaces: tableEntries(tree, systemInterface).map(({ name, node }) => {
            const ip = optionValue(node, 'ip');
            return {
                name,
                address: ip[0] === '0.0.0.0' ? undefined : prefix(ip),
                ipv6: optionValue(node, 'ip6-address')[0] === '::/0' ? undefined : optionValue(node, 'ip6-address')[0],
                allowaccess: [...optionValue(node, 'allowaccess')],
                role: optionValue(node, 'role')[0],
                alias: optionValue(node, 'alias')[0],
                perUnit: perUnitInterface(name, ctx, tree),
            };
        }),
        routes: tableEntries(tree, routerStatic).map(({ name, node }) => ({
            seq: Number(name),
            enabled: optionValue(node, 'status')[0] === 'enable',
            dst: prefix(optionValue(node, 'dst')),
            gateway: optionValue(node, 'gateway')[0],
            device: optionValue(node, 'device')[0],
            distance: Number(optionValue(node, 'distance')[0]),
        })),
        addresses: tableEntries(tree, firewallAddress).map(({ name, node }) => optionValue(node, 'type')[0] === 'iprange'
            ? { name, type: 'iprange', startIp: optionValue(node, 'start-ip')[0], endIp: optionValue(node, 'end-ip')[0] }
            : { name, type: 'ipmask', subnet: prefix(optionValue(node, 'subnet')) }),
        services: tableEntries(tree, firewallServiceCustom).map(({ name, node }) => ({
            name,
            protocol: optionValue(node, 'protocol')[0],
            tcp: optionValue(node, 'tcp-portrange').map(portRange),
            udp: optionValue(node, 'udp-portrange').map(portRange),
            protocolNumber: Number(optionValue(node, 'protocol-number')[0]),
        })),
        pools: tableEntries(tree, firewallIppool).map(({ name, node }) => ({
            name,
            type: 'overload',
            startIp: optionValue(node, 'startip')[0],
            endIp: optionValue(node, 'endip')[0],
        })),
        policies: tableEntries(tree, firewallPolicy).map(({ name, node }) => {
            const list = (o) => [...optionValue(node, o)];
            const on = (o) => optionValue(node, o)[0] === 'enable';
            return {
                id: Number(name),
                name: optionValue(node, 'name')[0],
                enabled: on('status'),
                srcintf: list('srcintf'),
                dstintf: list('dstintf'),
                srcaddr: list('srcaddr'),
                dstaddr: list('dstaddr'),
                service: list('service'),
                action: optionValue(node, 'action')[0],
                schedule: 'always',
                nat: on('nat'),
                ippool: on('ippool'),
                poolname: list('poolname'),
                tcpSessionWithoutSyn: on('tcp-session-without-syn'),
            };
        }),
        linkMonitors: tableEntries(tree, systemLinkMonitor).map(({ name, node }) => ({
            name,
            srcintf: optionValue(node, 'srcintf')[0],
            server: [...optionValue(node, 'server')],
            intervalMs: Number(optionValue(node, 'interval')[0]),
            failtime: Number(optionValue(node, 'failtime')[0]),
            recoverytime: Number(optionValue(node, 'recoverytime')[0]),
            haPriority: Number(optionValue(node, 'ha-priority')[0]),
        })),
    };
}
function check(ref, entry) {
    const values = optionValue(entry.node, ref.option);
    const bad = values.find((v) => v !== '' && v !== ref.builtin && !ref.known.includes(v));
    if (bad === undefined)
        return undefined;
    const schema = ref.section.node;
    if (schema.kind !== 'table')
        return undefined;
    const printed = findOption(schema.entry, ref.option)?.kind.print(values);
    return new ConfigError({
        code: 'rule',
        path: [`config ${sectionKey(ref.section.words)}`, entryHeader(schema, entry.name)],
        statement: `set ${ref.option}${printed ? ` ${printed}` : ''}`,
        option: ref.option,
        value: bad,
        reason: `${ref.label(entry.name)}: ${ref.option} ${bad} is not ${ref.what}`,
        choices: ref.builtin ? [ref.builtin, ...ref.known] : ref.known,
    });
}
function names(tree, section) {
    return tableEntries(tree, section).map((e) => e.name);
}
function prefix(values) {
    return { address: values[0], prefixLength: prefixLength(values[1]) ?? 0 };
}
function portRange(text) {
    const [low, high] = text.split('-').map(Number);
    return { low, high: high ?? low };
}
//# sourceMappingURL=data-plane-from-tree.js.map