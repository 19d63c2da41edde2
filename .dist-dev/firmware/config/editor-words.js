/**
 * Abbreviated words in config mode, made whole before a statement runs: verbs, option names,
 * nested section names and keyword values (`se prio 200`, `set override en`). Names and free
 * values are taken as typed. An ambiguous word is refused with what it could be.
 */
import { ambiguous, resolveKeyword } from './abbreviation.js';
import { ConfigError } from './errors.js';
/** The keyword `token` abbreviates, or its text unchanged when it abbreviates none (the caller says what is allowed). */
export function keywordOf(token, keywords, path, preferred = []) {
    if (token.quoted)
        return token.text;
    const r = resolveKeyword(token.text, keywords, preferred);
    if (r.kind === 'ambiguous')
        throw new ConfigError({ code: 'syntax', path, value: token.text, reason: ambiguous(r.candidates) });
    return r.kind === 'one' ? r.keyword : token.text;
}
/** An option's value tokens with each abbreviated keyword made whole, as far as the kind offers keywords only. */
export function valuesOf(kind, tokens, ctx, path, before = []) {
    const out = [];
    for (const token of tokens) {
        const next = kind.suggest([...before, ...out.map((t) => t.text)], ctx);
        const closed = next.keywords !== undefined && next.free === undefined && next.names === undefined;
        out.push(closed ? { text: keywordOf(token, next.keywords?.map((c) => c.word) ?? [], path), quoted: token.quoted } : token);
    }
    return out;
}
//# sourceMappingURL=editor-words.js.map