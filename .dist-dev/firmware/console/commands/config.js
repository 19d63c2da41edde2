/**
 * `show`, `show full-configuration` and `config …`: the console's door to the configuration.
 * Section words may be abbreviated level by level (`conf sys ha`, `sh fir pol`).
 */
import { ambiguous, resolveKeyword } from '../../config/abbreviation.js';
import { ENTER } from '../../config/choice.js';
import { parseFail } from '../../config/command-fail.js';
import { INCOMPLETE } from '../command-tree.js';
import { endLine } from '../format.js';
import { printable } from '../tokenize.js';
export function show(config, words, full) {
    const section = sectionWords(config.sections(), words);
    if (typeof section === 'string')
        return { output: section };
    return { output: endLine(config.show(section, full)) };
}
/** Enters config mode; the prompt context starts as the last word (FortiOS: "(ha)", "(static)"). */
export function beginConfig(config, words) {
    if (words.length === 0)
        return { output: INCOMPLETE };
    const section = sectionWords(config.sections(), words);
    if (typeof section === 'string')
        return { output: section };
    const session = config.beginEdit(section);
    if (typeof session === 'string')
        return { output: endLine(session) };
    return { output: '', edit: { session, context: section[section.length - 1] } };
}
/**
 * What may follow the section words typed so far: the next words with help, and `<Enter>`
 * where the words name a section (`config`) or any group of them (`show`).
 */
export function sectionChoices(sections, typed, whole) {
    const at = sectionWords(sections, typed);
    if (typeof at === 'string')
        return [];
    const under = sections.filter((s) => startsWith(s.words, at));
    const next = [...new Set(under.map((s) => s.words[at.length]).filter((w) => w !== undefined))];
    const choices = next.map((word) => {
        const words = [...at, word];
        const exact = sections.find((s) => same(s.words, words));
        const below = under
            .filter((s) => startsWith(s.words, words) && s.words.length > words.length)
            .map((s) => s.words[words.length]);
        return { word, help: exact?.help ?? `Configure ${words.join(' ')}: ${[...new Set(below)].join(', ')}.` };
    });
    const ends = under.length > 0 && (whole ? under.some((s) => same(s.words, at)) : true);
    return [...choices, ...(ends ? [ENTER] : [])];
}
/** The words with each abbreviation made whole; as typed from the first word that names nothing (the store says why). */
function sectionWords(sections, words) {
    const out = [];
    for (const [i, word] of words.entries()) {
        const candidates = [
            ...new Set(sections.filter((s) => startsWith(s.words, out)).flatMap((s) => (i < s.words.length ? [s.words[i]] : []))),
        ];
        const r = resolveKeyword(word, candidates);
        if (r.kind === 'ambiguous')
            return parseFail(printable(word), ambiguous(r.candidates));
        if (r.kind === 'none')
            return [...out, ...words.slice(i)];
        out.push(r.keyword);
    }
    return out;
}
function startsWith(words, prefix) {
    return prefix.every((w, i) => words[i] === w);
}
function same(a, b) {
    return a.length === b.length && startsWith(a, b);
}
//# sourceMappingURL=config.js.map