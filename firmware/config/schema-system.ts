/**
 * `config system global` and `config system ha`: names, defaults and ranges as FortiOS has
 * them (shared/REFERENCE.md, "Timers and options"), plus the cross-field rules a cluster needs
 * before it can form. `firmwareSchema` adds the data-plane sections and the check that their
 * cross-references resolve.
 */
import { findBrokenReference } from './data-plane-from-tree.js';
import { enumKind, integerKind, ipv4Kind, passwordKind, portListKind, portPriorityKind, stringKind } from './kinds.js';
import {
  type ConfigSchema,
  extendSchema,
  type OptionValues,
  type RuleViolation,
  type SectionRule,
  type TopSection,
} from './schema.js';
import { firewallAddress, firewallIppool, firewallPolicy, firewallServiceCustom } from './schema-firewall.js';
import { systemInterface } from './schema-interface.js';
import { systemLinkMonitor } from './schema-link-monitor.js';
import { routerStatic } from './schema-router.js';

const enableDisable = enumKind(['enable', 'disable']);

export const systemGlobal: TopSection = {
  words: ['system', 'global'],
  node: {
    kind: 'section',
    options: [
      {
        name: 'hostname',
        kind: stringKind({ min: 1, max: 35, chars: { test: /^[A-Za-z0-9._-]$/, text: "letters, digits, '-', '_', '.'" } }),
        default: (ctx) => [ctx.serial],
        perUnit: true,
      },
    ],
  },
};

type PortListOption = 'hbdev' | 'monitor' | 'data-beacon-dev' | 'session-sync-dev';

const portsOf = (values: OptionValues, option: PortListOption): string[] => {
  const v = values(option);
  return option === 'hbdev' ? v.filter((_, i) => i % 2 === 0) : [...v];
};

/** A port list that may not name an hbdev, and why not. */
const noHbdevIn =
  (option: Exclude<PortListOption, 'hbdev'>, why: string): SectionRule =>
  (values) => {
    const hb = new Set(portsOf(values, 'hbdev'));
    const both = portsOf(values, option).find((p) => hb.has(p));
    return both === undefined ? undefined : { option, value: both, reason: `port ${both} is an hbdev: ${why}` };
  };

/** A port that carries heartbeats is not also a monitored data port: losing it is not a data fault. */
const heartbeatNotMonitored = noHbdevIn('monitor', 'heartbeat ports are not monitored ports');

/** Beacons go on data ports: an hbdev already carries heartbeats, which say more. */
const beaconNotOnHeartbeat = noHbdevIn('data-beacon-dev', 'beacons go on data ports');

/** A bulk resync would queue heartbeats behind session records and get a healthy peer declared lost. */
const syncNotOnHeartbeat = noHbdevIn(
  'session-sync-dev',
  'session sync goes on data ports, where it cannot crowd out the heartbeats',
);

/**
 * FortiOS offers the other session-pickup options only once `session-pickup` is enabled: they
 * widen what TCP pickup syncs (REFERENCE.md, "Timers and options").
 */
const needsSessionPickup =
  (option: string): SectionRule =>
  (values) =>
    values(option)[0] === 'enable' && values('session-pickup')[0] !== 'enable'
      ? { option, value: 'enable', reason: `${option} enable needs session-pickup enable` }
      : undefined;

/** The options that widen `session-pickup`. */
const PICKUP_OPTIONS = [
  'session-pickup-connectionless',
  'session-pickup-expectation',
  'session-pickup-nat',
  'session-pickup-delay',
] as const;

/** A cluster needs a way to hear its peer: a heartbeat device or unicast heartbeat. */
const clusterNeedsHeartbeat: SectionRule = (values) => {
  const mode = values('mode')[0];
  if (mode === 'standalone' || values('hbdev').length > 0 || values('unicast-hb')[0] === 'enable') return undefined;
  return { option: 'mode', value: mode, reason: `mode ${mode} needs at least one hbdev or unicast-hb enable` };
};

const unicastNeedsPeer: SectionRule = (values): RuleViolation | undefined =>
  values('unicast-hb')[0] === 'enable' && values('unicast-hb-peerip')[0] === '0.0.0.0'
    ? { option: 'unicast-hb', value: 'enable', reason: 'unicast-hb enable needs unicast-hb-peerip set' }
    : undefined;

