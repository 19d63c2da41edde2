/**
 * The table verbs beyond `edit` and `delete`: `purge`, `rename <old> to <new>`, `clone <old> to
 * <new>` and `move <id> before|after <id>` (tables whose order matters: policies). Like every
 * console edit they change the draft only, so `abort` undoes them. A reference to a renamed
 * entry (a policy naming an address) is not followed: the commit names what it breaks.
 */
import { entryName } from './assign.js';
import { ConfigError } from './errors.js';
import { joinTokens } from './lexer.js';
import { cloneNode } from './tree.js';
export function purgeEntries(table) {
    table.entries.splice(0);
}
export function renameEntry(table, schema, from, to, ctx, where) {
    const statement = `rename ${joinTokens([from])} to ${joinTokens([to])}`;
    const entry = existing(table, schema, from, ctx, where, statement);
    entry.name = freshName(table, schema, to, ctx, where, statement);
}
export function cloneEntry(table, schema, from, to, ctx, where) {
    const statement = `clone ${joinTokens([from])} to ${joinTokens([to])}`;
    const entry = existing(table, schema, from, ctx, where, statement);
    const name = freshName(table, schema, to, ctx, where, statement);
    table.entries.push({ name, node: cloneNode(entry.node) });
}
export function moveEntry(table, schema, id, placement, ref, ctx, where) {
    const statement = `move ${joinTokens([id])} ${placement} ${joinTokens([ref])}`;
    if (!schema.ordered) {
        const header = where.path[where.path.length - 1] ?? 'this table';
        throw new ConfigError({
            code: 'syntax',
            ...where,
            statement,
            value: 'move',
            reason: `the entries of ${header} have no order to change`,
        });
    }
    const entry = existing(table, schema, id, ctx, where, statement);
    const anchor = existing(table, schema, ref, ctx, where, statement);
    if (entry === anchor)
        return;
    table.entries.splice(table.entries.indexOf(entry), 1);
    const at = table.entries.indexOf(anchor);
    table.entries.splice(placement === 'before' ? at : at + 1, 0, entry);
}
function existing(table, schema, name, ctx, where, statement) {
    const key = entryName(schema, name, statement.split(' ')[0], where, ctx);
    const entry = table.entries.find((e) => e.name === key);
    if (entry)
        return entry;
    throw new ConfigError({
        code: 'value',
        ...where,
        statement,
        value: name.text,
        reason: `no entry ${key}`,
        choices: table.entries.map((e) => e.name),
    });
}
function freshName(table, schema, name, ctx, where, statement) {
    const key = entryName(schema, name, statement.split(' ')[0], where, ctx);
    if (!table.entries.some((e) => e.name === key))
        return key;
    throw new ConfigError({ code: 'value', ...where, statement, value: name.text, reason: `entry ${key} already exists` });
}
//# sourceMappingURL=table-ops.js.map