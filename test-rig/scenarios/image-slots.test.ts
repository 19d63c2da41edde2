/**
 * A/B slots on a running pair: `execute restore image` on the secondary installs a signed
 * bundle into its inactive slot and restarts into it; the new image boots on trial and is
 * confirmed once joined and in sync. A tampered bundle, a relative path and a declined question
 * change nothing. (An image that fails its trial and is rolled back: rolling-upgrade.test.ts.)
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { keyPair, releaseAvailable } from '../release/release.testkit.js';
import { buildRelease } from '../release/release-build.js';
import { rigConfig } from '../rig-config.js';
import { BOUND_S, releaseKeyOf, untilOutput, watchOnePrimary } from './images.testkit.js';
import { onePrimary, scenarioRig, stateOf } from './scenario-rig.testkit.js';

const NEXT = '1.1.0';
const LEVEL = 3;

test('restore image on a secondary: refusals, then the trial and its confirmation', { timeout: 240_000 }, async (t) => {
  if (!(await releaseAvailable(t, 'x64', { qemu: false }))) return;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-slots-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const key = keyPair(dir, 'release');
  const next = await buildRelease('x64', join(dir, 'next'), key.private, LEVEL, NEXT);

  const sr = await scenarioRig(t, [rigConfig(0, { priority: 200 }), rigConfig(1)]);
  if (!sr) return;
  t.after(() => sr.down());
  for (const b of ['A', 'B'] as const) copyFileSync(key.public, releaseKeyOf(sr.name, b));
  const watch = watchOnePrimary(sr);
  t.after(() => watch.stop());

  // Refused before anything changes: a tampered archive, a relative path.
  const tampered = join(dir, 'tampered.tar.zst');
  const bytes = readFileSync(next.archive);
  bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0xff;
  writeFileSync(tampered, bytes);
  copyFileSync(`${next.archive}.sig`, `${tampered}.sig`);
  assert.match(
    await sr.rig.exec('B', `execute restore image ${tampered}\ny`),
    /Command fail\. .*tampered\.tar\.zst: the signature does not verify with/,
  );
  assert.match(await sr.rig.exec('B', 'execute restore image next.tar.zst\ny'), /give an absolute path on this unit/);
  assert.equal(await sr.rig.exec('B', `execute restore image ${next.archive}\nn`), '', 'asked, and declined');
  assert.match(await sr.rig.exec('B', 'diagnose sys flash list'), /^b +\(empty\)/m, 'declined: nothing installed');

  // N+1: installed into slot b, booted on trial, confirmed once joined and in sync.
  const installed = await sr.rig.exec('B', `execute restore image ${next.archive}\ny`);
  assert.match(installed, /Signature verified with .*release-key\.pem/);
  assert.match(installed, /files match the manifest of tandem 1\.1\.0 \(x64\)/);
  assert.match(installed, /Restarting into tandem 1\.1\.0 \(slot b\) now\./);
  await untilOutput(sr, 'B', 'get system status', /Version: TANDEM-SIM v1\.1\.0/, 60_000);
  const list = await untilOutput(sr, 'B', 'diagnose sys flash list', /Trial: none/, BOUND_S * 1000);
  assert.match(list, /^a +tandem-1\.0\.0-linux-x64 .* No +No$/m);
  assert.match(list, /^b +tandem-1\.1\.0-linux-x64 .* Yes +Yes$/m);
  assert.match(sr.log('B'), /firmware tandem 1\.1\.0 in slot b confirmed healthy after [\d.]+ s/);
  await sr.until((s) => onePrimary(s, ['A', 'B']) && stateOf(s, 'A') === 'work', 'A primary, B 1.1.0 its secondary');

  t.diagnostic(`one primary at every one of ${await watch.stop()} samples`);
});
