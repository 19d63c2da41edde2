/**
 * What `?` lists and Tab completes, in config mode and at the top level alike: keywords with
 * their help, and placeholders (`<integer>`, `<Enter>`) that describe what may be typed.
 */
/** The line may end here. */
export const ENTER = { word: '<Enter>', help: '', placeholder: true };
export function placeholder(word, help) {
    return { word, help, placeholder: true };
}
/** The first choice of each word, in order. */
export function uniqueChoices(choices) {
    const seen = new Set();
    return choices.filter((c) => {
        if (seen.has(c.word))
            return false;
        seen.add(c.word);
        return true;
    });
}
//# sourceMappingURL=choice.js.map