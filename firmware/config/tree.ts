/**
 * The configuration tree: every section of the schema with every option's canonical value,
 * defaults included, so reading a value never needs the schema. Table entries keep their
 * order (policy order matters); options and nested blocks are keyed by name.
 *
 * Whole-config checks live here too: every section's cross-field rules, in tables for every
 * entry. They run when a file is loaded (errors then point at the line of the option
 * concerned) and before a console commit is saved.
 */
import { ConfigError } from './errors.js';
import {
  type ConfigSchema,
  entryHeader,
  findOption,
  type NodeSchema,
  optionDefault,
  type SchemaContext,
  type SectionSchema,
  sectionKey,
  type TopSection,
} from './schema.js';

export interface SectionNode {
  kind: 'section';
  options: Map<string, readonly string[]>;
  children: Map<string, ConfigNode>;
}

export interface TableEntry {
  name: string;
  node: SectionNode;
}

export interface TableNode {
  kind: 'table';
  entries: TableEntry[];
}

export type ConfigNode = SectionNode | TableNode;

/** Top-level sections by their words joined with a blank ("system ha"). */
export type ConfigTree = Map<string, ConfigNode>;

/** The entries of a top-level table (none when the tree lacks it). */
export function tableEntries(tree: ConfigTree, section: TopSection): TableEntry[] {
  const node = tree.get(sectionKey(section.words));
  return node?.kind === 'table' ? node.entries : [];
}

export function defaultTree(schema: ConfigSchema, ctx: SchemaContext): ConfigTree {
  return new Map(schema.sections.map((s) => [sectionKey(s.words), defaultNode(s.node, ctx)]));
}

export function defaultNode(schema: NodeSchema, ctx: SchemaContext): ConfigNode {
  if (schema.kind === 'section') return defaultSection(schema, ctx);
  return {
    kind: 'table',
    entries: (schema.defaultEntries ?? []).map((name) => ({ name, node: defaultSection(schema.entry, ctx) })),
  };
}

export function defaultSection(schema: SectionSchema, ctx: SchemaContext): SectionNode {
  return {
    kind: 'section',
    options: new Map(schema.options.map((o) => [o.name, [...optionDefault(o, ctx)]])),
    children: new Map(Object.entries(schema.children ?? {}).map(([name, child]) => [name, defaultNode(child, ctx)])),
  };
}

export function cloneTree(tree: ConfigTree): ConfigTree {
  return new Map([...tree].map(([key, node]) => [key, cloneNode(node)]));
}

export function cloneNode<T extends ConfigNode>(node: T): T;
export function cloneNode(node: ConfigNode): ConfigNode {
  if (node.kind === 'table')
    return { kind: 'table', entries: node.entries.map((e) => ({ name: e.name, node: cloneNode(e.node) })) };
  return {
    kind: 'section',
    options: new Map([...node.options].map(([k, v]) => [k, [...v]])),
    children: new Map([...node.children].map(([k, v]) => [k, cloneNode(v)])),
  };
}

export function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** A section's value; the tree always holds every option, so a miss is a programming error. */
export function optionValue(node: SectionNode, option: string): readonly string[] {
  const v = node.options.get(option);
  if (!v) throw new Error(`config tree: no option ${option}`);
  return v;
}

/** File lines of `set` statements and block headers, keyed by `lineKey`. */
export type SourceLines = Map<string, number>;

export function lineKey(path: readonly string[], option?: string): string {
  return option === undefined ? path.join('\n') : `${path.join('\n')}\n\0${option}`;
}

/**
 * Throws the first rule a section breaks, then the first whole-config check that fails, as a
 * ConfigError placed at the line of the statement concerned when `lines` knows it.
 */
export function validateTree(tree: ConfigTree, schema: ConfigSchema, ctx: SchemaContext, lines?: SourceLines): void {
  for (const section of schema.sections) {
    const node = tree.get(sectionKey(section.words));
    if (node) validateNode(section.node, node, [`config ${sectionKey(section.words)}`], ctx, lines);
  }
  for (const check of schema.checks ?? []) {
    const broken = check(tree);
    if (!broken) continue;
    const line = broken.option === undefined ? undefined : lines?.get(lineKey(broken.path, broken.option));
    throw broken.atLine(line ?? lines?.get(lineKey(broken.path)));
  }
}

function validateNode(schema: NodeSchema, node: ConfigNode, path: string[], ctx: SchemaContext, lines?: SourceLines): void {
  if (schema.kind === 'table') {
    if (node.kind !== 'table') return;
    for (const entry of node.entries) {
      validateSection(schema.entry, entry.node, [...path, entryHeader(schema, entry.name)], ctx, lines);
    }
  } else if (node.kind === 'section') {
    validateSection(schema, node, path, ctx, lines);
  }
}

function validateSection(
  schema: SectionSchema,
  node: SectionNode,
  path: string[],
  ctx: SchemaContext,
  lines?: SourceLines,
): void {
  for (const rule of schema.rules ?? []) {
    const broken = rule((option) => optionValue(node, option), ctx);
    if (!broken) continue;
    const printed = findOption(schema, broken.option)?.kind.print(optionValue(node, broken.option));
    throw new ConfigError({
      code: 'rule',
      line: lines?.get(lineKey(path, broken.option)) ?? lines?.get(lineKey(path)),
      path,
      statement: `set ${broken.option}${printed ? ` ${printed}` : ''}`,
      option: broken.option,
      value: broken.value,
      reason: broken.reason,
    });
  }
  for (const [name, child] of Object.entries(schema.children ?? {})) {
    const childNode = node.children.get(name);
    if (childNode) validateNode(child, childNode, [...path, `config ${name}`], ctx, lines);
  }
}
