/**
 * What `?` and Tab offer in config mode, given the whole words typed so far on the line: the
 * frame's verbs, then what each verb takes (option names with their help, the values an
 * option's kind offers, entry names, `to`, `before|after`). Words typed abbreviated count as
 * the keyword they abbreviate, as when the line runs.
 */
import { resolveKeyword } from './abbreviation.js';
import { ENTER, placeholder, uniqueChoices } from './choice.js';
import { EVERYDAY_VERBS, VERB_WORDS, verbsFor } from './editor-frame.js';
import { valuesOf } from './editor-words.js';
import { LIST_VERBS } from './list-ops.js';
import { optionHelp } from './schema.js';
export function editorChoices(frame, words, ctx) {
    if (words.length === 0)
        return verbsFor(frame);
    const verb = resolveKeyword(words[0], VERB_WORDS, EVERYDAY_VERBS);
    if (verb.kind !== 'one' || !verbsFor(frame).some((v) => v.word === verb.keyword))
        return [];
    const rest = words.slice(1);
    if (frame.kind === 'section')
        return sectionChoices(verb.keyword, frame.schema, frame.node, rest, ctx);
    return tableChoices(verb.keyword, frame.schema, frame.node, rest, ctx);
}
function sectionChoices(verb, schema, node, rest, ctx) {
    switch (verb) {
        case 'set':
        case 'unset':
        case 'append':
        case 'select':
        case 'unselect':
            return optionChoices(verb, schema, node, rest, ctx);
        case 'config':
            if (rest.length > 0)
                return rest.length === 1 ? [ENTER] : [];
            return Object.keys(schema.children ?? {}).map((word) => ({ word, help: 'Nested settings.' }));
        default:
            return common(verb, rest);
    }
}
function optionChoices(verb, schema, node, rest, ctx) {
    const listVerb = LIST_VERBS.includes(verb) ? verb : undefined;
    const options = schema.options.filter((o) => !listVerb || o.kind.listUnit !== undefined);
    if (rest.length === 0)
        return options.map((o) => ({ word: o.name, help: optionHelp(o, ctx) }));
    const name = resolveKeyword(rest[0], options.map((o) => o.name));
    const option = name.kind === 'one' ? options.find((o) => o.name === name.keyword) : undefined;
    if (!option)
        return [];
    if (verb === 'unset')
        return rest.length === 1 ? [ENTER] : [];
    const typed = rest.slice(1);
    const current = node.options.get(option.name) ?? [];
    if (listVerb === 'unselect') {
        const unit = option.kind.listUnit ?? 1;
        const items = current.filter((_, i) => i % unit === 0 && !typed.includes(current[i]));
        return [...items.map((word) => ({ word, help: 'in the list' })), ...(typed.length > 0 ? [ENTER] : [])];
    }
    const before = listVerb === 'append' ? current : [];
    const next = option.kind.suggest([...before, ...canonical(option.kind, typed, ctx, before)], ctx);
    return valueChoices(listVerb === 'append' ? { ...next, end: next.end && typed.length > 0 } : next);
}
function tableChoices(verb, schema, table, rest, ctx) {
    const entries = table.entries.map((e) => ({ word: e.name, help: '' }));
    switch (verb) {
        case 'edit':
            if (rest.length > 0)
                return rest.length === 1 ? [ENTER] : [];
            return uniqueChoices([...entries, ...valueChoices(schema.key.suggest([], ctx)).filter((c) => c !== ENTER)]);
        case 'delete':
            if (rest.length > 0)
                return rest.length === 1 ? [ENTER] : [];
            return entries;
        case 'rename':
        case 'clone':
            return sequence(rest, [
                entries,
                [{ word: 'to', help: 'The new name follows.' }],
                [placeholder('<new name>', 'A name no entry has.')],
            ]);
        case 'move':
            return sequence(rest, [
                entries,
                [
                    { word: 'before', help: 'Move it before the entry that follows.' },
                    { word: 'after', help: 'Move it after the entry that follows.' },
                ],
                entries,
            ]);
        default:
            return common(verb, rest);
    }
}
/** The verbs that take no words but `show`'s `full-configuration`. */
function common(verb, rest) {
    if (verb !== 'show')
        return rest.length === 0 ? [ENTER] : [];
    if (rest.length === 0)
        return [{ word: 'full-configuration', help: 'Show the configuration with default values.' }, ENTER];
    return rest.length === 1 && resolveKeyword(rest[0], ['full-configuration']).kind === 'one' ? [ENTER] : [];
}
/** Words in a fixed order, then the end of the line. */
function sequence(rest, steps) {
    if (rest.length < steps.length)
        return steps[rest.length];
    return rest.length === steps.length ? [ENTER] : [];
}
function valueChoices(next) {
    return [...(next.keywords ?? []), ...(next.names ?? []), ...(next.free ? [next.free] : []), ...(next.end ? [ENTER] : [])];
}
/** Typed values with abbreviated keywords made whole; as typed where they are not (the line will say why). */
function canonical(kind, typed, ctx, before) {
    try {
        return valuesOf(kind, typed.map((text) => ({ text, quoted: false })), ctx, [], before).map((t) => t.text);
    }
    catch {
        return [...typed];
    }
}
//# sourceMappingURL=editor-choices.js.map