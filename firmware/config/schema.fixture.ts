/**
 * Shared by the config tests: the sim board's ports, a unit context, and the system schema
 * extended with tables of its own (a per-unit table nested in `system ha`, a `system interface`
 * table with a nested table) so tables and nested blocks are exercised through the same code as
 * the real sections.
 */
import { ConfigError } from './errors.js';
import { integerKind, ipv4Kind, type SchemaContext, stringKind } from './kinds.js';
import { type ConfigSchema, extendSchema, type SectionSchema, type TopSection } from './schema.js';
import { firmwareSchema, systemHa, systemSchema } from './schema-system.js';
import { treeFromText } from './tree-from-text.js';

export const ports = [
  { name: 'port1', role: 'data' },
  { name: 'port2', role: 'data' },
  { name: 'port3', role: 'sync' },
  { name: 'ha1', role: 'heartbeat' },
  { name: 'ha2', role: 'heartbeat' },
  { name: 'mgmt', role: 'mgmt' },
];

export const ctx: SchemaContext = { serial: 'TDM0000000001', ports };

/** The ConfigError the firmware schema raises for `text`; throws when the text loads. */
export function loadError(text: string): ConfigError {
  try {
    treeFromText(text, firmwareSchema, ctx);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`expected a ConfigError for:\n${text}`);
}

const interfaceEntry: SectionSchema = {
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

const haWithMgmt: TopSection = {
  words: systemHa.words,
  node: {
    ...(systemHa.node as SectionSchema),
    children: {
      'ha-mgmt-interfaces': {
        kind: 'table',
        key: integerKind(1, 4),
        perUnit: true,
        entry: {
          kind: 'section',
          options: [
            { name: 'interface', kind: stringKind({ max: 15 }), default: [''] },
            { name: 'gateway', kind: ipv4Kind(), default: ['0.0.0.0'] },
          ],
        },
      },
    },
  },
};

/** `system ha` with `config ha-mgmt-interfaces` (a per-unit table) plus a `system interface` table. */
export const tableSchema: ConfigSchema = extendSchema(systemSchema, haWithMgmt, {
  words: ['system', 'interface'],
  node: { kind: 'table', key: stringKind({ min: 1, max: 15 }), entry: interfaceEntry },
});
