/**
 * `npm run bench`: every benchmark; `node dist/test-rig/bench/run.js failover|gap|hang|storm|takeover|lease|jitter|soak|wire|sessions|windows|config|release|boot|upgrade`
 * runs the ones named. Results are JSON lines on stdout, progress on stderr. A benchmark that
 * fails is reported and the others still run; the exit code is then 1. Settings: options.ts.
 */
import { downLiveRigs, downRigsOnEarlyExit } from './bench-rig.js';
import { benchBoot } from './boot.js';
import { benchConfigSync } from './config-sync.js';
import { progress } from './emit.js';
import { benchFailover, FAILOVER_CASES } from './failover.js';
import { benchGap, GAP_CASES, gapCaseLabel } from './gap.js';
import { benchHang, HANG_CASES } from './hang.js';
import { benchJitter } from './jitter.js';
import { benchLease } from './lease.js';
import { type BenchOptions, benchOptions } from './options.js';
import { benchRelease } from './release.js';
import { benchSessions } from './sessions.js';
import { benchSoak } from './soak.js';
import { benchStaleWindows } from './stale-windows.js';
import { benchStorm } from './storm.js';
import { benchTakeover } from './takeover.js';
import { benchUpgrade } from './upgrade.js';
import { benchWire } from './wire.js';

const BENCHES: Record<string, (o: BenchOptions) => Promise<void>> = {
  wire: () => benchWire(),
  failover: async (o) => {
    for (const c of FAILOVER_CASES) await benchFailover(c, o.failoverRuns);
  },
  gap: async (o) => {
    const only = process.env.TANDEM_BENCH_GAP;
    for (const c of GAP_CASES) if (!only || gapCaseLabel(c).includes(only)) await benchGap(c, o.failoverRuns);
  },
  hang: async (o) => {
    for (const c of HANG_CASES) await benchHang(c, o.failoverRuns);
  },
  storm: (o) => benchStorm(o.stormRuns),
  takeover: (o) => benchTakeover(o.failoverRuns),
  lease: () => benchLease(),
  jitter: (o) => benchJitter(o.jitterS, o.jitterRuns),
  soak: (o) => benchSoak(o.soakS),
  sessions: (o) => benchSessions(o),
  windows: () => benchStaleWindows(),
  config: (o) => benchConfigSync(o.configRuns),
  release: () => benchRelease(),
  boot: (o) => benchBoot(o),
  upgrade: (o) => benchUpgrade(o),
};

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    progress(`no benchmark named ${unknown.join(', ')}: use ${Object.keys(BENCHES).join(', ')}`);
    return 2;
  }
  const options = benchOptions();
  downRigsOnEarlyExit();
  let failed = 0;
  try {
    for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
      try {
        await BENCHES[name]?.(options);
      } catch (e) {
        failed++;
        progress(`${name} failed: ${(e as Error).stack ?? e}`);
      }
    }
  } finally {
    await downLiveRigs();
  }
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    progress(`${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
