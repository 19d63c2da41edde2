/** What the syslog sender needs from `config log syslogd setting`. */
import { SYSLOG_FORMATS } from '../log/syslog-format.js';
import { sectionKey } from './schema.js';
import { logSyslogdSetting } from './schema-log.js';
import { optionValue } from './tree.js';
export function syslogSettingsFromTree(tree) {
    const node = tree.get(sectionKey(logSyslogdSetting.words));
    if (node?.kind !== 'section')
        throw new Error('config tree: no section log syslogd setting');
    const format = optionValue(node, 'format')[0];
    return {
        enabled: optionValue(node, 'status')[0] === 'enable',
        server: optionValue(node, 'server')[0],
        port: Number(optionValue(node, 'port')[0]),
        facility: optionValue(node, 'facility')[0],
        format: SYSLOG_FORMATS.includes(format) ? format : 'default',
    };
}
//# sourceMappingURL=syslog-settings.js.map