/**
 * The console's command grammar: a tree of keywords with handlers at the leaves, walked with
 * FortiOS rules: a word may be any unambiguous prefix of a keyword ("ge sys stat"), an
 * ambiguous one is refused with what it could be, `?` and Tab learn from the tree what may
 * follow, and mistakes get FortiOS's error lines and return codes.
 * A handler may answer at once or later (one that walks the session table answers when the walk
 * is done).
 */
import { ambiguous, resolveKeyword } from '../config/abbreviation.js';
import { ENTER, placeholder } from '../config/choice.js';
import { commandFail, parseFail, RETURN_CODE } from '../config/command-fail.js';
import { printable } from './tokenize.js';
export const UNKNOWN_ACTION = 'Unknown action 0\n';
export const INCOMPLETE = commandFail(RETURN_CODE.incomplete);
export function parseError(word) {
    return parseFail(printable(word));
}
/** Finds and runs the command the words name; every failure is output, never an exception. */
export function dispatch(root, words, state) {
    let node = root;
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        const next = findChild(node, word);
        if (next.kind === 'one') {
            node = next.node;
            continue;
        }
        if (next.kind === 'ambiguous')
            return { output: parseFail(printable(word), ambiguous(next.candidates)) };
        if (node.run && node.args === 'words')
            return node.run(words.slice(i), state);
        return { output: i === 0 ? UNKNOWN_ACTION : parseError(word) };
    }
    if (node.run)
        return node.run([], state);
    return { output: INCOMPLETE };
}
/**
 * A child named by `word`. Below a node that takes free words, an abbreviation names a child
 * only when the free words the node knows (section names) cannot be meant: `show full` is
 * `full-configuration`, `show f` is ambiguous with `firewall`, and an unknown free word is
 * never taken for a child.
 */
function findChild(node, word) {
    const children = node.children ?? [];
    const names = children.map((c) => c.word);
    const exact = children.find((c) => c.word === word);
    if (exact)
        return { kind: 'one', node: exact };
    if (node.args === 'words' && !node.complete)
        return { kind: 'none' };
    const free = node.args === 'words' ? (node.complete?.([]) ?? []).filter((c) => !c.placeholder).map((c) => c.word) : [];
    const r = resolveKeyword(word, [...names, ...free]);
    if (r.kind === 'ambiguous')
        return r.candidates.some((c) => names.includes(c)) ? r : { kind: 'none' };
    const child = r.kind === 'one' ? children.find((c) => c.word === r.keyword) : undefined;
    return child ? { kind: 'one', node: child } : { kind: 'none' };
}
/** What may follow `words` in the tree: keywords with help, the free words, `<Enter>` where a command ends. */
export function treeChoices(root, words) {
    let node = root;
    for (let i = 0; i < words.length; i++) {
        const next = findChild(node, words[i]);
        if (next.kind === 'one')
            node = next.node;
        else if (node.args === 'words')
            return freeChoices(node, words.slice(i));
        else
            return [];
    }
    const children = (node.children ?? []).map((c) => ({ word: c.word, help: c.help }));
    const free = node.args === 'words' ? freeChoices(node, []) : node.run ? [ENTER] : [];
    return [...children, ...free];
}
function freeChoices(node, args) {
    if (node.complete)
        return node.complete(args);
    if (args.length > 0)
        return [ENTER];
    return [...(node.argsHelp ? [placeholder(node.argsHelp, '')] : []), ...(node.run ? [ENTER] : [])];
}
/** Every full command line the tree accepts with its help, for `help`. */
export function listCommands(root) {
    const out = [];
    const walk = (node, line) => {
        if (node.run)
            out.push([node.argsHelp ? `${line} ${node.argsHelp}` : line, node.help]);
        for (const child of node.children ?? [])
            walk(child, `${line} ${child.word}`);
    };
    for (const child of root.children ?? [])
        walk(child, child.word);
    return out;
}
//# sourceMappingURL=command-tree.js.map