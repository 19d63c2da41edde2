/**
 * The tree back to FortiOS text. `show` writes only what differs from the defaults,
 * `show full-configuration` writes everything; both read back to the same tree. Four blanks of
 * indent per level, strings and port names quoted, enums, numbers and addresses bare.
 */
import { entryHeader, optionDefault, sectionKey, } from './schema.js';
import { sameValues } from './tree.js';
const INDENT = '    ';
/** All sections of the schema, in schema order, each `config ...` to `end`. */
export function printTree(tree, schema, ctx, opts) {
    return schema.sections.map((s) => printSection(s, tree, ctx, opts)).join('');
}
/** One top-level section; printed even when nothing in it differs from the defaults. */
export function printSection(section, tree, ctx, opts) {
    const node = tree.get(sectionKey(section.words));
    if (!node || (opts.sharedOnly && section.node.perUnit))
        return '';
    return printBlock(`config ${sectionKey(section.words)}`, section.node, node, ctx, opts, tree);
}
/**
 * `<header>` ... `end` around a node's body; the editor shows the block being edited this way.
 * `tree` is the config the node belongs to, needed with `sharedOnly` (which entries are per-unit).
 */
export function printBlock(header, schema, node, ctx, opts, tree) {
    return lines([header, ...bodyLines(schema, node, { ctx, opts, tree }, 1), 'end']);
}
/** `edit <name>` ... `next` for one table entry. */
export function printEntry(header, schema, node, ctx, opts) {
    return lines([header, ...sectionLines(schema, node, { ctx, opts }, 1), 'next']);
}
/**
 * `get`: every option as `name : value`, names padded to one column; then each nested block as
 * FortiOS shows it, `<name>:` and its entries (`== [ 1 ]`) with their values on one line.
 */
export function getSection(schema, node) {
    const width = Math.max(0, ...schema.options.map((o) => o.name.length));
    const out = schema.options.map((o) => `${o.name.padEnd(width)} : ${o.kind.display(node.options.get(o.name) ?? [])}`);
    for (const [name, childSchema] of Object.entries(schema.children ?? {})) {
        const child = node.children.get(name);
        if (!child)
            continue;
        out.push(`${name}:`);
        if (childSchema.kind === 'section' && child.kind === 'section')
            out.push(`${INDENT}${getLine(childSchema, child)}`);
        else if (childSchema.kind === 'table' && child.kind === 'table') {
            for (const e of child.entries)
                out.push(`${INDENT}== [ ${e.name} ]`, `${INDENT}${getLine(childSchema.entry, e.node)}`);
        }
    }
    return lines(out);
}
/** `get` in a table before `edit`: the entry names. */
export function getTable(node) {
    return lines(node.entries.map((e) => `== [ ${e.name} ]`));
}
/** `interface: mgmt   dst: 0.0.0.0 0.0.0.0   gateway: 198.18.3.1`: a nested block's values in `get`. */
function getLine(schema, node) {
    return schema.options.map((o) => `${o.name}: ${o.kind.display(node.options.get(o.name) ?? [])}`).join('   ');
}
function bodyLines(schema, node, env, depth) {
    if (schema.kind === 'table')
        return node.kind === 'table' ? tableLines(schema, node, env, depth) : [];
    return node.kind === 'section' ? sectionLines(schema, node, env, depth) : [];
}
function sectionLines(schema, node, env, depth) {
    const { ctx, opts } = env;
    const pad = INDENT.repeat(depth);
    const out = [];
    for (const option of schema.options) {
        if (opts.sharedOnly && option.perUnit)
            continue;
        const values = node.options.get(option.name);
        if (!values || (!opts.full && sameValues(values, optionDefault(option, ctx))))
            continue;
        const text = option.kind.print(opts.canonical && option.kind.unordered ? sortItems(values, option.kind.listUnit) : values);
        if (text !== undefined)
            out.push(`${pad}set ${option.name} ${text}`);
    }
    for (const [name, childSchema] of Object.entries(schema.children ?? {})) {
        const child = node.children.get(name);
        if (!child || (opts.sharedOnly && childSchema.perUnit))
            continue;
        const body = bodyLines(childSchema, child, env, depth + 1);
        if (!opts.full && body.length === 0)
            continue;
        out.push(`${pad}config ${name}`, ...body, `${pad}end`);
    }
    return out;
}
function tableLines(schema, node, env, depth) {
    const { ctx, opts, tree } = env;
    const pad = INDENT.repeat(depth);
    if (opts.sharedOnly && schema.perUnitEntry && !tree)
        throw new Error('printer: sharedOnly needs the whole tree');
    const shared = opts.sharedOnly && tree ? node.entries.filter((e) => !schema.perUnitEntry?.(e.name, ctx, tree)) : node.entries;
    const entries = opts.canonical && !schema.ordered ? [...shared].sort((a, b) => compareNames(a.name, b.name)) : shared;
    return entries.flatMap((e) => [
        `${pad}${entryHeader(schema, e.name)}`,
        ...sectionLines(schema.entry, e.node, env, depth + 1),
        `${pad}next`,
    ]);
}
/** Items of `unit` values each (hbdev's port/priority pairs), sorted by their first value. */
function sortItems(values, unit = 1) {
    const items = [];
    for (let i = 0; i < values.length; i += unit)
        items.push(values.slice(i, i + unit));
    return items.sort((a, b) => compareNames(a[0] ?? '', b[0] ?? '')).flat();
}
/** Integer names numerically (`edit 2` before `edit 10`), any other by code unit, never by locale. */
function compareNames(a, b) {
    if (/^\d+$/.test(a) && /^\d+$/.test(b))
        return Number(a) - Number(b);
    return a < b ? -1 : a > b ? 1 : 0;
}
function lines(list) {
    return list.map((l) => `${l}\n`).join('');
}
//# sourceMappingURL=printer.js.map