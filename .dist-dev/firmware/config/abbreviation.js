/**
 * FortiOS keyword abbreviation: a word may be any prefix of a keyword that no other keyword
 * shares (`conf sys ha`, `ge sys ha stat`), and a word equal to a keyword is that keyword even
 * when it starts others (`hb-interval` is not `hb-interval-in-milliseconds`). Where a prefix is
 * shared, an everyday keyword (`preferred`) wins over rarer ones: `se prio 200` is `set`, not
 * `select`; two everyday keywords sharing it leave it ambiguous. Only keywords are abbreviated:
 * names (ports, table entries) and free values are taken as typed.
 */
export function resolveKeyword(word, keywords, preferred = []) {
    if (keywords.includes(word))
        return { kind: 'one', keyword: word };
    if (word === '')
        return { kind: 'none' };
    const candidates = [...new Set(keywords.filter((k) => k.startsWith(word)))];
    if (candidates.length === 1)
        return { kind: 'one', keyword: candidates[0] };
    if (candidates.length === 0)
        return { kind: 'none' };
    const everyday = candidates.filter((c) => preferred.includes(c));
    return everyday.length === 1 ? { kind: 'one', keyword: everyday[0] } : { kind: 'ambiguous', candidates };
}
/** The reason an ambiguous word is refused, naming what it could be. */
export function ambiguous(candidates) {
    return `ambiguous, could be ${candidates.join(', ')}`;
}
//# sourceMappingURL=abbreviation.js.map