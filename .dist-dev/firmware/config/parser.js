/**
 * FortiOS configuration text to a syntax tree: `config <words...>` blocks holding `set`,
 * `unset`, nested `config` blocks and, in tables, `edit <name>` ... `next` entries; `end` closes
 * a block. Lines starting with `#` are comments (files begin with `#config-version=...`).
 * The parser knows only this structure; which sections and options exist is the schema's
 * business, so one parser serves the file, the console and config sync.
 */
import { ConfigError } from './errors.js';
import { quote, tokenize } from './lexer.js';
/** `config system ha`, `edit "port1"`, `edit 3`: how a block is named in paths and messages. */
export function blockHeader(block) {
    if (block.kind === 'config')
        return `config ${block.words.join(' ')}`;
    return `edit ${/^\d+$/.test(block.name) ? block.name : quote(block.name)}`;
}
/** Parses a whole file or paste. Throws a `syntax` ConfigError naming the line. */
export function parseConfigText(text) {
    const top = [];
    const open = [];
    const path = () => open.map(blockHeader);
    function fail(line, value, reason) {
        throw new ConfigError({ code: 'syntax', line, path: path(), value, reason });
    }
    const lines = text.split('\n');
    let lastLine = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = i + 1;
        const trimmed = lines[i].trim();
        if (trimmed === '' || trimmed.startsWith('#'))
            continue;
        lastLine = line;
        const tokens = tokenize(trimmed, { line, path: path() });
        const [head, ...rest] = tokens;
        const keyword = head.quoted ? '' : head.text;
        const current = open[open.length - 1];
        switch (keyword) {
            case 'config': {
                if (rest.length === 0)
                    fail(line, 'config', 'config needs a section name');
                const block = { kind: 'config', words: rest.map((t) => t.text), body: [], line };
                if (current)
                    current.body.push(block);
                else
                    top.push(block);
                open.push(block);
                break;
            }
            case 'edit': {
                if (current?.kind !== 'config')
                    fail(line, 'edit', 'edit outside a config block');
                if (rest.length !== 1)
                    fail(line, rest[1]?.text ?? 'edit', 'edit takes exactly one name');
                const block = { kind: 'edit', name: rest[0].text, body: [], line };
                current.body.push(block);
                open.push(block);
                break;
            }
            case 'set':
            case 'unset': {
                if (!current)
                    fail(line, keyword, `${keyword} outside a config block`);
                if (rest.length === 0 || rest[0].quoted)
                    fail(line, keyword, `${keyword} needs an option name`);
                const option = rest[0].text;
                if (keyword === 'set')
                    current.body.push({ kind: 'set', option, values: rest.slice(1), line });
                else if (rest.length > 1)
                    fail(line, rest[1].text, 'unset takes only the option name');
                else
                    current.body.push({ kind: 'unset', option, line });
                break;
            }
            case 'next':
                if (current?.kind !== 'edit')
                    fail(line, 'next', 'next without edit');
                if (rest.length > 0)
                    fail(line, rest[0].text, 'next takes no arguments');
                open.pop();
                break;
            case 'end':
                if (!current)
                    fail(line, 'end', 'end without config');
                if (current.kind === 'edit')
                    fail(line, 'end', `end inside ${blockHeader(current)} (missing next)`);
                if (rest.length > 0)
                    fail(line, rest[0].text, 'end takes no arguments');
                open.pop();
                break;
            default:
                fail(line, head.text, `unknown statement ${head.text}, allowed: config, edit, set, unset, next, end`);
        }
    }
    const unclosed = open[open.length - 1];
    if (unclosed) {
        const closer = unclosed.kind === 'edit' ? 'next' : 'end';
        throw new ConfigError({
            code: 'syntax',
            line: lastLine,
            path: path(),
            value: '',
            reason: `missing ${closer} for ${blockHeader(unclosed)} opened at line ${unclosed.line}`,
        });
    }
    return top;
}
//# sourceMappingURL=parser.js.map