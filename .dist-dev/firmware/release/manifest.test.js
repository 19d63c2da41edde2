/** The manifest: what the build writes is what the board accepts, and any change to the files is named. */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { buildManifest, bundlePaths, MANIFEST_FILE, parseManifest, renderManifest, verifyUnpacked } from './manifest.js';
import { refusal } from './refusal.testkit.js';
let root;
beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tandem-manifest-'));
    mkdirSync(join(root, 'dist/firmware'), { recursive: true });
    mkdirSync(join(root, 'node/bin'), { recursive: true });
    writeFileSync(join(root, 'dist/firmware/main.js'), 'console.log(1);\n');
    writeFileSync(join(root, 'package.json'), '{"type":"module"}\n');
    writeFileSync(join(root, 'node/bin/node'), 'ELF');
    chmodSync(join(root, 'node/bin/node'), 0o755);
    writeManifest();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
function writeManifest() {
    const m = buildManifest({ name: 'tandem', version: '1.2.3', arch: 'arm64', node: '20.20.2' }, root);
    writeFileSync(join(root, MANIFEST_FILE), renderManifest(m));
}
test('the manifest lists every file but itself, sorted, with size, mode and sha256', () => {
    const m = verifyUnpacked(root);
    assert.deepEqual(m.files.map((f) => [f.path, f.size, f.mode.toString(8)]), [
        ['dist/firmware/main.js', 16, '644'],
        ['node/bin/node', 3, '755'],
        ['package.json', 18, '644'],
    ]);
    assert.equal(m.files[1]?.sha256, '706abe3c90152075e656b661079730facf323f3ebccda7547ee1935c90845a09'); // sha256 of "ELF"
    assert.deepEqual(parseManifest(renderManifest(m)), m);
});
test('paths come in byte order with folders before what they hold', () => {
    mkdirSync(join(root, 'a-b'));
    writeFileSync(join(root, 'a-b/x'), '');
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a/B'), '');
    writeFileSync(join(root, 'a/a'), '');
    const paths = bundlePaths(root);
    assert.deepEqual(paths.slice(0, 6), ['a-b/', 'a-b/x', 'a/', 'a/B', 'a/a', 'dist/']);
});
test('a changed, missing, extra or no longer executable file is refused by name', () => {
    writeFileSync(join(root, 'dist/firmware/main.js'), 'console.log(2);\n');
    assert.match(refusal(() => verifyUnpacked(root)), /dist\/firmware\/main\.js has changed/);
    writeManifest();
    unlinkSync(join(root, 'package.json'));
    assert.match(refusal(() => verifyUnpacked(root)), /package\.json is missing/);
    writeManifest();
    writeFileSync(join(root, 'dist/firmware/extra.js'), '');
    assert.match(refusal(() => verifyUnpacked(root)), /dist\/firmware\/extra\.js is not in the manifest/);
    writeManifest();
    chmodSync(join(root, 'node/bin/node'), 0o644);
    assert.match(refusal(() => verifyUnpacked(root)), /node\/bin\/node has mode 644, the manifest says 755/);
});
test('a symlink is refused: a bundle holds only files and folders', () => {
    symlinkSync('/etc/passwd', join(root, 'dist/link'));
    assert.match(refusal(() => verifyUnpacked(root)), /dist\/link: a bundle holds only files and folders/);
});
test('no manifest, or a malformed one, is refused naming the field, the value and what is allowed', () => {
    unlinkSync(join(root, MANIFEST_FILE));
    assert.match(refusal(() => verifyUnpacked(root)), /no readable manifest\.json \(ENOENT\)/);
    const good = buildManifest({ name: 'tandem', version: '1.2.3', arch: 'arm64', node: '20.20.2' }, root);
    const bad = (patch) => refusal(() => parseManifest(JSON.stringify({ ...good, ...patch })));
    assert.equal(refusal(() => parseManifest('{')).startsWith('manifest.json: not JSON'), true);
    assert.equal(bad({ format: 2 }), 'manifest.json: format is 2; allowed: 1');
    assert.equal(bad({ arch: 'riscv64' }), 'manifest.json: arch is "riscv64"; allowed: arm64, armhf, x64');
    assert.equal(parseManifest(JSON.stringify({ ...good, arch: 'x64' })).arch, 'x64');
    assert.equal(bad({ version: '' }), 'manifest.json: version is ""; allowed: a non-empty string');
    const file = good.files[0];
    assert.match(bad({ files: [{ ...file, path: '../etc/passwd' }] }), /files\[0\]\.path is "\.\.\/etc\/passwd"; allowed: a relative path/);
    assert.match(bad({ files: [{ ...file, path: '/etc/passwd' }] }), /files\[0\]\.path is "\/etc\/passwd"/);
    assert.match(bad({ files: [{ ...file, mode: 0o777 }] }), /files\[0\]\.mode is 511; allowed: 420 or 493/);
    assert.match(bad({ files: [{ ...file, sha256: 'ab' }] }), /files\[0\]\.sha256 is "ab"; allowed: 64 lower-case hex digits/);
    assert.match(bad({ files: [file, file] }), /a path listed twice is "dist\/firmware\/main\.js"/);
});
//# sourceMappingURL=manifest.test.js.map