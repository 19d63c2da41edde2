/**
 * An image that cannot join (another major version: its peer refuses it) rolled out on a pair
 * carrying streams: the secondary tries it on probation, standing by, is not confirmed within
 * the board's health bound and boots back into the version it ran; the rollout stops there, the
 * primary stays as it is, and no stream breaks meanwhile.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { releaseAvailable } from '../release/release.testkit.js';
import { testBundle } from '../release/test-bundles.js';
import { BOUND_S, untilOutput } from './images.testkit.js';
import { SERIAL_A, SERIAL_B, upgradePair } from './rolling-upgrade.testkit.js';
import { onePrimary, stateOf } from './scenario-rig.testkit.js';

/** Another major version: its peers refuse it, so it never joins. */
const BROKEN = '2.0.0';

test('a failing image is rolled back on the secondary and stops the rollout', { timeout: 300_000 }, async (t) => {
  if (!(await releaseAvailable(t, 'x64', { qemu: false }))) return;
  const broken = await testBundle(BROKEN);
  const pair = await upgradePair(t, broken.publicKey);
  if (!pair) return;
  const { sr, watch } = pair;

  const mark = sr.mark('B');
  const bad = await sr.rig.exec('A', `execute restore image ${broken.archive}\ny`);
  assert.match(
    bad,
    new RegExp(`Rolling upgrade \\(uninterruptible\\) to tandem 2\\.0\\.0 started: ${SERIAL_B}, then ${SERIAL_A}\\.`),
  );
  await untilOutput(sr, 'B', 'get system status', /Version: TANDEM-SIM v2\.0\.0/, 60_000);
  const failed = await untilOutput(
    sr,
    'A',
    'get system ha status',
    /Firmware upgrade: uninterruptible to 2\.0\.0, failed/,
    BOUND_S * 1000 + 90_000,
  );
  assert.match(
    failed,
    new RegExp(
      `stopped at ${SERIAL_B}: ${SERIAL_B} came back on tandem 1\\.0\\.0: its trial of 2\\.0\\.0 failed and it rolled back`,
    ),
  );
  const log = sr.log('B', mark);
  assert.match(log, /firmware tandem 2\.0\.0 in slot b on trial/);
  assert.match(log, new RegExp(`firmware on probation: not taking the primary role while refusing ${SERIAL_A}`));
  assert.match(log, new RegExp(`firmware tandem 2\\.0\\.0 in slot b not healthy within ${BOUND_S} s \\(refusing ${SERIAL_A}`));
  assert.match(
    log,
    /firmware tandem 2\.0\.0 in slot b was not confirmed healthy on its trial boot: rolled back to tandem 1\.0\.0 in slot a/,
  );
  await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary, B back on 1.0.0', 60_000);
  assert.match(await sr.rig.exec('A', 'get system status'), /Version: TANDEM-SIM v1\.0\.0/, 'the primary is untouched');
  assert.match(await sr.rig.exec('A', 'diagnose sys flash list'), /Trial: none/);
  const flash = await sr.rig.exec('B', 'diagnose sys flash list');
  assert.match(flash, /^a +tandem-1\.0\.0-linux-x64 .* Yes +Yes$/m, 'the slot it ran runs and boots next');
  assert.match(flash, /^b +tandem-2\.0\.0-linux-x64 .* No +No$/m);
  const end = await sr.rig.traffic.report();
  assert.equal(end.streams.broken, 0, 'no stream broke while the failing image was tried');
  t.diagnostic(`one primary at every one of ${await watch.stop()} samples`);
});
