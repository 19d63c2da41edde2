import { childNames } from './schema.js';
export function frameFor(schema, node, header, label) {
    if (schema.kind === 'table' && node.kind === 'table')
        return { kind: 'table', schema, node, header, label };
    if (schema.kind === 'section' && node.kind === 'section')
        return { kind: 'section', schema, node, header, label, entry: false };
    throw new Error(`config tree: ${header} does not match its schema`);
}
/** FortiOS's config-mode verbs, with the help `?` shows, in the order it lists them. */
const VERBS = [
    { word: 'set', help: 'Modify value.', in: 'section' },
    { word: 'unset', help: 'Set to default value.', in: 'section' },
    { word: 'append', help: 'Append values to a list.', in: 'section' },
    { word: 'select', help: 'Clear a list and select the given values.', in: 'section' },
    { word: 'unselect', help: 'Remove values from a list.', in: 'section' },
    { word: 'config', help: 'Configure a nested object.', in: 'section' },
    { word: 'edit', help: 'Add or edit a table entry.', in: 'table' },
    { word: 'delete', help: 'Delete a table entry.', in: 'table' },
    { word: 'purge', help: 'Delete every entry of the table.', in: 'table' },
    { word: 'rename', help: 'Rename a table entry: rename <old> to <new>.', in: 'table' },
    { word: 'clone', help: 'Copy a table entry: clone <old> to <new>.', in: 'table' },
    { word: 'move', help: 'Move a table entry: move <id> before|after <id>.', in: 'table' },
    { word: 'get', help: 'Show the values, defaults included.', in: 'any' },
    { word: 'show', help: 'Show the configuration.', in: 'any' },
    { word: 'next', help: 'Leave this entry for the table.', in: 'entry' },
    { word: 'end', help: 'End and save the configuration.', in: 'any' },
    { word: 'abort', help: 'End and discard the changes.', in: 'any' },
];
/** Every verb: an abbreviation is resolved against them all, so a verb misplaced is told why. */
export const VERB_WORDS = VERBS.map((v) => v.word);
/** The everyday verbs, which win a prefix they share with a rarer one (`se` is `set`, `un` is `unset`). */
export const EVERYDAY_VERBS = ['set', 'unset', 'get', 'show', 'edit', 'next', 'end', 'config'];
/** The verbs this frame takes, as `?` lists them. */
export function verbsFor(frame) {
    const applies = (v) => {
        if (v.in === 'any')
            return true;
        if (frame.kind === 'table')
            return v.in === 'table' && (v.word !== 'move' || frame.schema.ordered === true);
        if (v.in === 'entry')
            return frame.entry;
        return v.in === 'section' && (v.word !== 'config' || childNames(frame.schema).length > 0);
    };
    return VERBS.filter(applies).map(({ word, help }) => ({ word, help }));
}
//# sourceMappingURL=editor-frame.js.map