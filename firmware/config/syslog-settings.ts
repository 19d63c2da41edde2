/** What the syslog sender needs from `config log syslogd setting`. */
import { SYSLOG_FORMATS, type SyslogFormat } from '../log/syslog-format.js';
import { sectionKey } from './schema.js';
import { logSyslogdSetting } from './schema-log.js';
import { type ConfigTree, optionValue } from './tree.js';

export interface SyslogSettings {
  enabled: boolean;
  server: string;
  port: number;
  facility: string;
  format: SyslogFormat;
}

export function syslogSettingsFromTree(tree: ConfigTree): SyslogSettings {
  const node = tree.get(sectionKey(logSyslogdSetting.words));
  if (node?.kind !== 'section') throw new Error('config tree: no section log syslogd setting');
  const format = optionValue(node, 'format')[0] as SyslogFormat;
  return {
    enabled: optionValue(node, 'status')[0] === 'enable',
    server: optionValue(node, 'server')[0] as string,
    port: Number(optionValue(node, 'port')[0]),
    facility: optionValue(node, 'facility')[0] as string,
    format: SYSLOG_FORMATS.includes(format) ? format : 'default',
  };
}
