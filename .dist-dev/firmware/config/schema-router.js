/**
 * `config router static`: routes keyed by sequence number, FortiOS names and defaults (a new
 * entry is a default route with distance 10). Whether `device` is a configured interface is
 * checked across sections (data-plane-from-tree.ts).
 */
import { enumKind, integerKind, ipv4Kind } from './kinds.js';
import { ipMaskKind, portKind } from './kinds-net.js';
const needsDevice = (values) => values('device')[0] === '' ? { option: 'device', value: '', reason: 'a static route needs a device' } : undefined;
export const routerStatic = {
    words: ['router', 'static'],
    help: 'Static routes.',
    node: {
        kind: 'table',
        key: integerKind(1, 4294967295),
        entry: {
            kind: 'section',
            options: [
                { name: 'status', kind: enumKind(['enable', 'disable']), default: ['enable'], help: 'Enable or disable the route.' },
                { name: 'dst', kind: ipMaskKind(), default: ['0.0.0.0', '0.0.0.0'], help: 'Destination address and netmask.' },
                { name: 'gateway', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'Gateway address.' },
                { name: 'distance', kind: integerKind(1, 255), default: ['10'], help: 'Administrative distance (the route metric).' },
                { name: 'device', kind: portKind(), default: [''], help: 'Outgoing port.' },
            ],
            rules: [needsDevice],
        },
    },
};
//# sourceMappingURL=schema-router.js.map