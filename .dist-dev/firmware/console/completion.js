/**
 * `?` and Tab on a partly typed line, in any mode: the line is cut at the cursor into whole
 * words and the word being typed (tokenize.ts rules), a source says what may follow the whole
 * words (the command tree, or the config editor where it stands), and the word being typed
 * narrows that down. A `?` inside quotes or after a backslash is a literal character.
 */
import { ENTER, uniqueChoices } from '../config/choice.js';
import { splitPartial } from './tokenize.js';
/** What `?` prints for the line before the cursor; null when the `?` is a literal character there. */
export function helpFor(before, source) {
    const at = splitPartial(before);
    if (at.quote !== null || at.escaped)
        return null;
    const choices = source(at.words).filter((c) => c.placeholder ? at.partial === '' || c !== ENTER : c.word.startsWith(at.partial));
    return formatChoices(choices);
}
/** Tab: the word being typed completed as far as its candidates agree. */
export function completeFor(before, source) {
    const at = splitPartial(before);
    if (at.escaped)
        return { insert: '', listing: '' };
    const matches = uniqueChoices(source(at.words).filter((c) => !c.placeholder && c.word.startsWith(at.partial)));
    if (matches.length === 0)
        return { insert: '', listing: '' };
    const listing = formatChoices(matches);
    if (matches.length === 1) {
        const rest = escapeTyped(matches[0].word.slice(at.partial.length), at.quote);
        return { insert: `${rest}${at.quote ?? ''} `, listing };
    }
    const common = commonPrefix(matches.map((c) => c.word));
    return { insert: escapeTyped(common.slice(at.partial.length), at.quote), listing };
}
/** Choices one per line, help in a column after the widest word, as FortiOS lists them. */
export function formatChoices(choices) {
    if (choices.length === 0)
        return '';
    const width = Math.max(...choices.map((c) => c.word.length)) + 4;
    return choices.map((c) => (c.help ? `${c.word.padEnd(width)}${c.help}\n` : `${c.word}\n`)).join('');
}
/** Characters the tokenizer would take otherwise, escaped where the word is being typed. */
function escapeTyped(text, quote) {
    if (quote === "'")
        return text;
    const special = quote === '"' ? /["\\]/g : /[\s"'\\|]/g;
    return text.replace(special, (c) => `\\${c}`);
}
function commonPrefix(words) {
    let prefix = words[0] ?? '';
    for (const w of words)
        while (!w.startsWith(prefix))
            prefix = prefix.slice(0, -1);
    return prefix;
}
//# sourceMappingURL=completion.js.map