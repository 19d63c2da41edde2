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
import { entryHeader, findOption, optionDefault, sectionKey, } from './schema.js';
/** The entries of a top-level table (none when the tree lacks it). */
export function tableEntries(tree, section) {
    const node = tree.get(sectionKey(section.words));
    return node?.kind === 'table' ? node.entries : [];
}
export function defaultTree(schema, ctx) {
    return new Map(schema.sections.map((s) => [sectionKey(s.words), defaultNode(s.node, ctx)]));
}
export function defaultNode(schema, ctx) {
    if (schema.kind === 'section')
        return defaultSection(schema, ctx);
    return {
        kind: 'table',
        entries: (schema.defaultEntries ?? []).map((name) => ({ name, node: defaultSection(schema.entry, ctx) })),
    };
}
export function defaultSection(schema, ctx) {
    return {
        kind: 'section',
        options: new Map(schema.options.map((o) => [o.name, [...optionDefault(o, ctx)]])),
        children: new Map(Object.entries(schema.children ?? {}).map(([name, child]) => [name, defaultNode(child, ctx)])),
    };
}
export function cloneTree(tree) {
    return new Map([...tree].map(([key, node]) => [key, cloneNode(node)]));
}
export function cloneNode(node) {
    if (node.kind === 'table')
        return { kind: 'table', entries: node.entries.map((e) => ({ name: e.name, node: cloneNode(e.node) })) };
    return {
        kind: 'section',
        options: new Map([...node.options].map(([k, v]) => [k, [...v]])),
        children: new Map([...node.children].map(([k, v]) => [k, cloneNode(v)])),
    };
}
export function sameValues(a, b) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
}
/** A section's value; the tree always holds every option, so a miss is a programming error. */
export function optionValue(node, option) {
    const v = node.options.get(option);
    if (!v)
        throw new Error(`config tree: no option ${option}`);
    return v;
}
export function lineKey(path, option) {
    return option === undefined ? path.join('\n') : `${path.join('\n')}\n\0${option}`;
}
/**
 * Throws the first rule a section breaks, then the first whole-config check that fails, as a
 * ConfigError placed at the line of the statement concerned when `lines` knows it.
 */
export function validateTree(tree, schema, ctx, lines) {
    for (const section of schema.sections) {
        const node = tree.get(sectionKey(section.words));
        if (node)
            validateNode(section.node, node, [`config ${sectionKey(section.words)}`], ctx, lines);
    }
    for (const check of schema.checks ?? []) {
        const broken = check(tree);
        if (!broken)
            continue;
        const line = broken.option === undefined ? undefined : lines?.get(lineKey(broken.path, broken.option));
        throw broken.atLine(line ?? lines?.get(lineKey(broken.path)));
    }
}
function validateNode(schema, node, path, ctx, lines) {
    if (schema.kind === 'table') {
        if (node.kind !== 'table')
            return;
        for (const entry of node.entries) {
            validateSection(schema.entry, entry.node, [...path, entryHeader(schema, entry.name)], ctx, lines);
        }
    }
    else if (node.kind === 'section') {
        validateSection(schema, node, path, ctx, lines);
    }
}
function validateSection(schema, node, path, ctx, lines) {
    for (const rule of schema.rules ?? []) {
        const broken = rule((option) => optionValue(node, option), ctx);
        if (!broken)
            continue;
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
        if (childNode)
            validateNode(child, childNode, [...path, `config ${name}`], ctx, lines);
    }
}
//# sourceMappingURL=tree.js.map