import { checksumName } from './checksum.js';
import { ConfigError } from './errors.js';
import { blockHeader, parseConfigText } from './parser.js';
import { printSection } from './printer.js';
import { sectionKey, } from './schema.js';
import { cloneNode, defaultNode, defaultSection, optionValue, } from './tree.js';
import { treeFromBlocks } from './tree-from-text.js';
/** The top-level section a checksum name stands for. */
export function sectionByName(schema, name) {
    return schema.sections.find((s) => checksumName(s) === name);
}
/**
 * The shared sections as text (shared values only, those differing from the defaults), in
 * schema order: all of them, or those `names` lists (names no section has are left out).
 * Per-unit sections print nothing and are left out too.
 */
export function sharedSections(tree, schema, ctx, names) {
    const out = [];
    for (const section of schema.sections) {
        const name = checksumName(section);
        if (names && !names.includes(name))
            continue;
        const text = printSection(section, tree, ctx, { full: false, sharedOnly: true });
        if (text !== '')
            out.push([name, text]);
    }
    return out;
}
/**
 * `own` with the sections `incoming` names replaced by theirs, each merged with this unit's
 * per-unit values from `own`; per-unit values in `incoming` are ignored. Not validated (the
 * caller validates the whole tree). Throws ConfigError when a text does not parse, names no
 * section, or holds another section than its name says.
 */
export function mergeShared(own, incoming, schema, ctx) {
    const merged = new Map(own);
    for (const [name, text] of incoming) {
        const section = sectionByName(schema, name);
        if (!section) {
            throw new ConfigError({
                code: 'unknown-section',
                path: [],
                value: name,
                reason: `unknown section ${name}`,
                choices: schema.sections.map(checksumName),
            });
        }
        const blocks = parseConfigText(text);
        const key = sectionKey(section.words);
        const stray = blocks.find((b) => sectionKey(b.words) !== key);
        if (stray || blocks.length === 0) {
            throw new ConfigError({
                code: 'syntax',
                line: stray?.line,
                path: [],
                statement: stray && blockHeader(stray),
                value: name,
                reason: `the text of section ${name} must hold config ${key} alone`,
            });
        }
        const theirs = treeFromBlocks(blocks, schema, ctx, { validate: false }).get(key);
        const mine = own.get(key) ?? defaultNode(section.node, ctx);
        if (theirs)
            merged.set(key, mergeNode(section.node, mine, theirs, { ctx, tree: own }));
    }
    return merged;
}
/**
 * One node from two: shared values from `shared`, per-unit values from `own`. Table entries
 * follow `shared` (order, presence) except per-unit entries, which are `own`'s, after them; an
 * entry new to this unit gets the defaults for its per-unit options.
 */
export function mergeNode(schema, own, shared, env) {
    if (schema.perUnit)
        return cloneNode(own);
    if (schema.kind === 'section') {
        return mergeSection(schema, asSection(own, schema, env), asSection(shared, schema, env), env);
    }
    const ownEntries = own.kind === 'table' ? own.entries : [];
    const sharedEntries = shared.kind === 'table' ? shared.entries : [];
    const perUnit = (e) => schema.perUnitEntry?.(e.name, env.ctx, env.tree) ?? false;
    const ownByName = new Map(ownEntries.map((e) => [e.name, e.node]));
    const entries = sharedEntries
        .filter((e) => !perUnit(e))
        .map((e) => ({
        name: e.name,
        node: mergeSection(schema.entry, ownByName.get(e.name) ?? defaultSection(schema.entry, env.ctx), e.node, env),
    }));
    entries.push(...ownEntries.filter(perUnit).map((e) => ({ name: e.name, node: cloneNode(e.node) })));
    return { kind: 'table', entries };
}
function mergeSection(schema, own, shared, env) {
    const options = new Map();
    for (const option of schema.options) {
        const from = option.perUnit ? own : shared;
        options.set(option.name, [...optionValue(from, option.name)]);
    }
    const children = new Map();
    for (const [name, child] of Object.entries(schema.children ?? {})) {
        const mine = own.children.get(name) ?? defaultNode(child, env.ctx);
        children.set(name, mergeNode(child, mine, shared.children.get(name) ?? defaultNode(child, env.ctx), env));
    }
    return { kind: 'section', options, children };
}
function asSection(node, schema, env) {
    return node.kind === 'section' ? node : defaultSection(schema, env.ctx);
}
/** The checksum names of the sections whose values differ between two trees, per-unit values included, in schema order. */
export function changedSections(before, after, schema, ctx) {
    const differs = (s) => before.get(sectionKey(s.words)) !== after.get(sectionKey(s.words)) &&
        printSection(s, before, ctx, { full: true }) !== printSection(s, after, ctx, { full: true });
    return schema.sections.filter(differs).map(checksumName);
}
//# sourceMappingURL=per-unit.js.map