/**
 * Shared by the config tests: the sim board's ports, a unit context, and the system schema
 * (whose `system ha` nests the per-unit `config ha-mgmt-interfaces` table) extended with a
 * `system interface` table of its own with a nested table, so tables and nested blocks are
 * exercised through the same code as the real sections.
 */
import { ConfigError } from './errors.js';
import { integerKind, ipv4Kind, stringKind } from './kinds.js';
import { extendSchema } from './schema.js';
import { firmwareSchema, systemSchema } from './schema-system.js';
import { treeFromText } from './tree-from-text.js';
export const ports = [
    { name: 'port1', role: 'data' },
    { name: 'port2', role: 'data' },
    { name: 'port3', role: 'sync' },
    { name: 'ha1', role: 'heartbeat' },
    { name: 'ha2', role: 'heartbeat' },
    { name: 'mgmt', role: 'mgmt' },
];
export const ctx = { serial: 'TDM0000000001', ports };
/** The ConfigError the firmware schema raises for `text`; throws when the text loads. */
export function loadError(text) {
    try {
        treeFromText(text, firmwareSchema, ctx);
    }
    catch (err) {
        if (err instanceof ConfigError)
            return err;
        throw err;
    }
    throw new Error(`expected a ConfigError for:\n${text}`);
}
const interfaceEntry = {
    kind: 'section',
    options: [
        { name: 'ip', kind: ipv4Kind(), default: ['0.0.0.0'] },
        { name: 'alias', kind: stringKind({ max: 25 }), default: [''] },
        { name: 'mtu', kind: integerKind(68, 9216), default: ['1500'] },
    ],
    children: {
        secondaryip: {
            kind: 'table',
            key: integerKind(1, 32),
            entry: { kind: 'section', options: [{ name: 'ip', kind: ipv4Kind(), default: ['0.0.0.0'] }] },
        },
    },
};
/** The HA sections plus a `system interface` table. */
export const tableSchema = extendSchema(systemSchema, {
    words: ['system', 'interface'],
    node: { kind: 'table', key: stringKind({ min: 1, max: 15 }), entry: interfaceEntry },
});
//# sourceMappingURL=schema.fixture.js.map