const authenticationNeedsPassword: SectionRule = (values) =>
  values('authentication')[0] === 'enable' && values('password')[0] === ''
    ? { option: 'authentication', value: 'enable', reason: 'authentication enable needs a non-empty password' }
    : undefined;

export const systemHa: TopSection = {
  words: ['system', 'ha'],
  node: {
    kind: 'section',
    options: [
      { name: 'mode', kind: enumKind(['standalone', 'a-p', 'a-a']), default: ['standalone'] },
      // 255 at most: the virtual MAC carries the group id in one byte (REFERENCE.md, "Virtual MAC").
      { name: 'group-id', kind: integerKind(0, 255), default: ['0'] },
      { name: 'group-name', kind: stringKind({ max: 32 }), default: ['TANDEM-HA'] },
      { name: 'password', kind: passwordKind(128), default: [''] },
      { name: 'priority', kind: integerKind(0, 255), default: ['128'], perUnit: true },
      { name: 'override', kind: enableDisable, default: ['disable'], perUnit: true },
      { name: 'hbdev', kind: portPriorityKind(0, 512), default: [] },
      // Sessions go over the heartbeat link (UDP 708) while no sync port is named or none is up.
      { name: 'session-sync-dev', kind: portListKind(), default: [] },
      { name: 'monitor', kind: portListKind(), default: [] },
      { name: 'hb-interval', kind: integerKind(1, 20), default: ['2'] },
      { name: 'hb-interval-in-milliseconds', kind: enumKind(['100ms', '10ms']), default: ['100ms'] },
      { name: 'hb-lost-threshold', kind: integerKind(1, 60), default: ['6'] },
      { name: 'hello-holddown', kind: integerKind(5, 300), default: ['20'] },
      { name: 'ha-uptime-diff-margin', kind: integerKind(1, 65535), default: ['300'] },
      { name: 'authentication', kind: enableDisable, default: ['disable'] },
      { name: 'encryption', kind: enableDisable, default: ['disable'] },
      { name: 'unicast-hb', kind: enableDisable, default: ['disable'] },
      { name: 'unicast-hb-peerip', kind: ipv4Kind(), default: ['0.0.0.0'] },
      { name: 'gratuitous-arps', kind: enableDisable, default: ['enable'] },
      { name: 'arps', kind: integerKind(1, 60), default: ['5'] },
      { name: 'arps-interval', kind: integerKind(1, 20), default: ['8'] },
      { name: 'session-pickup', kind: enableDisable, default: ['disable'] },
      ...PICKUP_OPTIONS.map((name) => ({ name, kind: enableDisable, default: ['disable'] })),
      // Tandem's own: take over at once when every direct-cable heartbeat port loses carrier.
      { name: 'hb-carrier-failover', kind: enableDisable, default: ['disable'] },
      // Tandem's own: a primary's beacon on data ports, to find a rival primary when every
      // heartbeat link is down (firmware/ha/beacons.ts). No ports named: every data port but
      // the hbdevs and those with role wan.
      { name: 'data-beacon', kind: enableDisable, default: ['enable'] },
      { name: 'data-beacon-dev', kind: portListKind(), default: [] },
      { name: 'failover-hold-time', kind: integerKind(0, 300), default: ['0'] },
      { name: 'pingserver-monitor-interface', kind: portListKind(), default: [] },
      { name: 'pingserver-failover-threshold', kind: integerKind(0, 50), default: ['0'] },
      { name: 'pingserver-flip-timeout', kind: integerKind(6, 2147483647), default: ['60'] },
    ],
    rules: [
      heartbeatNotMonitored,
      beaconNotOnHeartbeat,
      syncNotOnHeartbeat,
      clusterNeedsHeartbeat,
      unicastNeedsPeer,
      authenticationNeedsPassword,
      ...PICKUP_OPTIONS.map(needsSessionPickup),
    ],
  },
};

/** The HA sections alone: what the pair needs to form. */
export const systemSchema: ConfigSchema = { sections: [systemGlobal, systemHa] };

/** Everything the firmware knows, in the order `show` prints it. */
export const firmwareSchema: ConfigSchema = extendSchema(
  { ...systemSchema, checks: [findBrokenReference] },
  systemInterface,
  systemLinkMonitor,
  firewallAddress,
  firewallServiceCustom,
  firewallIppool,
  firewallPolicy,
  routerStatic,
);
