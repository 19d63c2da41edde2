/**
 * `config log syslogd setting`: the remote syslog server events are sent to, with FortiOS's
 * names and defaults (disabled, port 514, facility local7, format default). FortiOS's csv and
 * cef formats are not offered: SIEMs take rfc5424.
 */
import { SYSLOG_FACILITY, SYSLOG_FORMATS } from '../log/syslog-format.js';
import { enumKind, integerKind, ipv4Kind } from './kinds.js';
const needsServer = (values) => values('status')[0] === 'enable' && values('server')[0] === '0.0.0.0'
    ? { option: 'server', value: '0.0.0.0', reason: 'syslog needs a server address when status is enable' }
    : undefined;
export const logSyslogdSetting = {
    words: ['log', 'syslogd', 'setting'],
    help: 'Remote syslog server.',
    node: {
        kind: 'section',
        options: [
            { name: 'status', kind: enumKind(['enable', 'disable']), default: ['disable'], help: 'Send events to the syslog server.' },
            { name: 'server', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'Address of the syslog server.' },
            { name: 'port', kind: integerKind(1, 65535), default: ['514'], help: 'UDP port of the syslog server.' },
            {
                name: 'facility',
                kind: enumKind(Object.keys(SYSLOG_FACILITY)),
                default: ['local7'],
                help: 'Syslog facility of the messages.',
            },
            {
                name: 'format',
                kind: enumKind(SYSLOG_FORMATS, {
                    default: 'FortiOS key=value lines.',
                    rfc5424: 'RFC 5424, with the fields as structured data.',
                }),
                default: ['default'],
                help: 'Message format.',
            },
        ],
        rules: [needsServer],
    },
};
//# sourceMappingURL=schema-log.js.map