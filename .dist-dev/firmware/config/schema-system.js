/**
 * `config system global` and `config system ha`: names, defaults and ranges as FortiOS has
 * them (shared/REFERENCE.md, "Timers and options"), plus the cross-field rules a cluster needs
 * before it can form. `firmwareSchema` adds the data-plane sections and the check that their
 * cross-references resolve.
 */
import { findBrokenReference } from './data-plane-from-tree.js';
import { enumKind, integerKind, ipv4Kind, passwordKind, portListKind, portPriorityKind, stringKind } from './kinds.js';
import { extendSchema, } from './schema.js';
import { needsAnAdmin, systemAdmin } from './schema-admin.js';
import { firewallAddress, firewallIppool, firewallPolicy, firewallServiceCustom } from './schema-firewall.js';
import { HA_MGMT_TABLE, HA_WORDS, haMgmtInterfaces, reservedPortsFree } from './schema-ha-mgmt.js';
import { systemInterface } from './schema-interface.js';
import { systemLinkMonitor } from './schema-link-monitor.js';
import { logSyslogdSetting } from './schema-log.js';
import { routerStatic } from './schema-router.js';
const enableDisable = enumKind(['enable', 'disable']);
export const systemGlobal = {
    words: ['system', 'global'],
    help: 'Global settings.',
    node: {
        kind: 'section',
        options: [
            {
                name: 'hostname',
                kind: stringKind({ min: 1, max: 35, chars: { test: /^[A-Za-z0-9._-]$/, text: "letters, digits, '-', '_', '.'" } }),
                default: (ctx) => [ctx.serial],
                perUnit: true,
                help: 'Host name of this unit (per unit, not synchronised).',
            },
            // FortiOS's defaults: three failed logins lock the login out for 60 seconds.
            {
                name: 'admin-lockout-threshold',
                kind: integerKind(1, 10),
                default: ['3'],
                help: 'Failed logins in a row before the login is locked out.',
            },
            {
                name: 'admin-lockout-duration',
                kind: integerKind(1, 2147483647),
                default: ['60'],
                help: 'Seconds a login lockout lasts.',
            },
        ],
    },
};
const portsOf = (values, option) => {
    const v = values(option);
    return option === 'hbdev' ? v.filter((_, i) => i % 2 === 0) : [...v];
};
/** A port list that may not name an hbdev, and why not. */
const noHbdevIn = (option, why) => (values) => {
    const hb = new Set(portsOf(values, 'hbdev'));
    const both = portsOf(values, option).find((p) => hb.has(p));
    return both === undefined ? undefined : { option, value: both, reason: `port ${both} is an hbdev: ${why}` };
};
/** A port that carries heartbeats is not also a monitored data port: losing it is not a data fault. */
const heartbeatNotMonitored = noHbdevIn('monitor', 'heartbeat ports are not monitored ports');
/** Beacons go on data ports: an hbdev already carries heartbeats, which say more. */
const beaconNotOnHeartbeat = noHbdevIn('data-beacon-dev', 'beacons go on data ports');
/** A bulk resync would queue heartbeats behind session records and get a healthy peer declared lost. */
const syncNotOnHeartbeat = noHbdevIn('session-sync-dev', 'session sync goes on data ports, where it cannot crowd out the heartbeats');
/**
 * FortiOS offers the other session-pickup options only once `session-pickup` is enabled: they
 * widen what TCP pickup syncs (REFERENCE.md, "Timers and options").
 */
const needsSessionPickup = (option) => (values) => values(option)[0] === 'enable' && values('session-pickup')[0] !== 'enable'
    ? { option, value: 'enable', reason: `${option} enable needs session-pickup enable` }
    : undefined;
/** The options that widen `session-pickup`, with their help. */
const PICKUP_OPTIONS = {
    'session-pickup-connectionless': 'Also synchronise UDP and ICMP sessions.',
    'session-pickup-expectation': 'Also synchronise expectation sessions.',
    'session-pickup-nat': 'Also synchronise NAT sessions.',
    'session-pickup-delay': 'Synchronise only sessions alive for more than 30 seconds.',
};
/** A cluster needs a way to hear its peer: a heartbeat device or unicast heartbeat. */
const clusterNeedsHeartbeat = (values) => {
    const mode = values('mode')[0];
    if (mode === 'standalone' || values('hbdev').length > 0 || values('unicast-hb')[0] === 'enable')
        return undefined;
    return { option: 'mode', value: mode, reason: `mode ${mode} needs at least one hbdev or unicast-hb enable` };
};
const unicastNeedsPeer = (values) => values('unicast-hb')[0] === 'enable' && values('unicast-hb-peerip')[0] === '0.0.0.0'
    ? { option: 'unicast-hb', value: 'enable', reason: 'unicast-hb enable needs unicast-hb-peerip set' }
    : undefined;
