/**
 * A/B slots on a running pair: `execute restore image` on the secondary installs a signed
 * bundle into its inactive slot and restarts into it; the new image boots on trial and is
 * confirmed once joined and in sync. An image that cannot join (another major version: the
 * primary refuses it) stands by on probation, never beside the primary as a second one, is not
 * confirmed within the sim board's bound, and the boot selector rolls it back on its own. A
 * tampered bundle is refused before anything changes.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import { type BoardLetter, boardDir } from '../paths.js';
import { keyPair, releaseAvailable } from '../release/release.testkit.js';
import { buildRelease } from '../release/release-build.js';
import { rigConfig } from '../rig-config.js';
import { onePrimary, type ScenarioRig, scenarioRig, stateOf } from './scenario-rig.testkit.js';

const NEXT = '1.1.0';
/** Another major version: its peers refuse it, so it never joins. */
const BROKEN = '2.0.0';
const BOUND_S = simBoard({ dir: '', serial: '', tty: '' }).boot.healthBoundS;
const LEVEL = 3;

function releaseKeyOf(rig: string, board: BoardLetter): string {
  return simBoard({ dir: boardDir(rig, board), serial: '', tty: '' }).boot.releaseKey;
}

/** Polls a console command until its output matches (the board may be restarting meanwhile). */
async function untilOutput(sr: ScenarioRig, board: BoardLetter, line: string, re: RegExp, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = await sr.rig.exec(board, line).catch((e: Error) => e.message);
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  assert.fail(`board ${board}: \`${line}\` did not match ${re} in ${timeoutMs} ms; last:\n${last}`);
}

/** Samples the rig until stopped, failing on any moment with two units working. */
function watchOnePrimary(sr: ScenarioRig): { stop(): Promise<number> } {
  let running = true;
  let samples = 0;
  const loop = (async () => {
    while (running) {
      // A status the rig cannot give (it is going down) is no sample.
      const s = await sr.rig.status().catch(() => null);
      if (s !== null) {
        const working = (['A', 'B'] as const).filter((b) => stateOf(s, b) === 'work');
        assert.ok(working.length <= 1, `two primaries: ${working.join(', ')}`);
        samples++;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

test('restore image: trial, confirmation, and a rollback of an image that cannot join', { timeout: 360_000 }, async (t) => {
  if (!(await releaseAvailable(t, 'x64', { qemu: false }))) return;
  const dir = mkdtempSync(join(tmpdir(), 'tandem-slots-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const key = keyPair(dir, 'release');
  const next = await buildRelease('x64', join(dir, 'next'), key.private, LEVEL, NEXT);
  const broken = await buildRelease('x64', join(dir, 'broken'), key.private, LEVEL, BROKEN);

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

  // An image that cannot join: on probation it stands by, and is rolled back after the bound.
  const mark = sr.mark('B');
  const bad = await sr.rig.exec('B', `execute restore image ${broken.archive}\ny`);
  assert.match(bad, /Restarting into tandem 2\.0\.0 \(slot a\) now\./);
  await untilOutput(sr, 'B', 'get system status', /Version: TANDEM-SIM v2\.0\.0/, 60_000);
  const held = await untilOutput(sr, 'B', 'get system ha status', /refused|differs/, 30_000);
  assert.doesNotMatch(held, /Current HA mode: a-p, primary/);
  await untilOutput(sr, 'B', 'get system status', /Version: TANDEM-SIM v1\.1\.0/, BOUND_S * 1000 + 60_000);
  const log = sr.log('B', mark);
  assert.match(log, /firmware tandem 2\.0\.0 in slot a on trial/);
  assert.match(log, /firmware on probation: not taking the primary role while refusing TDSIM00000000001/);
  assert.match(
    log,
    new RegExp(`firmware tandem 2\\.0\\.0 in slot a not healthy within ${BOUND_S} s \\(refusing TDSIM00000000001`),
  );
  assert.match(
    log,
    /firmware tandem 2\.0\.0 in slot a was not confirmed healthy on its trial boot: rolled back to tandem 1\.1\.0 in slot b/,
  );
  await sr.until((s) => onePrimary(s, ['A', 'B']) && stateOf(s, 'A') === 'work', 'B back on 1.1.0, in the cluster', 60_000);
  const after = await sr.rig.exec('B', 'diagnose sys flash list');
  assert.match(after, /^a +tandem-2\.0\.0-linux-x64 .* No +No$/m);
  assert.match(after, /^b +tandem-1\.1\.0-linux-x64 .* Yes +Yes$/m);
  t.diagnostic(`one primary at every one of ${await watch.stop()} samples`);
});
