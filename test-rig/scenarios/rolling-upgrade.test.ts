/**
 * A rolling upgrade (upgrade-mode uninterruptible) while TCP streams and the UDP prober run
 * through the pair: `execute restore image` on the primary sends the image to the secondary,
 * which installs it, restarts into it and passes its trial; then the primary installs it, and
 * its graceful leave hands the traffic to the upgraded unit. Every stream survives and the
 * prober's longest outage stays under the graceful handover's bound. An image that cannot join
 * is rolled out in rolling-upgrade-rollback.test.ts (a file of its own: the two run side by side).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { releaseAvailable } from '../release/release.testkit.js';
import { testBundle } from '../release/test-bundles.js';
import { BOUND_S, untilOutput } from './images.testkit.js';
import { SERIAL_A, SERIAL_B, STREAMS, upgradePair } from './rolling-upgrade.testkit.js';
import { onePrimary, outagesWithLogs, stateOf } from './scenario-rig.testkit.js';

const NEXT = '1.1.0';
const LOST_AFTER_MS = 100 * 10;
/**
 * A graceful leave hands over at once: well under the lost threshold, the bound of the graceful
 * shutdown scenario (pair-age.test.ts). The benchmark (`run.js upgrade`) measures the real gaps.
 */
const GRACEFUL_GAP_MS = LOST_AFTER_MS / 2;

test('a rolling upgrade carries every stream', { timeout: 480_000 }, async (t) => {
  if (!(await releaseAvailable(t, 'x64', { qemu: false }))) return;
  const next = await testBundle(NEXT);

  const pair = await upgradePair(t, next.publicKey);
  if (!pair) return;
  const { sr, watch } = pair;
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

  t.diagnostic(`one primary at every one of ${await watch.stop()} samples`);
});
