/** xorshift32 in [0, 1): the same "random" sequence for a seed on every run, so a failing case can be replayed. */
export function seededRandom(seed) {
    let x = seed >>> 0 || 1;
    return () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return (x >>> 0) / 2 ** 32;
    };
}
//# sourceMappingURL=seeded-random.testkit.js.map