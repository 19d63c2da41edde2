/**
 * What `?` lists and Tab completes, in config mode and at the top level alike: keywords with
 * their help, and placeholders (`<integer>`, `<Enter>`) that describe what may be typed.
 */

export interface Choice {
  word: string;
  help: string;
  /** A description of free input (`<integer>`, `<Enter>`): listed by `?`, never completed by Tab. */
  placeholder?: boolean;
}

/** The line may end here. */
export const ENTER: Choice = { word: '<Enter>', help: '', placeholder: true };

export function placeholder(word: string, help: string): Choice {
  return { word, help, placeholder: true };
}

/** The first choice of each word, in order. */
export function uniqueChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((c) => {
    if (seen.has(c.word)) return false;
    seen.add(c.word);
    return true;
  });
}
