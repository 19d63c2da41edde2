/**
 * `config system interface`: one entry per board port, keyed by the port name, with the
 * address, the services the unit answers on it and its role, named and defaulted as FortiOS.
 *
 * The entries of the board's `mgmt` port and of the ports `config ha-mgmt-interfaces` reserves
 * belong to the unit (REFERENCE.md: per-unit management, never synced): the shared config leaves
 * them out and the typed data plane marks them.
 */
import { enumKind, stringKind } from './kinds.js';
import { ipMaskKind, ipv6PrefixKind, keywordListKind, portKind } from './kinds-net.js';
import { perUnitInterface } from './schema-ha-mgmt.js';
export const ALLOW_ACCESS = ['ping', 'https', 'ssh', 'http', 'snmp'];
export const INTERFACE_ROLES = ['lan', 'wan', 'dmz', 'undefined'];
export const systemInterface = {
    words: ['system', 'interface'],
    help: 'Interfaces.',
    node: {
        kind: 'table',
        key: portKind(),
        perUnitEntry: perUnitInterface,
        entry: {
            kind: 'section',
            options: [
                { name: 'ip', kind: ipMaskKind(), default: ['0.0.0.0', '0.0.0.0'], help: 'IPv4 address and netmask.' },
                // FortiOS nests this as `config ipv6` / `set ip6-address`; one address per port here.
                { name: 'ip6-address', kind: ipv6PrefixKind(), default: ['::/0'], help: 'IPv6 address and prefix length.' },
                {
                    name: 'allowaccess',
                    kind: keywordListKind(ALLOW_ACCESS),
                    default: [],
                    help: 'Services the unit answers on this interface.',
                },
                {
                    name: 'role',
                    kind: enumKind(INTERFACE_ROLES),
                    default: ['undefined'],
                    help: 'Interface role: lan, wan, dmz or undefined.',
                },
                { name: 'alias', kind: stringKind({ max: 25 }), default: [''], help: 'A name for the interface.' },
            ],
        },
    },
};
//# sourceMappingURL=schema-interface.js.map