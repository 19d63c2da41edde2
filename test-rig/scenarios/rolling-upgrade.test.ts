/**
 * A rolling upgrade (upgrade-mode uninterruptible) while TCP streams and the UDP prober run
 * through the pair: `execute restore image` on the primary sends the image to the secondary,
 * which installs it, restarts into it and passes its trial; then the primary installs it, and
 * its graceful leave hands the traffic to the upgraded unit. Every stream survives and the
 * prober's longest outage stays under the graceful handover's bound. Then an image that cannot
 * join (another major version: its peer refuses it) is rolled out: the secondary tries it on
 * probation, standing by, is not confirmed within the board's bound and boots back into the
 * version it ran; the rollout stops there and the primary stays as it is.
 */
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { test } from 'node:test';
import { releaseAvailable } from '../release/release.testkit.js';
import { testBundle } from '../release/test-bundles.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { GROUP_ID } from './gateway-checks.testkit.js';
import { BOUND_S, releaseKeyOf, untilOutput, watchOnePrimary } from './images.testkit.js';
import { onePrimary, outagesWithLogs, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';

const NEXT = '1.1.0';
/** Another major version: its peers refuse it, so it never joins. */
const BROKEN = '2.0.0';
const STREAMS = 8;
const LOST_AFTER_MS = 100 * 10;
/**
 * A graceful leave hands over at once: well under the lost threshold, the bound of the graceful
 * shutdown scenario (pair-age.test.ts). The benchmark (`run.js upgrade`) measures the real gaps.
 */
const GRACEFUL_GAP_MS = LOST_AFTER_MS / 2;
const SERIAL_A = 'TDSIM00000000001';
const SERIAL_B = 'TDSIM00000000002';
const strict = gatewayConfig({ policies: [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }] });
// Age decides (margin 1 s): a unit that restarts rejoins as the secondary.
const common = {
  groupId: GROUP_ID,
  lostThreshold: 10,
  marginS: 1,
  haLines: ['set session-pickup enable'],
  extra: strict,
};

