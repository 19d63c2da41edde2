import { prefixLength } from './kinds-net.js';
import { sectionKey } from './schema.js';
import { haMgmtEntries, reservedPorts } from './schema-ha-mgmt.js';
import { systemInterface } from './schema-interface.js';
import { systemGlobal, systemHa } from './schema-system.js';
import { optionValue, tableEntries } from './tree.js';
export function haSettingsFromTree(tree, ctx) {
    const ha = section(tree, systemHa.words);
    const one = (option) => optionValue(ha, option)[0];
    const int = (option) => Number(one(option));
    const on = (option) => one(option) === 'enable';
    const hbdevValues = optionValue(ha, 'hbdev');
    const hbdev = [];
    for (let i = 0; i < hbdevValues.length; i += 2)
        hbdev.push({ port: hbdevValues[i], priority: Number(hbdevValues[i + 1]) });
    return {
        mode: one('mode'),
        groupId: int('group-id'),
        groupName: one('group-name'),
        password: one('password'),
        priority: int('priority'),
        override: on('override'),
        hbdev,
        monitor: [...optionValue(ha, 'monitor')],
        hbInterval: int('hb-interval'),
        hbIntervalUnitMs: one('hb-interval-in-milliseconds') === '10ms' ? 10 : 100,
        hbLostThreshold: int('hb-lost-threshold'),
        helloHolddownS: int('hello-holddown'),
        uptimeDiffMarginS: int('ha-uptime-diff-margin'),
        authentication: on('authentication'),
        encryption: on('encryption'),
        unicastHb: on('unicast-hb'),
        unicastHbPeerip: one('unicast-hb-peerip'),
        gratuitousArps: on('gratuitous-arps'),
        arps: int('arps'),
        arpsIntervalS: int('arps-interval'),
        hbCarrierFailover: on('hb-carrier-failover'),
        dataBeaconDev: on('data-beacon') ? dataBeaconPorts(tree, ctx, optionValue(ha, 'data-beacon-dev'), hbdev) : [],
        failoverHoldTimeS: int('failover-hold-time'),
        upgradeMode: one('upgrade-mode'),
        pingserverMonitorInterface: [...optionValue(ha, 'pingserver-monitor-interface')],
        pingserverFailoverThreshold: int('pingserver-failover-threshold'),
        pingserverFlipTimeoutMin: int('pingserver-flip-timeout'),
        sessionPickup: {
            tcp: on('session-pickup'),
            connectionless: on('session-pickup-connectionless'),
            expectation: on('session-pickup-expectation'),
            nat: on('session-pickup-nat'),
            delay: on('session-pickup-delay'),
        },
        sessionSyncDev: [...optionValue(ha, 'session-sync-dev')],
        syncConfig: on('sync-config'),
        haMgmtStatus: on('ha-mgmt-status'),
        mgmtInterfaces: haMgmtEntries(tree).map(({ name, node }) => {
            const [address, mask] = optionValue(node, 'dst');
            return {
                id: Number(name),
                interface: optionValue(node, 'interface')[0],
                dst: `${address}/${prefixLength(mask)}`,
                gateway: optionValue(node, 'gateway')[0],
            };
        }),
        haDirect: on('ha-direct'),
    };
}
/**
 * The ports a primary beacons on: those `data-beacon-dev` names, or by default every data port
 * of the board that is neither an hbdev, an interface with role wan (beacons stay off the
 * outside world unless named) nor a reserved management interface (the unit's own).
 */
function dataBeaconPorts(tree, ctx, named, hbdev) {
    if (named.length > 0)
        return [...named];
    const wanPorts = tableEntries(tree, systemInterface)
        // A schema without interface roles (the config tests' own tables) has no wan ports.
        .filter((e) => e.node.options.get('role')?.[0] === 'wan')
        .map((e) => e.name);
    const skip = new Set([...wanPorts, ...reservedPorts(tree), ...hbdev.map((h) => h.port)]);
    return ctx.ports.filter((p) => p.role === 'data' && !skip.has(p.name)).map((p) => p.name);
}
export function hostnameFromTree(tree) {
    return optionValue(section(tree, systemGlobal.words), 'hostname')[0];
}
function section(tree, words) {
    const node = tree.get(sectionKey(words));
    if (node?.kind !== 'section')
        throw new Error(`config tree: no section ${sectionKey(words)}`);
    return node;
}
//# sourceMappingURL=settings-from-tree.js.map