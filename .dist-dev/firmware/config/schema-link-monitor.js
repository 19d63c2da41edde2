/**
 * `config system link-monitor`: ping servers behind a port, for remote link failover. Its
 * `srcintf` must name a configured interface (data-plane-from-tree.ts checks that).
 * `ha-priority` is the weight a failed monitor adds towards `pingserver-failover-threshold`;
 * as in FortiOS it belongs to each unit and is not synchronised.
 */
import { integerKind, stringKind } from './kinds.js';
import { ipv4ListKind, portKind } from './kinds-net.js';
const linkMonitorComplete = (values) => {
    if (values('srcintf')[0] === '')
        return { option: 'srcintf', value: '', reason: 'a link monitor needs a srcintf' };
    return values('server').length === 0 ? { option: 'server', value: '', reason: 'a link monitor needs a server' } : undefined;
};
export const systemLinkMonitor = {
    words: ['system', 'link-monitor'],
    help: 'Remote link monitors (ping servers).',
    node: {
        kind: 'table',
        key: stringKind({ min: 1, max: 35 }),
        entry: {
            kind: 'section',
            options: [
                { name: 'srcintf', kind: portKind(), default: [''], help: 'Port the ping servers are reached through.' },
                { name: 'server', kind: ipv4ListKind(), default: [], help: 'Ping server addresses.' },
                { name: 'interval', kind: integerKind(20, 3600000), default: ['500'], help: 'Milliseconds between pings.' },
                { name: 'failtime', kind: integerKind(1, 3600), default: ['5'], help: 'Lost pings before the link is down.' },
                { name: 'recoverytime', kind: integerKind(1, 3600), default: ['5'], help: 'Answered pings before the link is up again.' },
                {
                    name: 'ha-priority',
                    kind: integerKind(1, 50),
                    default: ['1'],
                    perUnit: true,
                    help: 'Weight of this monitor towards pingserver-failover-threshold (per unit).',
                },
            ],
            rules: [linkMonitorComplete],
        },
    },
};
//# sourceMappingURL=schema-link-monitor.js.map