/**
 * The operations a `config` block allows, shared by the file loader and the console editor so
 * both accept and refuse exactly the same things: set and unset an option, enter a nested
 * block, edit or delete a table entry. Each throws a `ConfigError` placed at `where`.
 */
import { ConfigError, ValueError } from './errors.js';
import { joinTokens } from './lexer.js';
import { childNames, entryHeader, findOption, optionDefault, optionNames, } from './schema.js';
import { defaultNode, defaultSection } from './tree.js';
export function setOption(node, schema, option, tokens, ctx, where) {
    const statement = `set ${option}${tokens.length > 0 ? ` ${joinTokens(tokens)}` : ''}`;
    const opt = findOption(schema, option);
    if (!opt)
        throw unknownOption(schema, option, statement, where);
    try {
        node.options.set(option, opt.kind.parse(tokens, ctx));
    }
    catch (err) {
        if (!(err instanceof ValueError))
            throw err;
        throw new ConfigError({
            code: 'value',
            ...where,
            statement,
            option,
            value: err.value,
            reason: err.reason,
            expected: err.expected,
            ...err.limits,
        });
    }
}
/** `unset <option>`: back to the default. */
export function unsetOption(node, schema, option, ctx, where) {
    const opt = findOption(schema, option);
    if (!opt)
        throw unknownOption(schema, option, `unset ${option}`, where);
    node.options.set(option, [...optionDefault(opt, ctx)]);
}
/** `config <name>` inside a section or a table entry. */
export function enterChild(node, schema, words, ctx, where) {
    const name = words.join(' ');
    const header = `config ${name}`;
    const child = schema.children?.[name];
    if (!child) {
        throw new ConfigError({
            code: 'unknown-section',
            ...where,
            statement: header,
            value: words[0] ?? '',
            reason: `unknown section ${name}`,
            choices: childNames(schema),
        });
    }
    let existing = node.children.get(name);
    if (!existing) {
        existing = defaultNode(child, ctx);
        node.children.set(name, existing);
    }
    return { schema: child, node: existing, header, name };
}
/** `edit <name>`: opens the entry, creating it with defaults when it is new. */
export function editEntry(table, schema, name, ctx, where) {
    const key = entryName(schema, name, 'edit', where, ctx);
    let entry = table.entries.find((e) => e.name === key);
    if (!entry) {
        entry = { name: key, node: defaultSection(schema.entry, ctx) };
        table.entries.push(entry);
    }
    return { node: entry.node, header: entryHeader(schema, key), name: key };
}
/** `delete <name>`: removes a table entry. */
export function deleteEntry(table, schema, name, ctx, where) {
    const key = entryName(schema, name, 'delete', where, ctx);
    const index = table.entries.findIndex((e) => e.name === key);
    if (index < 0) {
        throw new ConfigError({
            code: 'value',
            ...where,
            statement: `delete ${joinTokens([name])}`,
            value: name.text,
            reason: `no entry ${key}`,
            choices: table.entries.map((e) => e.name),
        });
    }
    table.entries.splice(index, 1);
}
/** The canonical name of a table entry as the table's key kind writes it; throws a ConfigError. */
export function entryName(schema, name, verb, where, ctx) {
    try {
        return schema.key.parse([name], ctx)[0];
    }
    catch (err) {
        if (!(err instanceof ValueError))
            throw err;
        throw new ConfigError({
            code: 'value',
            ...where,
            statement: `${verb} ${joinTokens([name])}`,
            value: err.value,
            reason: err.reason,
            expected: err.expected,
            ...err.limits,
        });
    }
}
export function unknownOption(schema, option, statement, where) {
    return new ConfigError({
        code: 'unknown-option',
        ...where,
        statement,
        option,
        value: option,
        reason: `unknown option ${option}`,
        choices: optionNames(schema),
    });
}
//# sourceMappingURL=assign.js.map