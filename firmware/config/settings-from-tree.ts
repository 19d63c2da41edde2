/**
 * The typed values the runtime uses, read from a checked tree. The tree holds every option
 * with its default filled in and already validated, so this only converts.
 */
import type { HaMode, HaSettings, HbDev } from '../ha/settings.js';
import { sectionKey } from './schema.js';
import { systemGlobal, systemHa } from './schema-system.js';
import { type ConfigTree, optionValue, type SectionNode } from './tree.js';

export function haSettingsFromTree(tree: ConfigTree): HaSettings {
  const ha = section(tree, systemHa.words);
  const one = (option: string): string => optionValue(ha, option)[0];
  const int = (option: string): number => Number(one(option));
  const on = (option: string): boolean => one(option) === 'enable';
  const hbdevValues = optionValue(ha, 'hbdev');
  const hbdev: HbDev[] = [];
  for (let i = 0; i < hbdevValues.length; i += 2) hbdev.push({ port: hbdevValues[i], priority: Number(hbdevValues[i + 1]) });
  return {
    mode: one('mode') as HaMode,
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
    pingserverMonitorInterface: [...optionValue(ha, 'pingserver-monitor-interface')],
    pingserverFailoverThreshold: int('pingserver-failover-threshold'),
    pingserverFlipTimeoutMin: int('pingserver-flip-timeout'),
  };
}

export function hostnameFromTree(tree: ConfigTree): string {
  return optionValue(section(tree, systemGlobal.words), 'hostname')[0];
}

function section(tree: ConfigTree, words: readonly string[]): SectionNode {
  const node = tree.get(sectionKey(words));
  if (node?.kind !== 'section') throw new Error(`config tree: no section ${sectionKey(words)}`);
  return node;
}
