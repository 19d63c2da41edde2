import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imports, localDependencies } from '../sources.testkit.js';
import { WORKER_PACKAGES } from './worker-packages.js';

/** The packages and builtins the modules reachable from `root` import, sorted. */
function packagesOf(root: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const s of imports(file)) if (!s.startsWith('.')) packages.add(s);
    for (const d of localDependencies(file)) visit(d);
  };
  visit(root);
  return [...packages].sort();
}

test("the worker's package list is exactly what its modules import", () => {
  assert.deepEqual([...WORKER_PACKAGES].sort(), packagesOf('firmware/ha/worker-root.ts'));
});
