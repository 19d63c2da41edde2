/**
 * `<command> | grep [options] <pattern>`: FortiOS's filter of command output, in any mode.
 * The pattern is a regular expression; -i ignores case, -v keeps the lines that do not match,
 * -n numbers the lines, -c prints only how many matched, -f prints the config blocks around
 * each match with the match marked `<---`, -A/-B/-C <n> add lines after/before/around.
 */
import { ambiguous, resolveKeyword } from '../config/abbreviation.js';
import { ENTER, placeholder } from '../config/choice.js';
import { parseFail } from '../config/command-fail.js';
import { printable, tokenize } from './tokenize.js';
const FLAGS = [
    { word: '-i', help: 'Ignore case distinctions.' },
    { word: '-v', help: 'Select non-matching lines.' },
    { word: '-n', help: 'Print line number with output lines.' },
    { word: '-c', help: 'Only print count of matching lines.' },
    { word: '-f', help: 'Print fortinet config context.' },
    { word: '-A', help: 'Print NUM lines of trailing context.' },
    { word: '-B', help: 'Print NUM lines of leading context.' },
    { word: '-C', help: 'Print NUM lines of output context.' },
];
const USAGE = 'usage: grep [-invcf] [-A|-B|-C <n>] <pattern>';
const MAX_CONTEXT = 10_000;
/** The filter after `|`, or the error to print instead of running the command. */
export function parseGrep(text) {
    const t = tokenize(text);
    if (!t.ok)
        return parseFail('|', t.error);
    const [verb, ...words] = t.words;
    const r = resolveKeyword(verb ?? '', ['grep']);
    if (r.kind !== 'one')
        return parseFail(printable(verb ?? '|'), r.kind === 'ambiguous' ? ambiguous(r.candidates) : 'only grep may follow |');
    const f = {
        pattern: /$^/,
        invert: false,
        lineNumbers: false,
        count: false,
        configContext: false,
        before: 0,
        after: 0,
    };
    let ignoreCase = false;
    let i = 0;
    for (; i < words.length && /^-./.test(words[i]); i++) {
        const word = words[i];
        for (let c = 1; c < word.length; c++) {
            const flag = word[c];
            if (flag === 'i')
                ignoreCase = true;
            else if (flag === 'v')
                f.invert = true;
            else if (flag === 'n')
                f.lineNumbers = true;
            else if (flag === 'c')
                f.count = true;
            else if (flag === 'f')
                f.configContext = true;
            else if (flag === 'A' || flag === 'B' || flag === 'C') {
                const inline = word.slice(c + 1);
                const n = inline !== '' ? inline : words[++i];
                if (n === undefined || !/^\d{1,5}$/.test(n) || Number(n) > MAX_CONTEXT)
                    return parseFail(printable(n ?? word), `-${flag} needs a number of lines 0-${MAX_CONTEXT}`, 'value');
                if (flag !== 'B')
                    f.after = Number(n);
                if (flag !== 'A')
                    f.before = Number(n);
                break;
            }
            else
                return parseFail(printable(word), USAGE);
        }
    }
    const pattern = words[i];
    if (pattern === undefined)
        return parseFail('grep', `grep needs a pattern; ${USAGE}`);
    if (i + 1 < words.length)
        return parseFail(printable(words[i + 1]), 'grep takes one pattern: quote one with blanks');
    try {
        f.pattern = new RegExp(pattern, ignoreCase ? 'i' : '');
    }
    catch (err) {
        return parseFail(printable(pattern), `not a regular expression: ${err.message}`, 'value');
    }
    return f;
}
/** The lines of `output` the filter keeps, each ending with "\n". */
export function applyGrep(output, f) {
    const lines = output.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    const matched = lines.map((l) => f.pattern.test(l) !== f.invert);
    if (f.count)
        return `${matched.filter(Boolean).length}\n`;
    const shown = f.configContext ? configBlocks(lines, matched) : withContext(matched, f.before, f.after);
    let out = '';
    let last = -1;
    for (let i = 0; i < lines.length; i++) {
        if (!shown[i])
            continue;
        if (last >= 0 && i > last + 1 && !f.configContext && (f.before > 0 || f.after > 0))
            out += '--\n';
        const mark = f.configContext && matched[i] ? ' <---' : '';
        out += `${f.lineNumbers ? `${i + 1}${matched[i] ? ':' : '-'}` : ''}${lines[i]}${mark}\n`;
        last = i;
    }
    return out;
}
function withContext(matched, before, after) {
    const shown = matched.map(() => false);
    matched.forEach((m, i) => {
        if (!m)
            return;
        for (let j = Math.max(0, i - before); j <= Math.min(matched.length - 1, i + after); j++)
            shown[j] = true;
    });
    return shown;
}
/** Each match with the `config`/`edit` headers above it and their `end`/`next`, found by the blocks' nesting. */
function configBlocks(lines, matched) {
    const shown = matched.map(() => false);
    const closer = new Map();
    const open = [];
    const enclosing = [];
    lines.forEach((line, i) => {
        const t = line.trim();
        if (t === 'end' || t === 'next') {
            const header = open.pop();
            if (header !== undefined)
                closer.set(header, i);
        }
        enclosing.push([...open]);
        if (/^(config|edit) /.test(t))
            open.push(i);
    });
    matched.forEach((m, i) => {
        if (!m)
            return;
        for (const h of [...(enclosing[i] ?? []), i]) {
            shown[h] = true;
            const c = closer.get(h);
            if (c !== undefined)
                shown[c] = true;
        }
    });
    return shown;
}
/** What `?` and Tab offer after `|`. */
export function grepChoices(words) {
    if (words.length === 0)
        return [{ word: 'grep', help: 'Print the lines that match a pattern.' }];
    if (resolveKeyword(words[0], ['grep']).kind !== 'one')
        return [];
    let i = 1;
    while (i < words.length && /^-./.test(words[i]))
        i += /^-[ABC]$/.test(words[i]) ? 2 : 1;
    if (i < words.length)
        return [ENTER];
    return [...FLAGS, placeholder('<pattern>', 'A regular expression.')];
}
//# sourceMappingURL=grep.js.map