import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';
import { importSpecifiers, REPO_ROOT } from '../sources.testkit.js';
import { WORKER_PACKAGES } from './worker-packages.js';
/** What `file` imports at run time: type-only imports are erased by the compiler. */
function runtimeImports(file) {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8').replace(/^(import|export) type [^;]*;/gm, '');
    return importSpecifiers(text);
}
/**
 * The packages and builtins the modules `root` imports, directly or not, sorted. Scripts it
 * starts as threads (`new URL(…)`) load later, once the flag is back, and are not followed.
 */
function packagesOf(root) {
    const seen = new Set();
    const packages = new Set();
    const visit = (file) => {
        if (seen.has(file))
            return;
        seen.add(file);
        for (const s of runtimeImports(file)) {
            if (s.startsWith('.'))
                visit(normalize(join(dirname(file), s)).replace(/\.js$/, '.ts'));
            else
                packages.add(s);
        }
    };
    visit(root);
    return [...packages].sort();
}
test("the worker's package list is exactly what its modules import", () => {
    assert.deepEqual([...WORKER_PACKAGES].sort(), packagesOf('firmware/ha/worker-root.ts'));
});
//# sourceMappingURL=worker-packages.test.js.map