/**
 * Never a blackhole after a stall or a heal (issue 7): whenever another unit has claimed the
 * primary role, switches may have learnt the virtual MAC on its ports, so the unit that is
 * primary afterwards must announce at once. Each step keeps the prober and TCP streams running
 * through the fault and checks the outage after it ends, the streams, and where both bridges
 * learnt the virtual MAC right after. Heartbeats 100 ms × 6 (lost after 600 ms); override on,
 * so A (priority 200) takes the role back whenever it can.
 */
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import type { BoardLetter } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { streamsFlowSince, type TrafficReport } from '../traffic/report.js';
import { GROUP_ID, VMAC_LAN, VMAC_WAN } from './gateway-checks.testkit.js';
import { learntPort } from './probes.testkit.js';
import { onePrimary, type ScenarioRig, scenarioRig, stateOf, untilTime } from './scenario-rig.testkit.js';

const LOST_AFTER_MS = 100 * 6;
/** The outage allowed once the fault is over (the bound). */
const AFTER_MS = 50;
// Beacons off: these steps make a split brain by cutting the heartbeat links alone, which
// data-port beacons would prevent (beacons.test.ts); what is tested is the heal itself.
const common = { groupId: GROUP_ID, override: true, marginS: 1, haLines: ['set data-beacon disable'], extra: gatewayConfig() };

const steps: [string, (sr: ScenarioRig, t: TestContext) => Promise<void>][] = [];
const step = (name: string, body: (sr: ScenarioRig, t: TestContext) => Promise<void>) => steps.push([name, body]);

/** Waits on the rig's monotonic clock (the fault times' clock) until `atMs`. */

/**
 * Runs `fault` (which resolves to the moment it ended) with traffic flowing, waits for A to be
 * the one primary, then returns the traffic report once every outage has closed and two lost
 * thresholds have passed, plus when the fault ended.
 */
async function throughFault(sr: ScenarioRig, fault: () => Promise<number>): Promise<{ report: TrafficReport; endedMs: number }> {
  await sr.rig.traffic.start({ streams: 4 });
  try {
    await sr.rig.traffic.waitFor((r) => r.streams.alive === 4 && r.firstEchoAtMs !== null, 20_000, 'traffic and streams flowing');
    const endedMs = await fault();
    await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A the one primary', 40_000);
    // The streams must move again, not only stay unbroken: one that went through the other
    // unit meanwhile is stuck for good where its windows are stale (stale-windows.ts).
    const report = await sr.rig.traffic.waitFor(
      (r) =>
        r.outages.every((o) => o.endMs !== null) && r.nowMs > endedMs + 2 * LOST_AFTER_MS && streamsFlowSince(r, endedMs + 1000),
      20_000,
      'traffic back, every TCP stream flowing both ways 1 s after the fault',
    );
    return { report, endedMs };
  } finally {
    await sr.rig.traffic.stop();
  }
}

/** The longest round-trip outage that was still open when the fault ended or began after. */
function outageAfter(report: TrafficReport, atMs: number): number {
  return Math.max(0, ...report.outages.filter((o) => o.endMs !== null && o.endMs > atMs).map((o) => o.gapMs));
}

async function assertLearntOn(sr: ScenarioRig, board: BoardLetter, when: string): Promise<void> {
  assert.equal(
    await learntPort(sr.name, VMAC_LAN),
    `${board}-port2`,
    `${when}: the LAN bridge learnt the virtual MAC on ${board}`,
  );
  assert.equal(await learntPort(sr.name, VMAC_WAN), `${board}-port1`, `${when}: the WAN bridge learnt it on ${board}`);
}

/** The outage after the fault is bounded and every TCP stream survived; the outage is told either way, for the margin. */
function assertSurvived(t: TestContext, report: TrafficReport, gap: number, what: string): void {
  t.diagnostic(`${what}: outage ${gap.toFixed(1)} ms after the fault ended`);
  assert.ok(gap < AFTER_MS, `${what}: outage ${gap} ms after the fault ended (allowed < ${AFTER_MS} ms)`);
  const broken = report.streams.list.filter((s) => s.state === 'broken');
  assert.equal(broken.length, 0, `${what}: TCP streams broken: ${JSON.stringify(broken.map((s) => s.reason))}`);
}

step('freeze the primary for 3× the lost threshold, thaw: it takes the traffic back at once', async (sr, t) => {
  const mark = sr.mark('A');
  const { report, endedMs } = await throughFault(sr, async () => {
    const frozen = await sr.rig.fault('freeze', 'A');
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over while A is frozen');
    await untilTime(sr, frozen.atMs + 3 * LOST_AFTER_MS);
    await assertLearntOn(sr, 'B', 'during the freeze');
    return (await sr.rig.fault('thaw', 'A')).atMs;
  });
  await assertLearntOn(sr, 'A', 'after the thaw');
  assert.match(sr.log('A', mark), /announcing the data addresses afresh: .*(claimed|stepped down|released|joined|stall)/);
  assertSurvived(t, report, outageAfter(report, endedMs), 'thaw');
});

step('a split brain healed by restoring the links: the winner announces at once', async (sr, t) => {
  const mark = sr.mark('A');
  const markB = sr.mark('B');
  const { report, endedMs } = await throughFault(sr, async () => {
    await sr.rig.fault('cut', 'ha1');
    await sr.rig.fault('cut', 'ha2');
    await sr.until((x) => stateOf(x, 'A') === 'work' && stateOf(x, 'B') === 'work', 'both primary');
    await sr.until(() => /took over the data ports/.test(sr.log('B', markB)), 'B took over');
    await sr.rig.fault('restore', 'ha1');
    return (await sr.rig.fault('restore', 'ha2')).atMs;
  });
  await assertLearntOn(sr, 'A', 'right after the heal');
  assert.match(sr.log('A', mark), /announcing the data addresses afresh: .*(claimed|stepped down|released|joined)/);
  assertSurvived(t, report, outageAfter(report, endedMs), 'heal');
});

step('override take-back: A returns and takes the traffic back without a blackhole', async (sr, t) => {
  const { report, endedMs } = await throughFault(sr, async () => {
    await sr.rig.fault('kill', 'A');
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over');
    await sr.rig.fault('restart', 'A');
    const s = await sr.until((x) => stateOf(x, 'A') === 'work', 'A takes back', 40_000);
    return s.nowMs;
  });
  await assertLearntOn(sr, 'A', 'after the take-back');
  assertSurvived(t, report, outageAfter(report, endedMs), 'take-back');
});

step('a flap storm (both heartbeat links cut and restored ten times): no blackhole after it', async (sr, t) => {
  const { report, endedMs } = await throughFault(sr, async () => {
    let at = 0;
    for (let cycle = 0; cycle < 10; cycle++) {
      await sr.rig.fault('cut', 'ha1');
      at = (await sr.rig.fault('cut', 'ha2')).atMs;
      await untilTime(sr, at + 800);
      await sr.rig.fault('restore', 'ha1');
      at = (await sr.rig.fault('restore', 'ha2')).atMs;
      await untilTime(sr, at + 600);
    }
    return at;
  });
  await assertLearntOn(sr, 'A', 'after the storm');
  assertSurvived(t, report, outageAfter(report, endedMs), 'flap storm');
});

test('never a blackhole after a stall or a heal', async (t) => {
  const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
  if (!sr) return;
  t.after(() => sr.down());
  for (const [name, body] of steps) await t.test(name, (st) => body(sr, st));
});
