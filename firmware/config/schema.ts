/**
 * The schema model: which sections exist, which options each holds, their kinds, defaults and
 * cross-field rules. Sections are data: `config system interface` (a table), `config router
 * static` and `config firewall policy` are each a description in their own schema-*.ts, and
 * the parser, printer, editor and store handle every section without change.
 */
import type { ConfigError } from './errors.js';
import type { OptionKind, SchemaContext } from './kinds.js';
import type { ConfigTree } from './tree.js';

export type { OptionKind, SchemaContext } from './kinds.js';

export interface OptionSchema {
  name: string;
  kind: OptionKind;
  /** Canonical values (as `set` stores them); a function when it depends on the unit. */
  default: readonly string[] | ((ctx: SchemaContext) => readonly string[]);
  /** Belongs to this unit only: never synchronised to or from a cluster peer. */
  perUnit?: boolean;
  /** What `set ?` says about the option; without it, what the kind takes. */
  help?: string;
}

/** A broken cross-field rule, named by the option an operator should look at. */
export interface RuleViolation {
  option: string;
  value?: string;
  reason: string;
}

/** Reads a section's current values, defaults included. */
export type OptionValues = (option: string) => readonly string[];

/** A cross-field rule of one section (or table entry), checked on commit and on load. */
export type SectionRule = (values: OptionValues, ctx: SchemaContext) => RuleViolation | undefined;

/** Options set directly: `config system ha` ... `set mode a-p` ... `end`. */
export interface SectionSchema {
  kind: 'section';
  options: readonly OptionSchema[];
  /** Nested `config <name>` blocks, e.g. `config ha-mgmt-interfaces` inside `config system ha`. */
  children?: Readonly<Record<string, NodeSchema>>;
  rules?: readonly SectionRule[];
  perUnit?: boolean;
}

/** Named entries: `config system interface` ... `edit "port1"` ... `next` ... `end`. */
export interface TableSchema {
  kind: 'table';
  /** How entry names are checked and written: a string kind (`edit "port1"`) or an integer kind (`edit 1`). */
  key: OptionKind;
  entry: SectionSchema;
  perUnit?: boolean;
  /**
   * Entries that belong to this unit only (the board's mgmt port, the reserved management
   * interfaces), when the rest of the table is shared; `tree` is the whole config the table is in.
   */
  perUnitEntry?: (name: string, ctx: SchemaContext, tree: ConfigTree) => boolean;
  /** Entries a unit has before any config (FortiOS's `admin`), each with its defaults. */
  defaultEntries?: readonly string[];
  /** The order of entries means something (policies match first to last): `move` reorders them. */
  ordered?: boolean;
}

export type NodeSchema = SectionSchema | TableSchema;

/** A top-level section, named by the words after `config`. */
export interface TopSection {
  words: readonly string[];
  node: NodeSchema;
  /** What `config ?` says about the section. */
  help?: string;
}

/**
 * A rule spanning sections (a policy naming an address that must exist). Returns the first
 * violation as a ConfigError whose path and option point at the offending statement; the
 * file line is filled in by the caller.
 */
export type ConfigCheck = (tree: ConfigTree) => ConfigError | undefined;

export interface ConfigSchema {
  /** In the order `show` prints them. */
  sections: readonly TopSection[];
  /** Whole-config checks, run after every section's own rules. */
  checks?: readonly ConfigCheck[];
}

export function sectionKey(words: readonly string[]): string {
  return words.join(' ');
}

export function sectionNames(schema: ConfigSchema): string[] {
  return schema.sections.map((s) => sectionKey(s.words));
}

export function findSection(schema: ConfigSchema, words: readonly string[]): TopSection | undefined {
  const key = sectionKey(words);
  return schema.sections.find((s) => sectionKey(s.words) === key);
}

/** Adds sections to a schema (its checks kept); a section with the same words replaces the earlier one in place. */
export function extendSchema(base: ConfigSchema, ...sections: TopSection[]): ConfigSchema {
  const byKey = new Map(sections.map((s) => [sectionKey(s.words), s]));
  const kept = base.sections.map((s) => byKey.get(sectionKey(s.words)) ?? s);
  const known = new Set(base.sections.map((s) => sectionKey(s.words)));
  return { ...base, sections: [...kept, ...sections.filter((s) => !known.has(sectionKey(s.words)))] };
}

export function findOption(section: SectionSchema, name: string): OptionSchema | undefined {
  return section.options.find((o) => o.name === name);
}

export function optionNames(section: SectionSchema): string[] {
  return section.options.map((o) => o.name);
}

export function childNames(section: SectionSchema): string[] {
  return Object.keys(section.children ?? {});
}

/** What `set ?` lists beside an option: its help, or what its kind takes. */
export function optionHelp(option: OptionSchema, ctx: SchemaContext): string {
  return option.help ?? option.kind.suggest([], ctx).free?.help ?? '';
}

export function optionDefault(option: OptionSchema, ctx: SchemaContext): readonly string[] {
  return typeof option.default === 'function' ? option.default(ctx) : option.default;
}

/** `edit "port1"` or `edit 1`, as the key kind writes the name. */
export function entryHeader(schema: TableSchema, name: string): string {
  return `edit ${schema.key.print([name]) ?? name}`;
}

/** `ha` for `config system ha`: the prompt context FortiOS shows while editing a section. */
export function sectionLabel(section: TopSection): string {
  return section.words[section.words.length - 1];
}
