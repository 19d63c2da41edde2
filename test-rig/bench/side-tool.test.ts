/** A measuring tool beside a benchmark window: the window waits until the tool says it measures. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type TestContext, test } from 'node:test';
import { startSideTool, unavailableSideTool } from './side-tool.js';

/** A stand-in tool: a shell script that writes its output file, says `line` on stderr after `delayS`, and runs until SIGINT. */
function script(line: string, delayS: number): (file: string) => string[] {
  return (file) => ['-c', `echo measured > '${file}'; sleep ${delayS}; echo '${line}' >&2; exec sleep 30`];
}

/** What the benchmark's progress lines say (on stderr) until the test ends. */
function captureProgress(t: TestContext): string[] {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  t.after(() => {
    process.stderr.write = write;
  });
  return lines;
}

test('ready settles once the tool says it measures, not at its spawn', async () => {
  const spawnedAt = Date.now();
  const tool = startSideTool({
    command: 'sh',
    pkg: 'dash',
    what: 'stand-in',
    args: script('Events enabled', 0.3),
    readyLine: /Events enabled/,
    read: () => 'read',
  });
  await tool.ready;
  assert.ok(Date.now() - spawnedAt >= 250, `ready after ${Date.now() - spawnedAt} ms, before the tool said so`);
  assert.equal(await tool.stop(), 'read');
});

test('a tool that exits without saying it measures still settles ready, and stop says it could not read it and why', async (t) => {
  const tool = startSideTool({
    command: 'sh',
    pkg: 'dash',
    what: 'stand-in',
    args: () => ['-c', 'echo "cannot open port9: No such device" >&2; exit 3'],
    readyLine: /Events enabled/,
    // It wrote nothing: reading its file fails, as perf's does when it quits early.
    read: (file) => readFileSync(file, 'utf8'),
  });
  await tool.ready;
  const said = captureProgress(t);
  assert.equal(await tool.stop(), null);
  assert.match(said.join(''), /stand-in not measured: .*\(sh exited with 3: cannot open port9: No such device\)/);
});

test('a tool without a ready line is ready at once', async () => {
  const tool = startSideTool({ command: 'sh', pkg: 'dash', what: 'stand-in', args: script('x', 0), read: () => 'read' });
  let settled = false;
  void tool.ready.then(() => {
    settled = true;
  });
  await new Promise((r) => setImmediate(r));
  assert.equal(settled, true);
  assert.equal(await tool.stop(), 'read');
});

test('a tool that cannot be run here is ready at once, and its stop says why', async (t) => {
  const said = captureProgress(t);
  const tool = unavailableSideTool<string>('stand-in', 'gcc is not installed');
  await tool.ready;
  assert.equal(await tool.stop(), null);
  assert.match(said.join(''), /stand-in not measured: gcc is not installed/);
});
