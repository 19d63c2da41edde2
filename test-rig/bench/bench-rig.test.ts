/**
 * A benchmark ended early leaves nothing behind: here its results reader goes away after the
 * first line (`run.js jitter | head -1`), so its next result meets a closed stdout.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { NS_PREFIX, rigDir } from '../paths.js';
import { cmdlineOf } from '../proc-usage.js';
import { needRig } from '../rig.testkit.js';
import { run } from '../shell.js';

const RUN = fileURLToPath(new URL('./run.js', import.meta.url));

test('a benchmark whose results reader goes away takes its rig down and exits 141', { timeout: 120_000 }, async (t) => {
  if (!(await needRig(t, { firmware: true }))) return;
  const child = spawn(process.execPath, [RUN, 'jitter'], {
    env: { ...process.env, TANDEM_BENCH_JITTER_S: '1', TANDEM_BENCH_JITTER_RUNS: '2' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  // The reader takes one result and leaves.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const name = /rig (\w+) coming up/.exec(stderr)?.[1];
  assert.ok(name, stderr);
  assert.equal(code, 141, stderr);
  assert.match(stderr, /the results reader went away: taking rigs down/);
  assert.equal(existsSync(rigDir(name)), false, `${rigDir(name)} left behind`);
  const namespaces = (await run('ip', ['netns', 'list'])).stdout;
  assert.doesNotMatch(namespaces, new RegExp(`${NS_PREFIX}${name}-`), namespaces);
  const left = readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map((pid) => cmdlineOf(Number(pid)))
    .filter((line) => line.includes(rigDir(name)));
  assert.deepEqual(left, [], 'no board process of the rig still runs');
});
