/**
 * `append`, `select` and `unselect` on list options, as FortiOS has them: add values to the
 * end, replace the list, remove values. The new list goes through the option's kind like a
 * `set`, so a list is refused for the same reasons whichever verb built it.
 */
import { setOption, unknownOption } from './assign.js';
import { ConfigError } from './errors.js';
import { joinTokens } from './lexer.js';
import { findOption } from './schema.js';
export const LIST_VERBS = ['append', 'select', 'unselect'];
export function editList(verb, node, schema, option, tokens, ctx, where) {
    const statement = `${verb} ${option}${tokens.length > 0 ? ` ${joinTokens(tokens)}` : ''}`;
    const opt = findOption(schema, option);
    if (!opt)
        throw unknownOption(schema, option, statement, where);
    const unit = opt.kind.listUnit;
    const refuse = (value, reason, choices) => new ConfigError({ code: 'value', ...where, statement, option, value, reason, choices });
    if (unit === undefined)
        throw refuse(option, `${option} takes one value, not a list: use set`);
    if (tokens.length === 0)
        throw refuse('', `${verb} needs at least one value`);
    const current = node.options.get(option) ?? [];
    if (verb === 'select')
        setOption(node, schema, option, tokens, ctx, where);
    else if (verb === 'append')
        setOption(node, schema, option, [...current.map(bare), ...tokens], ctx, where);
    else {
        const rest = without(current, unit, tokens, option, refuse);
        // Every list option defaults to empty, which its kind would refuse as a value to set.
        if (rest.length === 0)
            node.options.set(option, []);
        else
            setOption(node, schema, option, rest.map(bare), ctx, where);
    }
}
/** `current` without the items `tokens` name, each item by its first value; refuses a name not there. */
function without(current, unit, tokens, option, refuse) {
    const items = [];
    for (let i = 0; i < current.length; i += unit)
        items.push(current.slice(i, i + unit));
    for (const t of tokens) {
        const at = items.findIndex((item) => item[0] === t.text);
        const names = items.map((item) => item[0]);
        if (at < 0)
            throw refuse(t.text, `${t.text} is not in ${option}`, names);
        items.splice(at, 1);
    }
    return items.flat();
}
function bare(text) {
    return { text, quoted: false };
}
//# sourceMappingURL=list-ops.js.map