import { deleteEntry, editEntry, enterChild, setOption, unsetOption } from './assign.js';
import { commandFail, commandRefused, parseFail, RETURN_CODE } from './command-fail.js';
import { editorChoices } from './editor-choices.js';
import { EVERYDAY_VERBS, frameFor, VERB_WORDS, verbsFor } from './editor-frame.js';
import { keywordOf, valuesOf } from './editor-words.js';
import { CommitRefused, ConfigError } from './errors.js';
import { tokenize } from './lexer.js';
import { editList } from './list-ops.js';
import { getSection, getTable, printBlock, printEntry } from './printer.js';
import { childNames, findOption, optionNames, sectionKey, sectionLabel } from './schema.js';
import { cloneEntry, moveEntry, purgeEntries, renameEntry } from './table-ops.js';
export function createEditor(opts) {
    const { section, ctx } = opts;
    const top = frameFor(section.node, opts.draft, `config ${sectionKey(section.words)}`, sectionLabel(section));
    let stack = [top];
    let open = true;
    /** An `end` waits for the commit gate: no other line runs meanwhile. */
    let committing = false;
    const reply = (output) => ({ output, context: open ? stack[stack.length - 1].label : '', active: open });
    const path = () => stack.map((f) => f.header);
    function run(tokens) {
        const frame = stack[stack.length - 1];
        const [head, ...args] = tokens;
        const where = { path: path() };
        const command = head.quoted ? '' : keywordOf(head, VERB_WORDS, where.path, EVERYDAY_VERBS);
        switch (command) {
            case 'set':
            case 'unset':
            case 'append':
            case 'select':
            case 'unselect': {
                if (frame.kind !== 'section')
                    return parseFail(command, `${command} in a table: use edit <name> first`);
                if (args.length === 0 || args[0].quoted)
                    return parseFail(command, `${command} needs an option name`);
                const option = keywordOf(args[0], optionNames(frame.schema), where.path);
                const kind = findOption(frame.schema, option)?.kind;
                const values = kind ? valuesOf(kind, args.slice(1), ctx, where.path) : args.slice(1);
                if (command === 'set')
                    setOption(frame.node, frame.schema, option, values, ctx, where);
                else if (command !== 'unset')
                    editList(command, frame.node, frame.schema, option, values, ctx, where);
                else if (args.length > 1)
                    return parseFail(args[1].text, 'unset takes only the option name');
                else
                    unsetOption(frame.node, frame.schema, option, ctx, where);
                return '';
            }
            case 'get':
                return frame.kind === 'section' ? getSection(frame.schema, frame.node) : getTable(frame.node);
            case 'show': {
                const full = args.length > 0 && keywordOf(args[0], ['full-configuration'], where.path) === 'full-configuration';
                if (args.length > (full ? 1 : 0))
                    return parseFail(args[args.length - 1].text, 'show takes only full-configuration');
                if (frame.kind === 'section' && frame.entry)
                    return printEntry(frame.header, frame.schema, frame.node, ctx, { full });
                return printBlock(frame.header, frame.schema, frame.node, ctx, { full });
            }
            case 'edit':
            case 'delete': {
                if (frame.kind !== 'table')
                    return parseFail(command, `${command} outside a table: ${frame.header} has no entries`);
                if (args.length !== 1)
                    return parseFail(args[1]?.text ?? command, `${command} takes exactly one name`);
                if (command === 'delete') {
                    deleteEntry(frame.node, frame.schema, args[0], ctx, where);
                    return '';
                }
                const entry = editEntry(frame.node, frame.schema, args[0], ctx, where);
                stack.push({
                    kind: 'section',
                    schema: frame.schema.entry,
                    node: entry.node,
                    header: entry.header,
                    label: entry.name,
                    entry: true,
                });
                return '';
            }
            case 'purge':
            case 'rename':
            case 'clone':
            case 'move':
                return tableVerb(command, frame, args, where);
            case 'next':
                if (frame.kind !== 'section' || !frame.entry)
                    return parseFail('next', 'next without edit');
                stack.pop();
                return '';
            case 'config': {
                if (frame.kind !== 'section')
                    return parseFail('config', 'config in a table: use edit <name> first');
                if (args.length === 0)
                    return parseFail('config', 'config needs a section name');
                const words = args.length === 1 ? [keywordOf(args[0], childNames(frame.schema), where.path)] : args.map((a) => a.text);
                const child = enterChild(frame.node, frame.schema, words, ctx, where);
                stack.push(frameFor(child.schema, child.node, child.header, child.name));
                return '';
            }
            case 'end':
                return end();
            case 'abort':
                open = false;
                return '';
            default:
                return parseFail(head.text, `unknown command ${head.text}, allowed: ${verbsFor(frame)
                    .map((v) => v.word)
                    .join(', ')}`);
        }
    }
    /** `purge`, `rename <old> to <new>`, `clone <old> to <new>`, `move <id> before|after <id>`. */
    function tableVerb(verb, frame, args, where) {
        if (frame.kind !== 'table')
            return parseFail(verb, `${verb} outside a table: ${frame.header} has no entries`);
        if (verb === 'purge') {
            if (args.length > 0)
                return parseFail(args[0].text, 'purge takes no words');
            purgeEntries(frame.node);
            return '';
        }
        const usage = verb === 'move' ? 'move <id> before|after <id>' : `${verb} <old> to <new>`;
        if (args.length !== 3)
            return parseFail(args[3]?.text ?? verb, `usage: ${usage}`);
        const link = keywordOf(args[1], verb === 'move' ? ['before', 'after'] : ['to'], where.path);
        if (verb === 'move') {
            if (link !== 'before' && link !== 'after')
                return parseFail(args[1].text, `usage: ${usage}`);
            moveEntry(frame.node, frame.schema, args[0], link, args[2], ctx, where);
        }
        else if (link !== 'to')
            return parseFail(args[1].text, `usage: ${usage}`);
        else if (verb === 'rename')
            renameEntry(frame.node, frame.schema, args[0], args[2], ctx, where);
        else
            cloneEntry(frame.node, frame.schema, args[0], args[2], ctx, where);
        return '';
    }
    /**
     * Up one level; inside `edit`, `end` also leaves the table. At the top: validate and commit,
     * at once or once the commit gate answers; a refused commit keeps the session where it was.
     */
    function end() {
        const current = stack[stack.length - 1];
        const up = stack.slice(0, current.kind === 'section' && current.entry ? -2 : -1);
        if (up.length > 0) {
            stack = up;
            return '';
        }
        const saved = (out) => {
            open = false;
            return out;
        };
        try {
            const out = opts.commit(opts.draft);
            if (typeof out === 'string')
                return saved(out);
            committing = true;
            return out.then(saved, refused).finally(() => {
                committing = false;
            });
        }
        catch (err) {
            return refused(err);
        }
    }
    return {
        handle(line) {
            if (!open)
                return { output: 'not in config mode\n', context: '', active: false };
            if (committing)
                return reply(commandFail(RETURN_CODE.failed, 'end is still committing this session'));
            try {
                const tokens = tokenize(line);
                const out = tokens.length === 0 ? '' : run(tokens);
                return typeof out === 'string' ? reply(out) : out.then(reply);
            }
            catch (err) {
                if (err instanceof ConfigError)
                    return reply(explain(err));
                return reply(commandFail(RETURN_CODE.parse, `internal error: ${err instanceof Error ? err.message : String(err)}`));
            }
        },
        choices: (words) => (open && !committing ? editorChoices(stack[stack.length - 1], words, ctx) : []),
    };
}
/** Why a commit did not happen, as the console prints it. */
function refused(err) {
    if (err instanceof ConfigError)
        return explain(err);
    if (err instanceof CommitRefused)
        return commandRefused(err.reason);
    return commandFail(RETURN_CODE.failed, `config not saved: ${err instanceof Error ? err.message : String(err)}`);
}
/** A ConfigError as the console prints it. */
export function explain(err) {
    const choices = err.choices ? `, allowed: ${err.choices.length > 0 ? err.choices.join(', ') : '(none)'}` : '';
    switch (err.code) {
        case 'value': {
            const before = err.value || err.option || '';
            const subject = err.option ?? 'name';
            const why = err.expected ? `${subject} must be ${err.expected}` : `${err.reason}${choices}`;
            return parseFail(before, why, 'value');
        }
        case 'rule':
            return commandFail(RETURN_CODE.check, `node_check_object fail! for ${err.option}: ${err.message}`);
        default:
            return parseFail(err.value ?? '', `${err.reason}${choices}`);
    }
}
//# sourceMappingURL=editor.js.map