import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { getHeapCodeStatistics } from 'node:v8';
import { importCompiledAhead } from './compile-ahead.js';

const dir = mkdtempSync(join(tmpdir(), 'tandem-compile-ahead-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A module of `n` functions nobody calls, each with a body worth compiling. */
function moduleFile(name: string, n: number, extra = ''): URL {
  const fns = Array.from(
    { length: n },
    (_, i) => `export function f${i}(a, b) { let s = 0; for (let j = 0; j < a; j++) s += (j * b) ^ ${i}; return [s, a, b]; }`,
  );
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `${fns.join('\n')}\n${extra}\n`);
  return pathToFileURL(file);
}

/** Bytecode V8 holds after `load` minus before. */
async function bytecodeOf(load: () => Promise<unknown>): Promise<number> {
  const before = getHeapCodeStatistics().bytecode_and_metadata_size;
  await load();
  return getHeapCodeStatistics().bytecode_and_metadata_size - before;
}

/** Machine code (Sparkplug's baseline code among it) V8 holds after `load` minus before. */
async function machineCodeOf(load: () => Promise<unknown>): Promise<number> {
  const before = getHeapCodeStatistics().code_and_metadata_size;
  await load();
  return getHeapCodeStatistics().code_and_metadata_size - before;
}

test('a graph imported with its code compiled ahead holds its functions compiled; later imports are lazy again', async () => {
  const lazy = await bytecodeOf(() => import(moduleFile('lazy', 500).href));
  const ahead = await bytecodeOf(() => importCompiledAhead(moduleFile('ahead', 500), []));
  const lazyAgain = await bytecodeOf(() => import(moduleFile('lazy-again', 500).href));
  // 500 compiled functions are tens of kilobytes of bytecode; lazily, none of them is compiled.
  assert.ok(ahead > lazy + 20_000, `compiled ahead: ${ahead} bytes of bytecode, lazily: ${lazy}`);
  assert.ok(lazyAgain < ahead / 4, `the flag was not restored: ${lazyAgain} bytes after, ${ahead} ahead`);
});

test('a graph imported ahead holds baseline machine code for its functions; later imports do not', async () => {
  const ahead = await machineCodeOf(() => importCompiledAhead(moduleFile('baseline-ahead', 500), []));
  const later = await machineCodeOf(() =>
    importCompiledAhead(moduleFile('baseline-later', 0), []).then(() => import(moduleFile('baseline-lazy', 500).href)),
  );
  // Each of the 500 functions gets a few hundred bytes of baseline code; interpreted, none.
  assert.ok(ahead > 100_000, `compiled ahead: ${ahead} bytes of machine code`);
  assert.ok(later < ahead / 4, `the flag was not restored: ${later} bytes after, ${ahead} ahead`);
});

test('the packages named to load first stay lazy', async () => {
  const alone = await bytecodeOf(() => importCompiledAhead(moduleFile('ahead-alone', 500), []));
  const withPackage = await bytecodeOf(() =>
    importCompiledAhead(moduleFile('ahead-with-package', 500), [moduleFile('package', 500).href]),
  );
  // Compiled ahead as well, the package would double the bytecode.
  assert.ok(withPackage < alone * 1.5, `${withPackage} bytes with the package, ${alone} without`);
});

test('a graph that fails to load leaves the flag restored and the error with the caller', async () => {
  const broken = moduleFile('broken', 1, 'throw new Error("module top level failed");');
  await assert.rejects(importCompiledAhead(broken, []), /module top level failed/);
  const lazy = await bytecodeOf(() => import(moduleFile('after-broken', 500).href));
  assert.ok(lazy < 20_000, `compiled ahead after a failed load: ${lazy} bytes`);
});
