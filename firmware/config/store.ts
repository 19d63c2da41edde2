/**
 * The unit's configuration: loaded once at start (a bad file stops the firmware, so a unit
 * never runs a config it misread), shown and edited from the console, saved atomically on
 * every commit, and announced to listeners (the HA runtime re-reads its settings).
 */

import type { StorageDevice } from '../../hal/storage/index.js';
import type { ConfigAccess, ConfigEditorSession, SectionInfo } from './api.js';
import type { DataPlaneConfig } from './data-plane.js';
import { dataPlaneFromTree } from './data-plane-from-tree.js';
import { createEditor, explain } from './editor.js';
import { ConfigError } from './errors.js';
import type { HaSettings } from './ha-settings.js';
import { type LoginSettings, loginSettingsFromTree } from './login-settings.js';
import { printSection, printTree } from './printer.js';
import { type ConfigSchema, findSection, type SchemaContext, sectionKey, sectionNames, type TopSection } from './schema.js';
import { firmwareSchema } from './schema-system.js';
import { haSettingsFromTree, hostnameFromTree } from './settings-from-tree.js';
import { type SyslogSettings, syslogSettingsFromTree } from './syslog-settings.js';
import { type ConfigNode, type ConfigTree, cloneNode, cloneTree, defaultTree, validateTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';

/** First line of the saved file, as FortiOS starts its files; the parser skips it as a comment. */
const FILE_HEADER = '#config-version=tandem-1\n';

export interface ConfigStoreOptions {
  storage: StorageDevice;
  /** The config file (the board's `storage.config`). */
  path: string;
  /** The board's front-panel ports: the names port options accept. */
  ports: readonly { name: string; role: string }[];
  /** The unit's serial number: the default hostname. */
  serial: string;
  /** Sections and whole-config checks known; `firmwareSchema` (HA and data plane) unless given. */
  schema?: ConfigSchema;
}

export class ConfigStore implements ConfigAccess {
  private readonly storage: StorageDevice;
  private readonly path: string;
  private readonly schema: ConfigSchema;
  private readonly ctx: SchemaContext;
  private readonly listeners: (() => void)[] = [];
  private tree: ConfigTree;
  private ha: HaSettings;
  private host: string;

  constructor(opts: ConfigStoreOptions) {
    this.storage = opts.storage;
    this.path = opts.path;
    this.schema = opts.schema ?? firmwareSchema;
    this.ctx = { serial: opts.serial, ports: opts.ports.map((p) => ({ name: p.name, role: p.role })) };
    this.tree = defaultTree(this.schema, this.ctx);
    this.ha = haSettingsFromTree(this.tree, this.ctx);
    this.host = hostnameFromTree(this.tree);
  }

  /** Reads the file; a missing file means all defaults. Throws ConfigError (with the line) for a bad file. */
  load(): void {
    const text = this.storage.read(this.path);
    this.adopt(text === undefined ? defaultTree(this.schema, this.ctx) : treeFromText(text, this.schema, this.ctx));
  }

  hostname(): string {
    return this.host;
  }

  /** Interfaces, routes and firewall objects, as the data plane applies them. */
  dataPlane(): DataPlaneConfig {
    return dataPlaneFromTree(this.tree, this.ctx);
  }

  /** A copy: the caller may keep or change it without touching the store's. */
  haSettings(): HaSettings {
    return structuredClone(this.ha);
  }

  sections(): readonly SectionInfo[] {
    return this.schema.sections.map((s) => ({ words: s.words, help: s.help ?? `Configure ${sectionKey(s.words)}.` }));
  }

  login(): LoginSettings {
    return loginSettingsFromTree(this.tree);
  }

  /** `config log syslogd setting`, for the syslog sender. */
  syslog(): SyslogSettings {
    return syslogSettingsFromTree(this.tree);
  }

  /** The whole config, or the sections whose names start with `words` (`show system`). */
  show(words: readonly string[], full: boolean): string {
    const sections = this.schema.sections.filter((s) => words.every((w, i) => s.words[i] === w));
    if (sections.length === 0) return this.unknownSection(words);
    return sections.map((s) => printSection(s, this.tree, this.ctx, { full })).join('');
  }

  beginEdit(words: readonly string[]): ConfigEditorSession | string {
    const section = findSection(this.schema, words);
    const node = section && this.tree.get(sectionKey(section.words));
    if (!section || !node) return this.unknownSection(words);
    return createEditor({ section, draft: cloneNode(node), ctx: this.ctx, commit: (draft) => this.commit(section, draft) });
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** The file text `commit` writes: the non-default values, after a version comment. */
  text(): string {
    return FILE_HEADER + printTree(this.tree, this.schema, this.ctx, { full: false });
  }

  /** A copy of the current tree (for config sync and checksums). */
  snapshot(): ConfigTree {
    return cloneTree(this.tree);
  }

  /**
   * Puts an edited section in place: validates the whole config, saves it, then tells the
   * listeners. Throws (nothing changed) when validation or the write fails. Returns text for
   * the console: empty, or which listener failed after the save.
   */
  private commit(section: TopSection, draft: ConfigNode): string {
    const next = cloneTree(this.tree);
    next.set(sectionKey(section.words), cloneNode(draft));
    validateTree(next, this.schema, this.ctx);
    this.storage.writeAtomic(this.path, FILE_HEADER + printTree(next, this.schema, this.ctx, { full: false }));
    this.adopt(next);
    const failures: string[] = [];
    for (const listener of this.listeners) {
      try {
        listener();
      } catch (err) {
        failures.push(`config saved, but a change listener failed: ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    return failures.join('');
  }

  private adopt(tree: ConfigTree): void {
    const ha = haSettingsFromTree(tree, this.ctx);
    const host = hostnameFromTree(tree);
    this.tree = tree;
    this.ha = ha;
    this.host = host;
  }

  private unknownSection(words: readonly string[]): string {
    const known = this.schema.sections;
    const bad = words.findIndex((_, i) => !known.some((s) => words.slice(0, i + 1).every((w, j) => s.words[j] === w)));
    return explain(
      new ConfigError({
        code: 'unknown-section',
        path: [],
        value: words[bad < 0 ? words.length - 1 : bad] ?? '',
        reason: `unknown section ${words.join(' ') || '(none)'}`,
        choices: sectionNames(this.schema),
      }),
    );
  }
}
