/**
 * The pair the rolling-upgrade scenarios roll images out on: session pickup, a strict policy (no
 * TCP session without SYN), age deciding with a 1 s margin (a unit that restarts rejoins as the
 * secondary), A primary, streams and the prober running, and every image's key trusted.
 */
import { copyFileSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { GROUP_ID } from './gateway-checks.testkit.js';
import { releaseKeyOf, watchOnePrimary } from './images.testkit.js';
import { primaryOnForming, type ScenarioRig, scenarioRig } from './scenario-rig.testkit.js';

export const SERIAL_A = 'TDSIM00000000001';
export const SERIAL_B = 'TDSIM00000000002';
export const STREAMS = 8;

const strict = gatewayConfig({ policies: [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }] });
const common = {
  groupId: GROUP_ID,
  lostThreshold: 10,
  marginS: 1,
  haLines: ['set session-pickup enable'],
  extra: strict,
};

export interface UpgradePair {
  sr: ScenarioRig;
  /** Stops the one-primary watch: the samples taken, failing if two units worked twice in a row. */
  watch: { stop(): Promise<number> };
}

/** Null when the rig cannot run here (the test is skipped, saying why). */
export async function upgradePair(t: TestContext, publicKey: string): Promise<UpgradePair | null> {
  const sr = await scenarioRig(t, [rigConfig(0, common), rigConfig(1, common)]);
  if (!sr) return null;
  t.after(() => sr.down());
  for (const b of ['A', 'B'] as const) copyFileSync(publicKey, releaseKeyOf(sr.name, b));
  await primaryOnForming(sr, 'A');
  const watch = watchOnePrimary(sr);
  t.after(() => watch.stop());
  // A probe every 5 ms: fine enough for the bounds, lighter on the machine the other scenarios share.
  await sr.rig.traffic.start({ streams: STREAMS, intervalMs: 5 });
  t.after(() => sr.rig.traffic.stop().catch(() => {}));
  await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
  return { sr, watch };
}
