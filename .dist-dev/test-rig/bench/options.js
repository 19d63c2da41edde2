/**
 * Benchmark settings from the environment, so long runs can be tried short:
 *   TANDEM_BENCH_RUNS          failover runs per configuration (default 20)
 *   TANDEM_BENCH_JITTER_S      length of one jitter window in s (default 60)
 *   TANDEM_BENCH_JITTER_RUNS   jitter windows per load case (default 3)
 *   TANDEM_BENCH_SOAK_S        length of the false-failover run in s (default 600)
 *   TANDEM_BENCH_STORMS        flap storms per beacon setting (default 5)
 *   TANDEM_BENCH_CONFIG_RUNS   one-line config changes synced (default 50; 1000-policy case: 2/5 of it, full syncs: 1/10)
 *   TANDEM_BENCH_BOOTS         cold starts per case (default 10; under qemu: 1/3 of it, at least 2)
 *   TANDEM_BENCH_UPGRADES      rolling upgrades of a pair (default 3)
 *   TANDEM_BENCH_KEEP_FAILED   set: a rig whose benchmark failed is kept, with its logs, for inspection
 */
export class BenchError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BenchError';
    }
}
export function envInt(env, name, fallback, min, max) {
    const text = env[name];
    if (text === undefined || text === '')
        return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
        throw new BenchError(`${name}=${text} is not allowed: use an integer ${min}-${max}`);
    }
    return n;
}
/** The longest window `diagnose test main-load` accepts. */
export const MAX_LOAD_S = 3600;
export function benchOptions(env = process.env) {
    return {
        failoverRuns: envInt(env, 'TANDEM_BENCH_RUNS', 20, 1, 1000),
        jitterS: envInt(env, 'TANDEM_BENCH_JITTER_S', 60, 1, MAX_LOAD_S),
        jitterRuns: envInt(env, 'TANDEM_BENCH_JITTER_RUNS', 3, 1, 100),
        soakS: envInt(env, 'TANDEM_BENCH_SOAK_S', 600, 1, MAX_LOAD_S),
        stormRuns: envInt(env, 'TANDEM_BENCH_STORMS', 5, 1, 100),
        configRuns: envInt(env, 'TANDEM_BENCH_CONFIG_RUNS', 50, 1, 1000),
        bootRuns: envInt(env, 'TANDEM_BENCH_BOOTS', 10, 1, 1000),
        upgradeRuns: envInt(env, 'TANDEM_BENCH_UPGRADES', 3, 1, 20),
    };
}
//# sourceMappingURL=options.js.map