/**
 * The unit's configuration: loaded once at start (a bad file falls back to the last good copy,
 * with an alarm; with none usable the firmware stops, so a unit never runs a config it
 * misread), shown and edited from the console, saved atomically on every commit, and announced
 * to listeners (the HA runtime re-reads its settings). In a cluster it is also where config
 * sync lands (docs/config-sync-plan.md §3, §5): a console commit passes the commit gate, a
 * primary's push is merged with this unit's per-unit values, and a full push that replaces a
 * diverged config keeps the old file as a backup first.
 */
import { wallTimeIso } from '../../hal/clock/index.js';
import { createLogger } from '../log/logger.js';
import { computeChecksums, sectionSum } from './checksum.js';
import { commitProposal } from './commit-proposal.js';
import { dataPlaneFromTree } from './data-plane-from-tree.js';
import { keepDiverged } from './diverged.js';
import { createEditor, explain } from './editor.js';
import { CommitRefused, ConfigError } from './errors.js';
import { badCopyPath, lastGoodBody, lastGoodPath, lastGoodStamp, saveLastGood, sweepTempFiles } from './last-good.js';
import { loginSettingsFromTree } from './login-settings.js';
import { changedSections, mergeNode, mergeShared, sharedSections } from './per-unit.js';
import { printSection, printTree } from './printer.js';
import { findSection, sectionKey, sectionNames } from './schema.js';
import { firmwareSchema } from './schema-system.js';
import { haSettingsFromTree, hostnameFromTree } from './settings-from-tree.js';
import { syslogSettingsFromTree } from './syslog-settings.js';
import { cloneNode, cloneTree, defaultTree, validateTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';
/** First line of the saved file, as FortiOS starts its files; the parser skips it as a comment. */
const FILE_HEADER = '#config-version=tandem-1\n';
const log = createLogger('config');
export class ConfigStore {
    storage;
    path;
    schema;
    ctx;
    listeners = [];
    clock;
    bootId;
    gate = null;
    boot = { kind: 'defaults' };
    tree;
    ha;
    host;
    /** The sums at the last adoption: FortiOS's `debugzone`. */
    adopted;
    constructor(opts) {
        this.storage = opts.storage;
        this.path = opts.path;
        this.schema = opts.schema ?? firmwareSchema;
        this.clock = opts.clock;
        this.bootId = opts.bootId ?? 0;
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
    load() {
        for (const name of sweepTempFiles(this.storage, this.path))
            log.info(`removed ${name}, left by an interrupted save`);
        let text;
        try {
            text = this.storage.read(this.path);
            this.adopt(text === undefined ? defaultTree(this.schema, this.ctx) : treeFromText(text, this.schema, this.ctx));
            this.boot = { kind: text === undefined ? 'defaults' : 'file' };
        }
        catch (err) {
            this.fallBack(err, text);
        }
    }
    /** Where the running config came from at boot, and the alarm when it was not the file. */
    bootSource() {
        return { ...this.boot };
    }
    /**
     * Records the running config as the last good copy (once it is applied): written atomically,
     * and only when it differs from the copy. A failed write is logged, never thrown: the config
     * itself is saved already.
     */
    markGood() {
        try {
            saveLastGood(this.storage, this.path, this.text(), wallTimeIso(this.clock));
        }
        catch (err) {
            log.event(`could not save ${lastGoodPath(this.path)}: ${message(err)}`, 'warn');
        }
    }
    hostname() {
        return this.host;
    }
    /** Interfaces, routes and firewall objects, as the data plane applies them. */
    dataPlane() {
        return dataPlaneFromTree(this.tree, this.ctx);
    }
    /** A copy: the caller may keep or change it without touching the store's. */
    haSettings() {
        return structuredClone(this.ha);
    }
    sections() {
        return this.schema.sections.map((s) => ({ words: s.words, help: s.help ?? `Configure ${sectionKey(s.words)}.` }));
    }
    login() {
        return loginSettingsFromTree(this.tree);
    }
    /** `config log syslogd setting`, for the syslog sender. */
    syslog() {
        return syslogSettingsFromTree(this.tree);
    }
    /** The whole config, or the sections whose names start with `words` (`show system`). */
    show(words, full) {
        const sections = this.schema.sections.filter((s) => words.every((w, i) => s.words[i] === w));
        if (sections.length === 0)
            return this.unknownSection(words);
        return sections.map((s) => printSection(s, this.tree, this.ctx, { full })).join('');
    }
    beginEdit(words) {
        const section = findSection(this.schema, words);
        const node = section && this.tree.get(sectionKey(section.words));
        if (!section || !node)
            return this.unknownSection(words);
        // The sum the draft starts from: the primary refuses the commit if its own moved since.
        const base = sectionSum(section, this.tree, this.ctx);
        return createEditor({
            section,
            draft: cloneNode(node),
            ctx: this.ctx,
            commit: (draft) => this.commit(section, draft, base),
        });
    }
    onChange(listener) {
        this.listeners.push(() => listener());
    }
    onConfigChange(listener) {
        this.listeners.push(listener);
    }
    setCommitGate(gate) {
        this.gate = gate;
    }
    sharedText(keys) {
        return sharedSections(this.tree, this.schema, this.ctx, keys);
    }
    /**
     * A push from the primary (`from`): refused with `sync-config disable` here, or when the
     * merged config does not parse or validate (nothing changes then; the reason names the
     * statement). A full push that changes this unit's shared config first keeps the file as a
     * `.diverged-…` copy, with an event.
     */
    applyFromPeer(sections, opts) {
        if (!this.ha.syncConfig)
            return { ok: false, reason: 'sync-config is disabled on this unit' };
        const next = this.merged(sections);
        if (typeof next === 'string')
            return { ok: false, reason: next };
        const diverged = opts.full && computeChecksums(next, this.schema, this.ctx).all !== this.checksums().checksum.all;
        let backup;
        if (diverged) {
            try {
                backup = this.backUpDiverged();
            }
            catch (err) {
                return { ok: false, reason: `could not keep the diverged configuration: ${message(err)}` };
            }
            log.event(`configuration diverged from primary ${opts.from} (${opts.reason}): kept as ${backup}`, 'warn', {
                subtype: 'config',
                fields: { action: 'diverged', peer: opts.from, backup },
            });
        }
        const saved = this.saveShared(next, { origin: 'peer', from: opts.from, full: opts.full });
        return saved.ok && backup !== undefined ? { ...saved, backup } : saved;
    }
    /** On the primary: a secondary's commit, merged with this unit's per-unit values, validated, saved, listeners told. */
    commitShared(sections, from) {
        const next = this.merged(sections);
        if (typeof next === 'string')
            return { ok: false, reason: next };
        return this.saveShared(next, { origin: 'peer', from });
    }
    /** The file text `commit` writes: the non-default values, after a version comment. */
    text() {
        return FILE_HEADER + printTree(this.tree, this.schema, this.ctx, { full: false });
    }
    /** A copy of the current tree (for config sync and checksums). */
    snapshot() {
        return cloneTree(this.tree);
    }
    /** The sums cached at the last adoption (`debugzone`) and the sums of the config as it is now (`checksum`). */
    adoptedSums() {
        return this.adopted;
    }
    checksums() {
        return { debugzone: this.adopted, checksum: computeChecksums(this.tree, this.schema, this.ctx) };
    }
    /** Computes the sums again and makes them the cached ones. */
    recalculate() {
        this.adopted = computeChecksums(this.tree, this.schema, this.ctx);
        return this.adopted;
    }
    /**
     * Puts an edited section in place: validates the whole config, passes the commit gate when
     * one is set, saves, then tells the listeners. Throws or rejects (nothing changed) when
     * validation, the gate or the write refuses. Returns text for the console: empty, the gate's
     * output, or which listener failed after the save.
     */
    commit(section, draft, base) {
        const next = this.withDraft(section, draft);
        const gate = this.gate;
        if (!gate)
            return this.save(next, { origin: 'console' });
        const proposal = commitProposal(section, this.tree, next, base, this.schema, this.ctx);
        return gate(proposal).then((verdict) => this.settle(verdict, section, draft, proposal.perUnitOnly));
    }
    /**
     * The gate's answer, on the config as it is now (a push may have landed while the gate
     * decided): save the draft here, or keep only its per-unit values on top of what the push
     * brought, or refuse.
     */
    settle(verdict, section, draft, perUnitOnly) {
        switch (verdict.kind) {
            case 'local':
                // A per-unit-only draft holds no shared change of its own: a push that landed meanwhile stays.
                return perUnitOnly
                    ? this.savePerUnit(section, draft, '')
                    : this.save(this.withDraft(section, draft), { origin: 'console' });
            case 'done':
                // The push carried the shared part already; the draft's per-unit values are still this unit's to save.
                return this.savePerUnit(section, draft, verdict.output);
            case 'refused':
                throw new CommitRefused(verdict.reason);
        }
    }
    /** Saves the draft's per-unit values over the section as it is now (when they change it); `output` comes first. */
    savePerUnit(section, draft, output) {
        const key = sectionKey(section.words);
        const env = { ctx: this.ctx, tree: this.withDraft(section, draft, false) };
        const next = new Map(this.tree);
        next.set(key, mergeNode(section.node, draft, this.tree.get(key) ?? draft, env));
        const sections = changedSections(this.tree, next, this.schema, this.ctx);
        if (sections.length === 0)
            return output;
        validateTree(next, this.schema, this.ctx);
        return output + this.save(next, { origin: 'console' }, sections);
    }
    /**
     * The config with `draft` as `section`, validated unless told not to. Throws ConfigError.
     * An adopted tree's sections are never changed in place (editors work on copies), so the
     * others are shared, and `changedSections` passes over them without printing them.
     */
    withDraft(section, draft, validate = true) {
        const next = new Map(this.tree);
        next.set(sectionKey(section.words), cloneNode(draft));
        if (validate)
            validateTree(next, this.schema, this.ctx);
        return next;
    }
    /** `sections` merged over this unit's config, validated; the reason as text when refused. */
    merged(sections) {
        try {
            const next = mergeShared(this.tree, sections, this.schema, this.ctx);
            validateTree(next, this.schema, this.ctx);
            return next;
        }
        catch (err) {
            // A peer's text is input like any other: whatever it breaks, it is refused, never thrown.
            return err instanceof ConfigError ? err.message : `the sections could not be read: ${message(err)}`;
        }
    }
    /** Saves a peer's config (when it changes anything); the changed sections, or why it could not be saved. */
    saveShared(next, origin) {
        const changed = changedSections(this.tree, next, this.schema, this.ctx);
        if (changed.length === 0)
            return { ok: true, changed };
        try {
            const failures = this.save(next, origin, changed);
            if (failures !== '')
                log.event(failures.trimEnd(), 'warn');
        }
        catch (err) {
            return { ok: false, reason: `config not saved: ${message(err)}` };
        }
        return { ok: true, changed };
    }
    /**
     * Writes a checked config, adopts it and tells the listeners which sections changed. Throws
     * (nothing changed) when the write fails; returns which listeners failed, for the console.
     */
    save(next, origin, sections = changedSections(this.tree, next, this.schema, this.ctx)) {
        const change = { sections, ...origin };
        this.storage.writeAtomic(this.path, FILE_HEADER + printTree(next, this.schema, this.ctx, { full: false }));
        this.adopt(next);
        const failures = [];
        for (const listener of this.listeners) {
            try {
                listener(change);
            }
            catch (err) {
                failures.push(`config saved, but a change listener failed: ${message(err)}\n`);
            }
        }
        return failures.join('');
    }
    /** The file as it is on flash (the running config's text when none was ever saved), kept as a diverged copy. */
    backUpDiverged() {
        const text = this.storage.read(this.path) ?? this.text();
        return keepDiverged(this.storage, this.path, text, wallTimeIso(this.clock), this.bootId);
    }
    /** Boots from the last good copy instead of `err`'s file, or throws `err` when the copy is missing or bad too. */
    fallBack(err, badText) {
        const copyPath = lastGoodPath(this.path);
        let copy;
        let tree;
        try {
            copy = this.storage.read(copyPath);
            if (copy === undefined)
                throw err;
            tree = treeFromText(lastGoodBody(copy), this.schema, this.ctx);
        }
        catch {
            throw err;
        }
        const at = wallTimeIso(this.clock);
        const keptAs = badText === undefined ? undefined : badCopyPath(this.storage, this.path, at);
        if (keptAs !== undefined && badText !== undefined)
            this.storage.writeAtomic(keptAs, badText);
        this.storage.writeAtomic(this.path, lastGoodBody(copy));
        this.adopt(tree);
        const why = err instanceof Error ? err.message : String(err);
        const saved = lastGoodStamp(copy) ?? 'at an unknown time';
        const kept = keptAs === undefined ? ' (it could not be read, so no copy of it is kept)' : `, kept as ${keptAs}`;
        const alarm = `configuration ${this.path} unusable (${why}): booted from the last good copy saved ${saved}${kept}`;
        log.event(alarm, 'error');
        this.boot = { kind: 'last-good', alarm };
    }
    adopt(tree) {
        const ha = haSettingsFromTree(tree, this.ctx);
        const host = hostnameFromTree(tree);
        const sums = computeChecksums(tree, this.schema, this.ctx);
        this.tree = tree;
        this.ha = ha;
        this.host = host;
        this.adopted = sums;
    }
    unknownSection(words) {
        const known = this.schema.sections;
        const bad = words.findIndex((_, i) => !known.some((s) => words.slice(0, i + 1).every((w, j) => s.words[j] === w)));
        return explain(new ConfigError({
            code: 'unknown-section',
            path: [],
            value: words[bad < 0 ? words.length - 1 : bad] ?? '',
            reason: `unknown section ${words.join(' ') || '(none)'}`,
            choices: sectionNames(this.schema),
        }));
    }
}
function message(err) {
    return err instanceof Error ? err.message : String(err);
}
//# sourceMappingURL=store.js.map