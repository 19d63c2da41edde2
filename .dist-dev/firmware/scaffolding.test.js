/**
 * Test scaffolding is visibly not product code (README, "Tests and scaffolding"): tests are
 * `*.test.ts`, fakes `*.fake.ts`, data `*.fixture.ts`, helpers `*.testkit.ts`, and the rig is
 * test-rig/. Product code (board/, hal/, lib/, firmware/) uses none of them, and the firmware
 * build (tsconfig.firmware.json) compiles exactly the product code.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { COMPOSITION_ROOTS, isScaffolding, localDependencies, REPO_ROOT, SCAFFOLDING, sources } from './sources.testkit.js';
const PRODUCT_DIRS = ['board', 'hal', 'lib', 'firmware'];
const everything = [...PRODUCT_DIRS, 'test-rig'].flatMap(sources);
const product = everything.filter((f) => !isScaffolding(f)); // test-rig/ is not product code
test('product code imports no test, fake, fixture, testkit or test-rig file', () => {
    const leaks = product.flatMap((f) => localDependencies(f)
        .filter(isScaffolding)
        .map((d) => `${f} uses ${d}`));
    assert.deepEqual(leaks, []);
});
// Scaffolding under another name is how product code comes to import it unnoticed. The rig's
// own code (its CLI, supervisor, bench) counts as a user: it drives real drivers too.
test('a product file that only tests and scaffolding use is named as scaffolding', () => {
    const users = new Map();
    for (const f of everything)
        for (const d of localDependencies(f))
            users.set(d, [...(users.get(d) ?? []), f]);
    const unnamed = product.filter((f) => {
        const by = users.get(f) ?? [];
        return !COMPOSITION_ROOTS.includes(f) && by.length > 0 && by.every((u) => SCAFFOLDING.test(u));
    });
    assert.deepEqual(unnamed, []);
});
test('the firmware build compiles exactly the product code', () => {
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const listed = execFileSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'tsconfig.firmware.json'), '--listFilesOnly'], {
        encoding: 'utf8',
    })
        .split('\n')
        .map((line) => relative(REPO_ROOT, line.trim()).split(sep).join('/'))
        .filter((f) => f.endsWith('.ts') && !f.startsWith('..') && !f.startsWith('node_modules/'));
    assert.deepEqual(listed.filter(isScaffolding), []);
    assert.deepEqual([...listed].sort(), [...product].sort());
    for (const root of COMPOSITION_ROOTS)
        assert.ok(listed.includes(root), `${root} is not in the firmware build`);
});
//# sourceMappingURL=scaffolding.test.js.map