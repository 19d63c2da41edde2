/**
 * Configuration text (a file, a paste, a peer's config) to a checked tree: the parser gives
 * the structure, the schema gives meaning and defaults, then the cross-field rules run. Every
 * error names its line.
 */
import { editEntry, enterChild, setOption, unsetOption } from './assign.js';
import { ConfigError } from './errors.js';
import { blockHeader, parseConfigText } from './parser.js';
import { findSection, sectionKey, sectionNames } from './schema.js';
import { defaultTree, lineKey, validateTree } from './tree.js';
/** Parses, applies over the defaults and validates (unless told not to). Throws ConfigError. */
export function treeFromText(text, schema, ctx, opts = {}) {
    return treeFromBlocks(parseConfigText(text), schema, ctx, opts);
}
/** `treeFromText` for text already parsed (a caller that looked at its blocks first). Throws ConfigError. */
export function treeFromBlocks(blocks, schema, ctx, opts = {}) {
    const tree = defaultTree(schema, ctx);
    const lines = new Map();
    const written = new Set();
    for (const block of blocks) {
        const section = findSection(schema, block.words);
        if (!section) {
            throw new ConfigError({
                code: 'unknown-section',
                line: block.line,
                path: [],
                statement: blockHeader(block),
                value: block.words[0],
                reason: `unknown section ${block.words.join(' ')}`,
                choices: sectionNames(schema),
            });
        }
        const path = [blockHeader(block)];
        lines.set(lineKey(path), block.line);
        const key = sectionKey(section.words);
        const node = tree.get(key);
        // A table the text writes is the whole table: an entry it leaves out (a deleted default
        // admin) stays out rather than coming back with its defaults. A second block of the same
        // table adds to the first, as in FortiOS.
        if (node?.kind === 'table' && !written.has(key))
            node.entries = [];
        written.add(key);
        if (node)
            applyBody(block.body, section.node, node, path, ctx, lines);
    }
    if (opts.validate !== false)
        validateTree(tree, schema, ctx, lines);
    return tree;
}
function applyBody(body, schema, node, path, ctx, lines) {
    for (const st of body) {
        const where = { line: st.line, path };
        if (schema.kind === 'table' && node.kind === 'table') {
            if (st.kind !== 'edit')
                throw notHere(st, where, `${st.kind} in a table: use edit <name> first`);
            const entry = editEntry(node, schema, { text: st.name, quoted: false }, ctx, where);
            const entryPath = [...path, entry.header];
            lines.set(lineKey(entryPath), st.line);
            applyBody(st.body, schema.entry, entry.node, entryPath, ctx, lines);
        }
        else if (schema.kind === 'section' && node.kind === 'section') {
            switch (st.kind) {
                case 'set':
                    setOption(node, schema, st.option, st.values, ctx, where);
                    lines.set(lineKey(path, st.option), st.line);
                    break;
                case 'unset':
                    unsetOption(node, schema, st.option, ctx, where);
                    lines.set(lineKey(path, st.option), st.line);
                    break;
                case 'config': {
                    const child = enterChild(node, schema, st.words, ctx, where);
                    const childPath = [...path, child.header];
                    lines.set(lineKey(childPath), st.line);
                    applyBody(st.body, child.schema, child.node, childPath, ctx, lines);
                    break;
                }
                case 'edit':
                    throw notHere(st, where, `edit in ${path[path.length - 1]}, which is not a table`);
            }
        }
    }
}
function notHere(st, where, reason) {
    const value = st.kind === 'config' || st.kind === 'edit' ? blockHeader(st) : `${st.kind} ${st.option}`;
    return new ConfigError({ code: 'syntax', ...where, statement: value, value: st.kind, reason });
}
//# sourceMappingURL=tree-from-text.js.map