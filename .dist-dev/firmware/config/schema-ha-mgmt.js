/**
 * Per-unit management, FortiOS's reserved management interfaces: `config ha-mgmt-interfaces`
 * inside `config system ha`, each entry a port with the routes (`dst` via `gateway`) that reach
 * this unit's own management address. Like the board's `mgmt` port, a reserved port belongs to
 * the unit: its `config system interface` entry is never synchronised (REFERENCE.md, "Not
 * synchronised by FGCP"). A reserved port carries no HA traffic, so it may not be an hbdev, a
 * monitored port nor a session-sync port.
 */
import { ConfigError } from './errors.js';
import { integerKind, ipv4Kind } from './kinds.js';
import { ipMaskKind, portKind } from './kinds-net.js';
import { quote } from './lexer.js';
import { entryHeader, sectionKey } from './schema.js';
import { optionValue } from './tree.js';
/** The words of `config system ha`, which holds the table (schema-system.ts builds the section with them). */
export const HA_WORDS = ['system', 'ha'];
/** The name of the nested table inside `config system ha`. */
export const HA_MGMT_TABLE = 'ha-mgmt-interfaces';
const needsInterface = (values) => values('interface')[0] === ''
    ? { option: 'interface', value: '', reason: 'a reserved management interface needs an interface' }
    : undefined;
export const haMgmtInterfaces = {
    kind: 'table',
    // FortiOS reserves at most four management interfaces per unit.
    key: integerKind(1, 4),
    perUnit: true,
    entry: {
        kind: 'section',
        options: [
            { name: 'interface', kind: portKind(), default: [''], help: 'The port reserved for managing this unit.' },
            {
                name: 'dst',
                kind: ipMaskKind(),
                default: ['0.0.0.0', '0.0.0.0'],
                help: 'Destination subnet reached through gateway (0.0.0.0 0.0.0.0: any).',
            },
            { name: 'gateway', kind: ipv4Kind(), default: ['0.0.0.0'], help: 'Gateway of the management route.' },
        ],
        rules: [needsInterface],
    },
};
function haNode(tree) {
    const node = tree.get(sectionKey(HA_WORDS));
    return node?.kind === 'section' ? node : undefined;
}
/** The `ha-mgmt-interfaces` entries of a tree, in their order (none when the tree lacks the table). */
export function haMgmtEntries(tree) {
    const table = haNode(tree)?.children.get(HA_MGMT_TABLE);
    return table?.kind === 'table' ? table.entries : [];
}
/** The ports the entries reserve, entries without an interface left out. */
export function reservedPorts(tree) {
    return haMgmtEntries(tree)
        .map((e) => e.node.options.get('interface')?.[0] ?? '')
        .filter((port) => port !== '');
}
/** The entry of a port whose board role is `mgmt`. */
function mgmtPortEntry(name, ctx) {
    return ctx.ports.some((p) => p.name === name && p.role === 'mgmt');
}
/** A `config system interface` entry that belongs to this unit: the board's mgmt port, or a reserved port. */
export function perUnitInterface(name, ctx, tree) {
    return mgmtPortEntry(name, ctx) || reservedPorts(tree).includes(name);
}
/** The HA options naming ports that carry HA traffic, and why a reserved port cannot be one of them. */
const HA_PORT_OPTIONS = [
    { option: 'hbdev', what: 'an hbdev', step: 2 },
    { option: 'monitor', what: 'a monitored port', step: 1 },
    { option: 'session-sync-dev', what: 'a session-sync-dev port', step: 1 },
];
/**
 * A reserved port is the unit's own way in: it carries no heartbeats, no monitored data and no
 * session sync, and one port is reserved once.
 */
export const reservedPortsFree = (tree) => {
    const ha = haNode(tree);
    if (!ha)
        return undefined;
    const seen = new Map();
    for (const entry of haMgmtEntries(tree)) {
        const port = entry.node.options.get('interface')?.[0] ?? '';
        if (port === '')
            continue;
        const broken = (reason) => new ConfigError({
            code: 'rule',
            path: [`config ${sectionKey(HA_WORDS)}`, `config ${HA_MGMT_TABLE}`, entryHeader(haMgmtInterfaces, entry.name)],
            statement: `set interface ${quote(port)}`,
            option: 'interface',
            value: port,
            reason,
        });
        const earlier = seen.get(port);
        if (earlier !== undefined)
            return broken(`port ${port} is reserved already by entry ${earlier}`);
        seen.set(port, entry.name);
        for (const { option, what, step } of HA_PORT_OPTIONS) {
            const ports = optionValue(ha, option).filter((_, i) => i % step === 0);
            if (ports.includes(port)) {
                return broken(`port ${port} is ${what} (set ${option}): a reserved management interface carries no HA traffic`);
            }
        }
    }
    return undefined;
};
//# sourceMappingURL=schema-ha-mgmt.js.map