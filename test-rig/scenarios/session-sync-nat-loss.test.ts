/**
 * Session sync beyond plain TCP (issue 8): NAT'd sessions go with their mapping only with
 * `session-pickup-nat` (each way tested on a rig of its own, so one cannot leak into the
 * other), and sync over a dedicated `session-sync-dev` port losing 10 % of its frames still
 * converges: the secondary's kernel ends with exactly the streams the primary has, tuple for
 * tuple.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import type { TrafficReport } from '../traffic/report.js';
import { GROUP_ID } from './gateway-checks.testkit.js';
import { onePrimary, type ScenarioRig, scenarioRig, stateOf } from './scenario-rig.testkit.js';
import { lastHeard, streamTuples } from './stream-sessions.testkit.js';

const STREAMS = 50;
const AFTER_MS = 3000;

async function pair(t: Parameters<typeof scenarioRig>[0], haLines: string[], nat: boolean): Promise<ScenarioRig | null> {
  const extra = gatewayConfig({ policies: [{ id: 1, action: 'accept', natPool: nat, tcpSessionWithoutSyn: false }] });
  const common = { groupId: GROUP_ID, marginS: 1, haLines, extra };
  return scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
}

/** Streams through A, then kill -9 of A: how many streams B carries on, and the report. */
async function killPrimary(sr: ScenarioRig): Promise<{ flowing: number; report: TrafficReport }> {
  await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary');
  await sr.rig.traffic.start({ streams: STREAMS });
  await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
  await new Promise((r) => setTimeout(r, 1000));
  await sr.rig.fault('kill', 'A');
  const s = await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over', 30_000);
  const took = s.boards.find((b) => b.board === 'B')?.ha?.stateSinceMs ?? s.nowMs;
  const report = await sr.rig.traffic.waitFor((x) => x.nowMs > took + AFTER_MS, 30_000, 'after the takeover');
  await sr.rig.traffic.stop();
  return { flowing: report.streams.list.filter((x) => lastHeard(x) > took + AFTER_MS / 2).length, report };
}

test('NAT: translated streams survive a failover with session-pickup-nat', async (t) => {
  const sr = await pair(t, ['set session-pickup enable', 'set session-pickup-nat enable'], true);
  if (!sr) return;
  t.after(() => sr.down());
  const { flowing, report } = await killPrimary(sr);
  const broken = report.streams.list.filter((s) => s.state === 'broken');
  assert.equal(broken.length, 0, `streams broken: ${JSON.stringify(broken.slice(0, 3).map((s) => s.reason))}`);
  assert.equal(flowing, STREAMS, 'every translated stream carries on through B');
});

test('NAT: without session-pickup-nat the translated streams are not synced and stall', async (t) => {
  const sr = await pair(t, ['set session-pickup enable'], true);
  if (!sr) return;
  t.after(() => sr.down());
  const { flowing } = await killPrimary(sr);
  assert.equal(flowing, 0, 'translated streams flowed on although their sessions were not synced');
});

test('10 % loss on the session-sync-dev port: the secondary still converges on the primary', async (t) => {
  const sr = await pair(t, ['set session-pickup enable', 'set session-sync-dev "port3"'], false);
  if (!sr) return;
  t.after(() => sr.down());
  await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary');
  assert.match(await sr.rig.exec('A', 'diagnose sys ha status'), /ports in use: port3/);
  await sr.rig.fault('loss', 'port3', 10);
  await sr.rig.traffic.start({ streams: STREAMS });
  await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
  let a: string[] = [];
  let b: string[] = ['none yet'];
  for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
    [a, b] = [await streamTuples(sr.name, 'A'), await streamTuples(sr.name, 'B')];
    if (a.length >= STREAMS && a.join() === b.join()) break;
  }
  assert.ok(a.length >= STREAMS, `A holds ${a.length} stream sessions`);
  assert.deepEqual(b, a, "B's stream sessions are A's, tuple for tuple");
  await sr.rig.traffic.stop();
  await sr.rig.fault('loss', 'port3', 0);
});