test('a rolling upgrade carries every stream; a failing image is rolled back and stops it', { timeout: 480_000 }, async (t) => {
  if (!(await releaseAvailable(t, 'x64', { qemu: false }))) return;
  const next = await testBundle(NEXT);
  const broken = await testBundle(BROKEN);

  const sr = await scenarioRig(t, [rigConfig(0, common), rigConfig(1, common)]);
  if (!sr) return;
  t.after(() => sr.down());
  for (const b of ['A', 'B'] as const) copyFileSync(next.publicKey, releaseKeyOf(sr.name, b));
  await primaryOnForming(sr, 'A');
  const watch = watchOnePrimary(sr);
  t.after(() => watch.stop());

  // A probe every 5 ms: fine enough for the bound, lighter on the machine the other scenarios share.
  await sr.rig.traffic.start({ streams: STREAMS, intervalMs: 5 });
  t.after(() => sr.rig.traffic.stop().catch(() => {}));
  await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
  const started = await sr.rig.exec('A', `execute restore image ${next.archive}\ny`);
  assert.match(
    started,
    new RegExp(`Rolling upgrade \\(uninterruptible\\) to tandem 1\\.1\\.0 started: ${SERIAL_B}, then ${SERIAL_A}\\.`),
  );
  await untilOutput(
    sr,
    'A',
    'get system ha status',
    /Firmware upgrade: uninterruptible to 1\.1\.0, running, unit 1 of 2/,
    10_000,
  );
  const mixed = await untilOutput(sr, 'A', 'get system ha status', new RegExp(`${SERIAL_B}: 1\\.1\\.0`), 120_000);
  assert.match(
    mixed,
    new RegExp(`Firmware:\\n    ${SERIAL_A}: 1\\.0\\.0\\n    ${SERIAL_B}: 1\\.1\\.0`),
    'mixed versions in one cluster',
  );
  await untilOutput(sr, 'A', 'get system status', /Version: TANDEM-SIM v1\.1\.0/, 120_000);
  await untilOutput(sr, 'A', 'diagnose sys flash list', /Trial: none/, BOUND_S * 1000);
  const s = await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'B primary, A its secondary');
  assert.match(sr.log('B'), /firmware tandem 1\.1\.0 in slot b confirmed healthy/);
  assert.match(sr.log('A'), /rolling upgrade to tandem 1\.1\.0 done after [\d.]+ s/);
  assert.match(sr.log('A'), /firmware tandem 1\.1\.0 in slot b confirmed healthy/);

  const took = s.boards.find((b) => b.board === 'B')?.ha?.stateSinceMs ?? s.nowMs;
  const report = await sr.rig.traffic.waitFor((r) => r.nowMs > took + 3000, 30_000, 'traffic 3 s after the handover');
  const broke = report.streams.list.filter((x) => x.state === 'broken');
  assert.equal(broke.length, 0, `streams broken: ${JSON.stringify(broke.slice(0, 5).map((x) => x.reason))}`);
  assert.equal(report.streams.alive, STREAMS);
  const gap = Math.max(0, ...report.outages.map((o) => o.gapMs));
  assert.ok(
    gap < GRACEFUL_GAP_MS,
    `the prober's longest outage ${gap} ms; bound ${GRACEFUL_GAP_MS} ms\n${outagesWithLogs(sr, report.outages, GRACEFUL_GAP_MS)}`,
  );
  t.diagnostic(
    `rolled out with ${STREAMS} streams: longest probe outage ${gap} ms, longest stream stall ${report.streams.maxStallMs} ms`,
  );

  // An image that cannot join: A tries it on probation, is rolled back, and the rollout stops.
  const mark = sr.mark('A');
  const bad = await sr.rig.exec('B', `execute restore image ${broken.archive}\ny`);
  assert.match(
    bad,
    new RegExp(`Rolling upgrade \\(uninterruptible\\) to tandem 2\\.0\\.0 started: ${SERIAL_A}, then ${SERIAL_B}\\.`),
  );
  await untilOutput(sr, 'A', 'get system status', /Version: TANDEM-SIM v2\.0\.0/, 60_000);
  const failed = await untilOutput(
    sr,
    'B',
    'get system ha status',
    /Firmware upgrade: uninterruptible to 2\.0\.0, failed/,
    BOUND_S * 1000 + 90_000,
  );
  assert.match(
    failed,
    new RegExp(
      `stopped at ${SERIAL_A}: ${SERIAL_A} came back on tandem 1\\.1\\.0: its trial of 2\\.0\\.0 failed and it rolled back`,
    ),
  );
  const log = sr.log('A', mark);
  assert.match(log, /firmware tandem 2\.0\.0 in slot a on trial/);
  assert.match(log, new RegExp(`firmware on probation: not taking the primary role while refusing ${SERIAL_B}`));
  assert.match(log, new RegExp(`firmware tandem 2\\.0\\.0 in slot a not healthy within ${BOUND_S} s \\(refusing ${SERIAL_B}`));
  assert.match(
    log,
    /firmware tandem 2\.0\.0 in slot a was not confirmed healthy on its trial boot: rolled back to tandem 1\.1\.0 in slot b/,
  );
  await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'B primary, A back on 1.1.0', 60_000);
  assert.match(await sr.rig.exec('B', 'get system status'), /Version: TANDEM-SIM v1\.1\.0/, 'the primary is untouched');
  assert.match(await sr.rig.exec('B', 'diagnose sys flash list'), /Trial: none/);
  const after = await sr.rig.exec('A', 'diagnose sys flash list');
  assert.match(after, /^a +tandem-2\.0\.0-linux-x64 .* No +No$/m);
  assert.match(after, /^b +tandem-1\.1\.0-linux-x64 .* Yes +Yes$/m);
  const end = await sr.rig.traffic.report();
  assert.equal(end.streams.broken, 0, 'no stream broke while the failing image was tried');
  t.diagnostic(`one primary at every one of ${await watch.stop()} samples`);
});