const authenticationNeedsPassword = (values) => values('authentication')[0] === 'enable' && values('password')[0] === ''
    ? { option: 'authentication', value: 'enable', reason: 'authentication enable needs a non-empty password' }
    : undefined;
export const systemHa = {
    words: HA_WORDS,
    help: 'HA (FGCP) cluster settings.',
    node: {
        kind: 'section',
        options: [
            {
                name: 'mode',
                kind: enumKind(['standalone', 'a-p', 'a-a'], {
                    standalone: 'No cluster: this unit alone.',
                    'a-p': 'Active-passive: the primary forwards, secondaries stand by.',
                    'a-a': 'Active-active: the primary also hands sessions to secondaries.',
                }),
                default: ['standalone'],
                help: 'HA mode: standalone, a-p (active-passive) or a-a (active-active). Must be the same on every member.',
            },
            // 255 at most: the virtual MAC carries the group id in one byte (REFERENCE.md, "Virtual MAC").
            {
                name: 'group-id',
                kind: integerKind(0, 255),
                default: ['0'],
                help: 'HA group ID (0-255). Must be the same on every member.',
            },
            {
                name: 'group-name',
                kind: stringKind({ max: 32 }),
                default: ['TANDEM-HA'],
                help: 'HA group name. Must be the same on every member.',
            },
            { name: 'password', kind: passwordKind(128), default: [''], help: 'HA group password. Must be the same on every member.' },
            {
                name: 'priority',
                kind: integerKind(0, 255),
                default: ['128'],
                perUnit: true,
                help: 'Priority of this unit in the election; the higher wins (per unit, not synchronised).',
            },
            {
                name: 'override',
                kind: enableDisable,
                default: ['disable'],
                perUnit: true,
                help: 'Let a higher priority win over a longer HA uptime (per unit, not synchronised).',
            },
            // Per unit, as in FortiOS: a unit taken out of sync stays out whatever the primary says.
            {
                name: 'sync-config',
                kind: enableDisable,
                default: ['enable'],
                perUnit: true,
                help: 'Take the configuration from the primary (per unit, not synchronised).',
            },
            {
                name: 'hbdev',
                kind: portPriorityKind(0, 512),
                default: [],
                help: 'Heartbeat ports and their priorities: "port" priority pairs.',
            },
            // Sessions go over the heartbeat link (UDP 708) while no sync port is named or none is up.
            {
                name: 'session-sync-dev',
                kind: portListKind(),
                default: [],
                help: 'Data ports that carry session sync (none: the heartbeat link).',
            },
            { name: 'monitor', kind: portListKind(), default: [], help: 'Data ports whose link loss triggers a failover.' },
            {
                name: 'hb-interval',
                kind: integerKind(1, 20),
                default: ['2'],
                help: 'Time between heartbeats, in units of hb-interval-in-milliseconds.',
            },
            {
                name: 'hb-interval-in-milliseconds',
                kind: enumKind(['100ms', '10ms']),
                default: ['100ms'],
                help: 'Unit of hb-interval: 100ms or 10ms.',
            },
            { name: 'hb-lost-threshold', kind: integerKind(1, 60), default: ['6'], help: 'Heartbeats missed before a peer is lost.' },
            {
                name: 'hello-holddown',
                kind: integerKind(5, 300),
                default: ['20'],
                help: 'Seconds in the hello state before a unit starts working.',
            },
            {
                name: 'ha-uptime-diff-margin',
                kind: integerKind(1, 65535),
                default: ['300'],
                help: 'HA uptimes closer than this (seconds) count as equal in the election.',
            },
            {
                name: 'authentication',
                kind: enableDisable,
                default: ['disable'],
                help: 'Authenticate heartbeat frames (HMAC-SHA-256 from the group password).',
            },
            {
                name: 'encryption',
                kind: enableDisable,
                default: ['disable'],
                help: 'Encrypt heartbeat frames (AES-256-GCM from the group password).',
            },
            {
                name: 'unicast-hb',
                kind: enableDisable,
                default: ['disable'],
                help: 'Also send heartbeats as unicast UDP to unicast-hb-peerip.',
            },
            // Per unit: each unit names the other one.
            {
                name: 'unicast-hb-peerip',
                kind: ipv4Kind(),
                default: ['0.0.0.0'],
                perUnit: true,
                help: 'The peer address of unicast heartbeats (per unit, not synchronised).',
            },
            { name: 'gratuitous-arps', kind: enableDisable, default: ['enable'], help: 'Send gratuitous ARPs after a failover.' },
            { name: 'arps', kind: integerKind(1, 60), default: ['5'], help: 'Gratuitous ARP rounds after a failover.' },
            { name: 'arps-interval', kind: integerKind(1, 20), default: ['8'], help: 'Seconds between gratuitous ARP rounds.' },
            { name: 'session-pickup', kind: enableDisable, default: ['disable'], help: 'Synchronise TCP sessions to the secondaries.' },
            ...Object.entries(PICKUP_OPTIONS).map(([name, help]) => ({ name, kind: enableDisable, default: ['disable'], help })),
            // Tandem's own: take over at once when every direct-cable heartbeat port loses carrier.
            {
                name: 'hb-carrier-failover',
                kind: enableDisable,
                default: ['disable'],
                help: 'Take over at once when every heartbeat port loses carrier (Tandem).',
            },
            // Tandem's own: a primary's beacon on data ports, to find a rival primary when every
            // heartbeat link is down (firmware/ha/beacons.ts). No ports named: every data port but
            // the hbdevs and those with role wan.
            {
                name: 'data-beacon',
                kind: enableDisable,
                default: ['enable'],
                help: 'A primary beacons on data ports to find a rival primary (Tandem).',
            },
            {
                name: 'data-beacon-dev',
                kind: portListKind(),
                default: [],
                help: 'Data ports that carry the beacon (none: every data port but wan and hbdev).',
            },
            { name: 'failover-hold-time', kind: integerKind(0, 300), default: ['0'], help: 'Minimum seconds between two failovers.' },
            {
                name: 'upgrade-mode',
                kind: enumKind(['simultaneous', 'uninterruptible', 'local-only', 'secondary-only']),
                default: ['uninterruptible'],
                help: 'How `execute restore image` on the primary upgrades the cluster.',
            },
            {
                name: 'pingserver-monitor-interface',
                kind: portListKind(),
                default: [],
                help: 'Ports whose link-monitor ping servers count towards failover.',
            },
            {
                name: 'pingserver-failover-threshold',
                kind: integerKind(0, 50),
                default: ['0'],
                help: 'Failed link-monitor weight that triggers a failover (0: any).',
            },
            {
                name: 'pingserver-flip-timeout',
                kind: integerKind(6, 2147483647),
                default: ['60'],
                help: 'Minutes before a remote link failure may fail over again.',
            },
            {
                name: 'ha-mgmt-status',
                kind: enableDisable,
                default: ['disable'],
                perUnit: true,
                help: 'Reserve management interfaces for this unit (config ha-mgmt-interfaces; per unit, not synchronised).',
            },
            {
                name: 'ha-direct',
                kind: enableDisable,
                default: ['disable'],
                help: 'Send syslog and other management traffic from the reserved management interface.',
            },
        ],
        children: { [HA_MGMT_TABLE]: haMgmtInterfaces },
        rules: [
            heartbeatNotMonitored,
            beaconNotOnHeartbeat,
            syncNotOnHeartbeat,
            clusterNeedsHeartbeat,
            unicastNeedsPeer,
            authenticationNeedsPassword,
            ...Object.keys(PICKUP_OPTIONS).map(needsSessionPickup),
        ],
    },
};
/** The HA sections alone: what the pair needs to form. */
export const systemSchema = { sections: [systemGlobal, systemHa], checks: [reservedPortsFree] };
/** Everything the firmware knows, in the order `show` prints it. */
export const firmwareSchema = extendSchema({ ...systemSchema, checks: [reservedPortsFree, findBrokenReference, needsAnAdmin] }, systemInterface, systemLinkMonitor, firewallAddress, firewallServiceCustom, firewallIppool, firewallPolicy, routerStatic, systemAdmin, logSyslogdSetting);
//# sourceMappingURL=schema-system.js.map