/**
 * The console's command grammar: a tree of keywords with handlers at the leaves, walked with
 * FortiOS rules: a word may be any unambiguous prefix of a keyword ("ge sys stat"), a trailing
 * "?" lists what may follow, and mistakes get FortiOS's error lines and return codes.
 * A handler may answer at once or later (one that walks the session table answers when the walk
 * is done).
 */
import type { ConfigEditorSession } from '../config/api.js';
import { commandFail, parseFail, RETURN_CODE } from '../config/command-fail.js';
import type { SessionFilter } from './session-filter.js';
import { printable } from './tokenize.js';

export interface CommandResult {
  output: string;
  /** Set by `config …`: the session continues in config mode with this editor. */
  edit?: { session: ConfigEditorSession; context: string };
}

/** What one console session keeps between its commands (FortiOS keeps them per CLI session). */
export interface ConsoleState {
  /** `diagnose sys session filter`. */
  sessionFilter: SessionFilter;
}

/**
 * `none`: no words may follow. `words`: free words follow (passed to the handler); children
 * then match only exactly, so a free word is never mistaken for an abbreviation.
 */
export type ArgSpec = 'none' | 'words';

export interface CommandNode {
  word: string;
  help: string;
  children?: readonly CommandNode[];
  args?: ArgSpec;
  run?: (args: readonly string[], state: ConsoleState) => CommandResult | Promise<CommandResult>;
  /** Shown by "?" for the free words, e.g. "<section words>" or "[cluster index]". */
  argsHelp?: string;
}

export const UNKNOWN_ACTION = 'Unknown action 0\n';
export const INCOMPLETE = commandFail(RETURN_CODE.incomplete);

export function parseError(word: string): string {
  return parseFail(printable(word));
}

/** Finds and runs the command the words name; every failure is output, never an exception. */
export function dispatch(
  root: CommandNode,
  words: readonly string[],
  state: ConsoleState,
): CommandResult | Promise<CommandResult> {
  let node = root;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '?' && i === words.length - 1) return { output: listChoices(node) };
    const exactOnly = node.args === 'words';
    const next = findChild(node, word, exactOnly);
    if (next) {
      node = next;
      continue;
    }
    if (node.run && node.args === 'words') return node.run(words.slice(i), state);
    return { output: i === 0 ? UNKNOWN_ACTION : parseError(word) };
  }
  if (node.run) return node.run([], state);
  return { output: INCOMPLETE };
}

function findChild(node: CommandNode, word: string, exactOnly: boolean): CommandNode | undefined {
  const children = node.children ?? [];
  const exact = children.find((c) => c.word === word);
  if (exact || exactOnly || word === '') return exact;
  const matches = children.filter((c) => c.word.startsWith(word));
  return matches.length === 1 ? matches[0] : undefined;
}

/** What "?" prints: the keywords (and free words) that may follow, with their help. */
export function listChoices(node: CommandNode): string {
  const rows: [string, string][] = (node.children ?? []).map((c) => [c.word, c.help]);
  if (node.args === 'words' && node.argsHelp) rows.push([node.argsHelp, '']);
  if (node.run) rows.push(['<Enter>', '']);
  const width = Math.max(...rows.map(([w]) => w.length)) + 4;
  return rows.map(([w, h]) => (h ? `${w.padEnd(width)}${h}\n` : `${w}\n`)).join('');
}

/** Every full command line the tree accepts with its help, for `help`. */
export function listCommands(root: CommandNode): [string, string][] {
  const out: [string, string][] = [];
  const walk = (node: CommandNode, line: string) => {
    if (node.run) out.push([node.argsHelp ? `${line} ${node.argsHelp}` : line, node.help]);
    for (const child of node.children ?? []) walk(child, `${line} ${child.word}`);
  };
  for (const child of root.children ?? []) walk(child, child.word);
  return out;
}
