/**
 * Installing a real (tiny) bundle: packed with `tar --zstd`, signed with a fresh ed25519 key,
 * unpacked into the inactive slot of a temp boot folder. Every refusal leaves the slots and the
 * boot state as they were and says what is wrong.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { BundleError } from '../release/errors.js';
import { BUNDLE_ARCHES, buildManifest, MANIFEST_FILE, renderManifest, verifyUnpacked, } from '../release/manifest.js';
import { SIGNATURE_SUFFIX, signBundle } from '../release/signature.js';
import { BOOT_STATE_FILE, renderBootState, slotDir } from './boot-state.js';
import { boardBundleArch, installImage } from './install.js';
import { FirmwareSlots } from './slots.js';
const ARCH = boardBundleArch();
const keys = generateKeyPairSync('ed25519');
const PRIVATE_PEM = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let root;
let bootDir;
let releaseKey;
beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tandem-install-'));
    bootDir = join(root, 'boot');
    releaseKey = join(root, 'release-key.pem');
    writeFileSync(releaseKey, keys.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    makeImage(slotDir(bootDir, 'a'), '1.0.0');
    makeImage(slotDir(bootDir, 'b'), '0.9.0', { files: { 'old-only.txt': 'from 0.9.0\n' } });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
/** An unpacked bundle at `dir`: node, the firmware entry, package.json and the manifest of them. */
function makeImage(dir, version, o = {}) {
    const write = (files) => {
        for (const [path, text] of Object.entries(files)) {
            mkdirSync(join(dir, path, '..'), { recursive: true });
            writeFileSync(join(dir, path), text);
        }
    };
    write({
        'node/bin/node': `#!/bin/sh\necho node for tandem ${version}\n`,
        'dist/firmware/main.js': `console.log('tandem ${version}');\n`,
        'package.json': `{"name":"tandem","version":"${version}","type":"module"}\n`,
        ...o.files,
    });
    chmodSync(join(dir, 'node/bin/node'), 0o755);
    const manifest = buildManifest({ name: 'tandem', version, arch: o.arch ?? ARCH, node: '20.20.2' }, dir);
    writeFileSync(join(dir, MANIFEST_FILE), renderManifest(manifest));
    write(o.unlisted ?? {});
}
/** Packs and signs an image: the archive's path (its signature beside it). */
function bundle(name, version, o = {}) {
    const src = join(root, `${name}.src`);
    makeImage(src, version, o);
    const archive = join(root, `${name}.tar.zst`);
    execFileSync('tar', ['--zstd', '-cf', archive, '-C', src, '.']);
    writeFileSync(`${archive}${SIGNATURE_SUFFIX}`, signBundle(readFileSync(archive), PRIVATE_PEM, 'release.pem'));
    return archive;
}
/** Every file below `dir` with its mode and content, to tell a folder was not touched. */
function tree(dir) {
    const out = {};
    const walk = (d) => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory())
                walk(p);
            else
                out[relative(dir, p)] = `${(statSync(p).mode & 0o777).toString(8)} ${readFileSync(p, 'utf8')}`;
        }
    };
    walk(dir);
    return out;
}
function setup(running = 'a', state = {}) {
    const storage = new MemoryStorage();
    const statePath = join(bootDir, BOOT_STATE_FILE);
    storage.writeAtomic(statePath, renderBootState({ active: running, trial: null, tries: 0, rolledBack: null, ...state }));
    const slots = new FirmwareSlots(bootDir, storage, running);
    const progress = [];
    const before = { a: tree(slotDir(bootDir, 'a')), b: tree(slotDir(bootDir, 'b')), state: storage.read(statePath) };
    return {
        slots,
        progress,
        install: (archive, key = releaseKey) => installImage(archive, { slots, releaseKey: key, progress: (l) => progress.push(l), now: () => 0 }),
        /** A refusal: its message, once it is clear nothing changed. */
        refused: async (archive, key = releaseKey) => {
            const err = await installImage(archive, { slots, releaseKey: key, progress: (l) => progress.push(l), now: () => 0 }).then(() => assert.fail('installed'), (e) => e);
            assert.ok(err instanceof BundleError, `expected a BundleError, got ${String(err)}`);
            assert.deepEqual(tree(slotDir(bootDir, 'a')), before.a, 'slot a unchanged');
            assert.deepEqual(tree(slotDir(bootDir, 'b')), before.b, 'slot b unchanged');
            assert.equal(storage.read(statePath), before.state, 'boot state unchanged');
            assert.deepEqual(readdirSync(bootDir).sort(), ['slot-a', 'slot-b'], 'no staging folder left');
            return err.message;
        },
        storage,
    };
}
test('installs into the inactive slot and stages it for one trial boot; the running slot is untouched', async () => {
    const archive = bundle('next', '1.1.0');
    const s = setup('a');
    const slotA = tree(slotDir(bootDir, 'a'));
    const { slot, manifest } = await s.install(archive);
    assert.equal(slot, 'b');
    assert.equal(manifest.version, '1.1.0');
    assert.deepEqual(verifyUnpacked(slotDir(bootDir, 'b')), manifest);
    assert.deepEqual(tree(slotDir(bootDir, 'b')), tree(join(root, 'next.src')), 'slot b holds exactly the bundle');
    assert.deepEqual(tree(slotDir(bootDir, 'a')), slotA);
    assert.deepEqual(s.slots.state(), { active: 'a', trial: 'b', tries: 0, rolledBack: null });
    assert.deepEqual(readdirSync(bootDir).sort(), ['slot-a', 'slot-b'], 'the staging folder is gone');
    assert.equal(s.progress.length, 3);
    assert.match(s.progress[0] ?? '', new RegExp(`^Signature verified with ${releaseKey}: 0\\.0 MB \\(0\\.0 s\\)$`));
    assert.equal(s.progress[1], `Unpacked and checked: 3 files match the manifest of tandem 1.1.0 (${ARCH}) (0.0 s)`);
    assert.equal(s.progress[2], 'Installed into slot b; it boots next, on trial (0.0 s)');
});
test('running from slot b, the install goes to slot a', async () => {
    const archive = bundle('next', '1.1.0');
    const s = setup('b');
    const slotB = tree(slotDir(bootDir, 'b'));
    assert.equal((await s.install(archive)).slot, 'a');
    assert.deepEqual(tree(slotDir(bootDir, 'b')), slotB);
    assert.equal(s.slots.image('a').image?.version, '1.1.0');
    assert.deepEqual(s.slots.state(), { active: 'b', trial: 'a', tries: 0, rolledBack: null });
});
test('a changed archive: the signature does not verify', async () => {
    const archive = bundle('next', '1.1.0');
    const bytes = readFileSync(archive);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1] ^ 0xff;
    writeFileSync(archive, bytes);
    const s = setup();
    assert.equal(await s.refused(archive), `${archive}: the signature does not verify with ${releaseKey} (the archive was changed, or signed with another key)`);
    assert.deepEqual(s.progress, []);
});
test('no signature beside the archive', async () => {
    const archive = bundle('next', '1.1.0');
    rmSync(`${archive}${SIGNATURE_SUFFIX}`);
    assert.equal(await setup().refused(archive), `signature ${archive}${SIGNATURE_SUFFIX}: ENOENT`);
});
test('no release key on the unit', async () => {
    const archive = bundle('next', '1.1.0');
    const missing = join(root, 'no-such-key.pem');
    assert.equal(await setup().refused(archive, missing), `release key ${missing}: ENOENT`);
});
test('a file in the archive the manifest does not list', async () => {
    const archive = bundle('next', '1.1.0', { unlisted: { 'dist/firmware/extra.js': 'export {};\n' } });
    const s = setup();
    assert.match(await s.refused(archive), /does not match its manifest: dist\/firmware\/extra\.js is not in the manifest$/);
    assert.equal(s.progress.length, 1, 'the signature was fine');
});
test('an image for another architecture', async () => {
    const other = BUNDLE_ARCHES.find((a) => a !== ARCH);
    const archive = bundle('other', '1.1.0', { arch: other });
    assert.equal(await setup().refused(archive), `${archive} is for ${other}; this board runs ${ARCH}`);
});
test('a signed file that is no archive', async () => {
    const archive = join(root, 'junk.tar.zst');
    writeFileSync(archive, 'not zstd at all\n');
    writeFileSync(`${archive}${SIGNATURE_SUFFIX}`, signBundle(readFileSync(archive), PRIVATE_PEM, 'release.pem'));
    assert.match(await setup().refused(archive), new RegExp(`^unpacking ${archive} failed \\(tar exit 2\\): `));
});
test('while this unit runs an image on trial: refused, the other slot keeps the image to fall back to', async () => {
    const archive = bundle('next', '1.2.0');
    rmSync(slotDir(bootDir, 'b'), { recursive: true });
    makeImage(slotDir(bootDir, 'b'), '1.1.0');
    const s = setup('b', { active: 'a', trial: 'b', tries: 1 });
    assert.equal(await s.refused(archive), 'this unit runs tandem 1.1.0 in slot b on trial; the other slot holds the image to fall back to: ' +
        'install once this one is confirmed (diagnose sys flash list) or rolled back');
    assert.deepEqual(s.progress, []);
});
//# sourceMappingURL=install.test.js.map