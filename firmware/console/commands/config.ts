/** `show`, `show full-configuration` and `config …`: the console's door to the configuration. */
import type { ConfigAccess } from '../../config/api.js';
import type { CommandResult } from '../command-tree.js';
import { INCOMPLETE } from '../command-tree.js';
import { endLine } from '../format.js';

export function show(config: ConfigAccess, words: readonly string[], full: boolean): CommandResult {
  return { output: endLine(config.show(words, full)) };
}

/** Enters config mode; the prompt context starts as the last word (FortiOS: "(ha)", "(static)"). */
export function beginConfig(config: ConfigAccess, words: readonly string[]): CommandResult {
  if (words.length === 0) return { output: INCOMPLETE };
  const session = config.beginEdit(words);
  if (typeof session === 'string') return { output: endLine(session) };
  return { output: '', edit: { session, context: words[words.length - 1] as string } };
}
