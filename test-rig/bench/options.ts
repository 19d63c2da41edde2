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
 *   TANDEM_BENCH_PROBE_MS      the gap benchmark's probe period in ms (default 1; 0.1-1)
 *   TANDEM_BENCH_KEEP_FAILED   set: a rig whose benchmark failed is kept, with its logs, for inspection
 */

export class BenchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchError';
  }
}

export interface BenchOptions {
  failoverRuns: number;
  jitterS: number;
  jitterRuns: number;
  soakS: number;
  stormRuns: number;
  configRuns: number;
  bootRuns: number;
  upgradeRuns: number;
}

export function envInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  return envNumber(env, name, fallback, min, max, true);
}

/** `name` from the environment, `fallback` when unset; a value outside [min, max] (or not an integer, if asked) is refused. */
function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, integer: boolean): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if ((integer && !Number.isInteger(n)) || !(n >= min && n <= max)) {
    throw new BenchError(`${name}=${text} is not allowed: use ${integer ? 'an integer' : 'a number'} ${min}-${max}`);
  }
  return n;
}

/** TANDEM_BENCH_PROBE_MS: the gap benchmark's probe period, 0.1 to 1 ms (default 1). */
export function envProbeMs(env: NodeJS.ProcessEnv): number {
  return envNumber(env, 'TANDEM_BENCH_PROBE_MS', 1, 0.1, 1, false);
}

/** The longest window `diagnose test main-load` accepts. */
export const MAX_LOAD_S = 3600;

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
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
