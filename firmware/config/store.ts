/**
 * The unit's configuration: loaded once at start (a bad file falls back to the last good copy,
 * with an alarm; with none usable the firmware stops, so a unit never runs a config it
 * misread), shown and edited from the console, saved atomically on every commit, and announced
 * to listeners (the HA runtime re-reads its settings).
 */

import { type Clock, wallTimeIso } from '../../hal/clock/index.js';
import type { StorageDevice } from '../../hal/storage/index.js';
import { createLogger } from '../log/logger.js';
import type { BootSource, ConfigAccess, ConfigEditorSession, SectionInfo } from './api.js';
import { type ConfigChecksums, computeChecksums } from './checksum.js';
import type { DataPlaneConfig } from './data-plane.js';
import { dataPlaneFromTree } from './data-plane-from-tree.js';
import { createEditor, explain } from './editor.js';
import { ConfigError } from './errors.js';
import type { HaSettings } from './ha-settings.js';
import { badCopyPath, lastGoodBody, lastGoodPath, lastGoodStamp, saveLastGood, sweepTempFiles } from './last-good.js';
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
  /** Its wall clock dates the last good copy and a bad file kept at boot. */
  clock: Clock;
}

const log = createLogger('config');

export class ConfigStore implements ConfigAccess {
  private readonly storage: StorageDevice;
  private readonly path: string;
  private readonly schema: ConfigSchema;
  private readonly ctx: SchemaContext;
  private readonly listeners: (() => void)[] = [];
  private readonly clock: Clock;
  private boot: BootSource = { kind: 'defaults' };
  private tree: ConfigTree;
  private ha: HaSettings;
  private host: string;
  /** The sums at the last adoption: FortiOS's `debugzone`. */
  private adopted: ConfigChecksums;

  constructor(opts: ConfigStoreOptions) {
    this.storage = opts.storage;
    this.path = opts.path;
    this.schema = opts.schema ?? firmwareSchema;
    this.clock = opts.clock;
    this.ctx = { serial: opts.serial, ports: opts.ports.map((p) => ({ name: p.name, role: p.role })) };
    this.tree = defaultTree(this.schema, this.ctx);
    this.ha = haSettingsFromTree(this.tree, this.ctx);
    this.host = hostnameFromTree(this.tree);
    this.adopted = computeChecksums(this.tree, this.schema, this.ctx);
  }

  /**
   * Sweeps temp files a killed write left, then reads the file; a missing file means all
   * defaults. An unreadable or invalid file is kept as `<config>.bad-<stamp>` and the last good
   * copy takes its place, with an error event; with no usable copy, throws the file's error
   * (ConfigError with the line, or the storage's HalError).
   */
  load(): void {
    for (const name of sweepTempFiles(this.storage, this.path)) log.info(`removed ${name}, left by an interrupted save`);
    let text: string | undefined;
    try {
      text = this.storage.read(this.path);
      this.adopt(text === undefined ? defaultTree(this.schema, this.ctx) : treeFromText(text, this.schema, this.ctx));
      this.boot = { kind: text === undefined ? 'defaults' : 'file' };
    } catch (err) {
      this.fallBack(err, text);
    }
  }

  /** Where the running config came from at boot, and the alarm when it was not the file. */
  bootSource(): BootSource {
    return { ...this.boot };
  }

  /**
   * Records the running config as the last good copy (once it is applied): written atomically,
   * and only when it differs from the copy. A failed write is logged, never thrown: the config
   * itself is saved already.
   */
  markGood(): void {
    try {
      saveLastGood(this.storage, this.path, this.text(), wallTimeIso(this.clock));
    } catch (err) {
      log.event(`could not save ${lastGoodPath(this.path)}: ${err instanceof Error ? err.message : String(err)}`, 'warn');
    }
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

  /** The sums cached at the last adoption (`debugzone`) and the sums of the config as it is now (`checksum`). */
  checksums(): { debugzone: ConfigChecksums; checksum: ConfigChecksums } {
    return { debugzone: this.adopted, checksum: computeChecksums(this.tree, this.schema, this.ctx) };
  }

  /** Computes the sums again and makes them the cached ones. */
  recalculate(): ConfigChecksums {
    this.adopted = computeChecksums(this.tree, this.schema, this.ctx);
    return this.adopted;
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

  /** Boots from the last good copy instead of `err`'s file, or throws `err` when the copy is missing or bad too. */
  private fallBack(err: unknown, badText: string | undefined): void {
    const copyPath = lastGoodPath(this.path);
    let copy: string | undefined;
    let tree: ConfigTree;
    try {
      copy = this.storage.read(copyPath);
      if (copy === undefined) throw err;
      tree = treeFromText(lastGoodBody(copy), this.schema, this.ctx);
    } catch {
      throw err;
    }
    const at = wallTimeIso(this.clock);
    const keptAs = badText === undefined ? undefined : badCopyPath(this.storage, this.path, at);
    if (keptAs !== undefined && badText !== undefined) this.storage.writeAtomic(keptAs, badText);
    this.storage.writeAtomic(this.path, lastGoodBody(copy));
    this.adopt(tree);
    const why = err instanceof Error ? err.message : String(err);
    const saved = lastGoodStamp(copy) ?? 'at an unknown time';
    const kept = keptAs === undefined ? ' (it could not be read, so no copy of it is kept)' : `, kept as ${keptAs}`;
    const alarm = `configuration ${this.path} unusable (${why}): booted from the last good copy saved ${saved}${kept}`;
    log.event(alarm, 'error');
    this.boot = { kind: 'last-good', alarm };
  }

  private adopt(tree: ConfigTree): void {
    const ha = haSettingsFromTree(tree, this.ctx);
    const host = hostnameFromTree(tree);
    const sums = computeChecksums(tree, this.schema, this.ctx);
    this.tree = tree;
    this.ha = ha;
    this.host = host;
    this.adopted = sums;
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
