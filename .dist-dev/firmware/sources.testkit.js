/**
 * The repository's TypeScript sources read as text, for tests that check rules on the code
 * itself (dependency boundaries, the scaffolding convention). Paths are relative to the
 * repository root, with forward slashes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
/** The repository root (this file runs from dist/firmware/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The composition roots, one per thread: the only firmware files that choose drivers. */
export const COMPOSITION_ROOTS = [
    'firmware/main.ts',
    'firmware/ha/worker-root.ts',
    'firmware/watchdog/keeper-worker.ts',
    'firmware/sessions/worker.ts',
];
/** Every .ts file below `dir`. */
export function sources(dir) {
    return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && e.name.endsWith('.ts'))
        .map((e) => relative(REPO_ROOT, join(e.parentPath, e.name)));
}
/** The module specifiers a source text imports, re-exports or requires, in order. */
export function importSpecifiers(text) {
    const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|^import\s+)['"]([^'"]+)['"]/gm)];
    return found.map((m) => m[1] ?? '');
}
/** What `file` imports. */
export function imports(file) {
    return importSpecifiers(readFileSync(join(REPO_ROOT, file), 'utf8'));
}
/**
 * The project files `file` uses: its relative imports and the scripts it loads by
 * `new URL('./x.js', import.meta.url)` (workers, child processes), as .ts paths.
 */
export function localDependencies(file) {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    const urls = [...text.matchAll(/new URL\(\s*['"](\.[^'"]+\.js)['"]/g)].map((m) => m[1] ?? '');
    return [...importSpecifiers(text), ...urls]
        .filter((s) => s.startsWith('.'))
        .map((s) => normalize(join(dirname(file), s)).replace(/\.js$/, '.ts'));
}
/** Test scaffolding by name: tests, fakes, fixtures and testkits (README, "Tests and scaffolding"). */
export const SCAFFOLDING = /\.(test|fake|fixture|testkit)\.ts$/;
/** Whether `file` is a test or scaffolding: named so, or part of the test rig. */
export function isScaffolding(file) {
    return SCAFFOLDING.test(file) || file.startsWith('test-rig/');
}
//# sourceMappingURL=sources.testkit.js.map