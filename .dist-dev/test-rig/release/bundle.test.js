/**
 * The release bundle (issue 10): built twice, the same bytes; the firmware without tests,
 * scaffolding or rig; refused when its signature does not verify or a file differs from the
 * manifest; and each bundle's own Node, under qemu-user, prints the version and passes a HAL
 * smoke (koffi into libc: clock, timerfd, ifreq, ICMP stamps; cbor-x with its native part;
 * serialport on a pty). armhf's run proves the HAL's 32-bit ARM layouts (hal/abi.ts). The x64
 * bundle is built once, stamped with another version (--version), and runs natively.
 *
 * Every architecture is built, at a fast zstd level: what is checked here does not depend on
 * it, and level 19 takes a minute a build on a machine whose cache is empty. The size target is
 * the release benchmark's (`run.js release`).
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CommandError } from '../errors.js';
import { REPO_ROOT } from '../launcher.js';
import { run } from '../shell.js';
import { keyPair, listing, onTarget, releaseAvailable } from './release.testkit.js';
import { buildRelease, targetOf, unpack } from './release-build.js';
/** Fast: seconds for the 85 MB Node runtime where 19 takes a minute. */
const TEST_ZSTD_LEVEL = 3;
const TIMEOUT = 540_000;
const VERSION = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version;
const SMOKE = fileURLToPath(new URL('./hal-smoke.js', import.meta.url));
/** The bundle's own verify command, run by this machine's Node; never rejects. */
async function verify(bundle, archive, key, unpacked) {
    const cli = join(bundle, 'dist/firmware/release/verify-cli.js');
    const extra = unpacked === undefined ? [] : ['--unpacked', unpacked];
    try {
        const r = await run(process.execPath, [cli, '--key', key, archive, ...extra]);
        return { code: 0, out: r.stdout, err: r.stderr };
    }
    catch (err) {
        if (!(err instanceof CommandError))
            throw err;
        return { code: err.exitCode, out: '', err: err.stderr };
    }
}
function flipByte(path, at) {
    const bytes = readFileSync(path);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);
}
async function releaseTest(arch, t) {
    const dir = mkdtempSync(join(tmpdir(), `tandem-release-test-${arch}-`));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const key = keyPair(dir, 'release');
    const first = await buildRelease(arch, join(dir, 'a'), key.private, TEST_ZSTD_LEVEL);
    const second = await buildRelease(arch, join(dir, 'b'), key.private, TEST_ZSTD_LEVEL);
    t.diagnostic(`${arch}: ${(readFileSync(first.archive).length / 1e6).toFixed(1)} MB; built in ${first.seconds.toFixed(1)} s, again in ${second.seconds.toFixed(1)} s`);
    assert.equal(second.sha256, first.sha256, `two builds differ:\n${first.log}\n${second.log}`);
    assert.equal(readFileSync(`${second.archive}.sig`, 'utf8'), readFileSync(`${first.archive}.sig`, 'utf8'));
    assert.match(first.archive, new RegExp(`/tandem-${VERSION.replaceAll('.', '\\.')}-linux-${arch}\\.tar\\.zst$`));
    // Only the firmware, fixed owners and times, plain or executable files.
    const lines = await listing(first.archive);
    const paths = lines.map((l) => l.split(/\s+/).slice(5).join(' '));
    const top = [...new Set(paths.map((p) => p.split('/')[0]))].sort();
    assert.deepEqual(top, ['dist', 'manifest.json', 'node', 'node_modules', 'package.json', 'tandem-boot', 'tandem.service']);
    const dist = [...new Set(paths.filter((p) => p.startsWith('dist/')).map((p) => p.split('/')[1]))].filter((p) => p !== '');
    assert.deepEqual(dist.sort(), ['board', 'firmware', 'hal', 'lib']);
    assert.deepEqual(paths.filter((p) => /\.(test|fake|fixture|testkit)\.js$|test-rig|\.map$|\.ts$|^node_modules\/\.bin\//.test(p)), []);
    assert.ok(paths.includes('dist/firmware/main.js') && paths.includes('node/bin/node'));
    for (const l of lines)
        assert.match(l, /^[d-]rw[x-]r-[x-]r-[x-] 0\/0 +\d+ 1970-01-01 00:00 /, l);
    const bundle = join(dir, 'bundle');
    await unpack(first.archive, bundle);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, VERSION);
    assert.equal(manifest.arch, arch);
    assert.match(String(manifest.node), /^20\.\d+\.\d+$/);
    const unit = readFileSync(join(bundle, 'tandem.service'), 'utf8');
    assert.match(unit, /^ExecStart=\/opt\/tandem\/tandem-boot --board /m);
    assert.equal(statSync(join(bundle, 'tandem-boot')).mode & 0o777, 0o755, 'the boot selector is executable');
    // The board's check: the right key and an intact tree pass; anything else is refused by name.
    const good = await verify(bundle, first.archive, key.public, bundle);
    assert.equal(good.code, 0, good.err);
    assert.match(good.out, new RegExp(`files match the manifest of tandem ${VERSION.replaceAll('.', '\\.')} \\(${arch}\\)`));
    const other = keyPair(dir, 'other');
    const wrongKey = await verify(bundle, first.archive, other.public);
    assert.equal(wrongKey.code, 1);
    assert.match(wrongKey.err, /^tandem: refusing .*: the signature does not verify with .*other\.pub\.pem/);
    const tampered = join(dir, 'tampered.tar.zst');
    copyFileSync(first.archive, tampered);
    copyFileSync(`${first.archive}.sig`, `${tampered}.sig`);
    flipByte(tampered, Math.floor(readFileSync(tampered).length / 2));
    const changed = await verify(bundle, tampered, key.public);
    assert.equal(changed.code, 1);
    assert.match(changed.err, /tampered\.tar\.zst: the signature does not verify/);
    const altered = join(dir, 'altered');
    await unpack(first.archive, altered);
    flipByte(join(altered, 'dist/firmware/version.js'), 0);
    const alteredTree = await verify(bundle, first.archive, key.public, altered);
    assert.equal(alteredTree.code, 1);
    assert.match(alteredTree.err, /does not match its manifest: dist\/firmware\/version\.js has changed/);
    return { dir, bundle };
}
/** The native modules left in an unpacked bundle, relative to it. */
async function nativeFiles(bundle) {
    return (await run('find', [join(bundle, 'node_modules'), '-name', '*.node'])).stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.slice(bundle.length + 1))
        .sort();
}
/** The bundle's Node on its target: main.js --version, then the HAL smoke; its native modules. */
async function targetSmoke(arch, bundle, t, version = VERSION) {
    const node = join(bundle, 'node/bin/node');
    const target = await targetOf(arch);
    const start = performance.now();
    const shown = await onTarget(arch, node, ['--single-threaded-gc', join(bundle, 'dist/firmware/main.js'), '--version']);
    const how = target.qemu?.command ?? 'natively';
    t.diagnostic(`${how}: main.js --version in ${((performance.now() - start) / 1000).toFixed(1)} s`);
    assert.equal(shown, `tandem ${version}\n`);
    // Copied into the bundle, so its imports resolve to the bundle's node_modules and dist/.
    copyFileSync(SMOKE, join(bundle, 'hal-smoke.js'));
    const report = JSON.parse(await onTarget(arch, node, [join(bundle, 'hal-smoke.js')]));
    t.diagnostic(`${arch} smoke: ${JSON.stringify({ ...report, nativeModules: undefined })}`);
    assert.equal(report.arch, target.npmCpu);
    assert.ok(Math.abs(report.wallSkewMs) < 1000, `CLOCK_REALTIME through koffi is ${report.wallSkewMs} ms off Date.now()`);
    assert.ok(report.ticks >= 1, `a 20 ms timerfd ticked ${report.ticks} times in a poll of up to 1 s`);
    assert.equal(report.loIndex, 1, `SIOCGIFINDEX gave lo the index ${report.loIndex}`);
    assert.equal(report.loMac, '000000000000', `SIOCGIFHWADDR gave lo the MAC ${report.loMac}`);
    assert.ok(report.icmpStampMs !== null, 'SIOCGSTAMPNS failed on the pinger after its echo reply');
    assert.ok(report.icmpStampMs > -1000 && report.icmpStampMs < 10_000, `the echo reply's arrival stamp is ${report.icmpStampMs} ms from its send`);
    assert.ok(report.icmpRttMs >= 0 && report.icmpRttMs < 10_000, `the pinger measured a round trip of ${report.icmpRttMs} ms`);
    assert.equal(report.cborNative, true, 'cbor-x runs without its native extension');
    assert.equal(report.cborRoundTrip, true);
    assert.equal(report.ptyIn, 'ping');
    assert.equal(report.serialIn, 'pong');
    return report.nativeModules;
}
test('arm64: reproducible, firmware only, verified; its Node under qemu prints the version and passes a HAL smoke', {
    timeout: TIMEOUT,
}, async (t) => {
    if (!(await releaseAvailable(t, 'arm64', { qemu: true })))
        return;
    const { bundle } = await releaseTest('arm64', t);
    assert.deepEqual(await targetSmoke('arm64', bundle, t), [
        'node_modules/@cbor-extract/cbor-extract-linux-arm64/node.napi.glibc.node',
        'node_modules/@koromix/koffi-linux-arm64/linux_arm64/koffi.node',
        'node_modules/@serialport/bindings-cpp/prebuilds/linux-arm64/@serialport+bindings-cpp.armv8.glibc.node',
    ]);
});
test('armhf: reproducible, firmware only, verified, with the newest armv7l Node build; under qemu it passes the HAL smoke', {
    timeout: TIMEOUT,
}, async (t) => {
    if (!(await releaseAvailable(t, 'armhf', { qemu: true })))
        return;
    const { bundle } = await releaseTest('armhf', t);
    assert.deepEqual(await nativeFiles(bundle), [
        'node_modules/@cbor-extract/cbor-extract-linux-arm/node.abi137.glibc.node',
        'node_modules/@cbor-extract/cbor-extract-linux-arm/node.napi.glibc.node',
        'node_modules/@koromix/koffi-linux-arm/linux_armhf/koffi.node',
        'node_modules/@serialport/bindings-cpp/prebuilds/linux-arm/@serialport+bindings-cpp.armv6.glibc.node',
        'node_modules/@serialport/bindings-cpp/prebuilds/linux-arm/@serialport+bindings-cpp.armv7.glibc.node',
    ]);
    assert.deepEqual(await targetSmoke('armhf', bundle, t), [
        'node_modules/@cbor-extract/cbor-extract-linux-arm/node.napi.glibc.node',
        'node_modules/@koromix/koffi-linux-arm/linux_armhf/koffi.node',
        'node_modules/@serialport/bindings-cpp/prebuilds/linux-arm/@serialport+bindings-cpp.armv7.glibc.node',
    ]);
});
test('x64, stamped with --version: the next version in its name, manifest and package.json; its Node runs natively and passes the HAL smoke', {
    timeout: TIMEOUT,
}, async (t) => {
    if (!(await releaseAvailable(t, 'x64', { qemu: true })))
        return;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-release-test-x64-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    // An upgrade test's "version N+1": never package.json's.
    const next = `${Number(VERSION.split('.')[0]) + 1}.0.0-rc.1`;
    const build = await buildRelease('x64', join(dir, 'out'), null, TEST_ZSTD_LEVEL, next);
    t.diagnostic(`x64: ${(readFileSync(build.archive).length / 1e6).toFixed(1)} MB; built in ${build.seconds.toFixed(1)} s`);
    assert.equal(build.archive, join(dir, 'out', `tandem-${next}-linux-x64.tar.zst`));
    const bundle = join(dir, 'bundle');
    await unpack(build.archive, bundle);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    assert.deepEqual([manifest.version, manifest.arch, manifest.node], [next, 'x64', process.versions.node]);
    assert.equal(JSON.parse(readFileSync(join(bundle, 'package.json'), 'utf8')).version, next);
    // Only the linux-x64 glibc builds survive the prune.
    assert.deepEqual(await nativeFiles(bundle), [
        'node_modules/@cbor-extract/cbor-extract-linux-x64/node.abi137.glibc.node',
        'node_modules/@cbor-extract/cbor-extract-linux-x64/node.napi.glibc.node',
        'node_modules/@koromix/koffi-linux-x64/linux_x64/koffi.node',
        'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
    ]);
    assert.deepEqual(await targetSmoke('x64', bundle, t, next), [
        'node_modules/@cbor-extract/cbor-extract-linux-x64/node.napi.glibc.node',
        'node_modules/@koromix/koffi-linux-x64/linux_x64/koffi.node',
        'node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/@serialport+bindings-cpp.glibc.node',
    ]);
});
//# sourceMappingURL=bundle.test.js.map