#!/usr/bin/env node
// npm run release -- --arch arm64|armhf|x64 [--version <v>] [--key <ed25519 private key pem>] [--out <dir>]
//
// Builds release/tandem-<version>-linux-<arch>.tar.zst, what goes onto a board: the firmware alone
// (tsconfig.firmware.json: no tests, fakes, fixtures, testkits or rig; no source maps), the
// production dependencies installed for the target and pruned (release/prune.js), the target's
// Node runtime (release/node-runtime.js), the systemd unit and its boot selector (tandem-boot), and manifest.json (version, arch,
// Node version, every file's size, mode and sha256). The archive is the same bytes on every run
// (release/tar.js, release/zstd.js); with --key, <archive>.sig is an ed25519 signature over it.
// The version is package.json's unless --version gives another (release/version.js: a release
// candidate, an upgrade test's next version); the bundle's package.json carries it, and the
// firmware reads its version from there.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { installMissing } from './apt.js';
import { installRuntime, runtimeTarball, runtimeVersion } from './release/node-runtime.js';
import { pruneNodeModules } from './release/prune.js';
import { tarEnd, tarEntry } from './release/tar.js';
import { buildTools, targetOf } from './release/targets.js';
import { releaseVersion } from './release/version.js';
import { cachedZstdFrame, ZSTD_LEVEL, zstdFrame } from './release/zstd.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const USAGE =
  'usage: npm run release -- --arch arm64|armhf|x64 [--version <major.minor.patch[-prerelease]>] [--key <ed25519 private key pem>] [--out <dir>]';
/** Files at least this big get a zstd frame of their own, cached (the Node runtime). */
const OWN_FRAME_BYTES = 16 << 20;
/** What of package.json the board needs: "type" makes dist/ ES modules, the version is shown. */
const PACKAGE_FIELDS = ['name', 'version', 'description', 'type', 'private', 'engines', 'dependencies', 'overrides'];

// Progress goes to stderr, children's output too: stdout is the archive's path alone.
const say = (line) => process.stderr.write(`release: ${line}\n`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function usage(problem) {
  process.stderr.write(`release: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

function options() {
  try {
    const string = { type: 'string' };
    return parseArgs({ options: { arch: string, version: string, key: string, out: string } }).values;
  } catch (err) {
    return usage(err.message);
  }
}

const STEPS = 6;
let stepNo = 0;
/** Runs one step, saying what it does and how long it took; `fn` returns a line of detail. */
function step(what, fn) {
  stepNo += 1;
  say(`[${stepNo}/${STEPS}] ${what}...`);
  const start = performance.now();
  const detail = fn();
  say(`[${stepNo}/${STEPS}] ${what}: ${detail} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
}

/** Compiles the firmware into `root` and writes its package.json, stamped with `version` if given; returns the version. */
function buildFirmware(root, version) {
  const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
  const config = join(REPO, 'tsconfig.firmware.json');
  const args = ['-p', config, '--outDir', join(root, 'dist'), '--sourceMap', 'false', '--incremental', 'false'];
  execFileSync(process.execPath, [tsc, ...args], { stdio: ['ignore', 2, 2] });
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  const kept = Object.fromEntries(PACKAGE_FIELDS.filter((f) => f in pkg).map((f) => [f, pkg[f]]));
  kept.version = version ?? pkg.version;
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(kept, null, 2)}\n`);
  return kept.version;
}

function installDependencies(stage, root, target) {
  const deps = join(stage, 'deps');
  mkdirSync(deps);
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(REPO, f), join(deps, f));
  // --ignore-scripts: koffi's install script would rebuild it for this machine, not the board.
  const args = ['install', '--omit=dev', '--os=linux', `--cpu=${target.npmCpu}`, '--ignore-scripts'];
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: deps,
    stdio: ['ignore', 2, 2],
  });
  renameSync(join(deps, 'node_modules'), join(root, 'node_modules'));
  const removed = pruneNodeModules(join(root, 'node_modules'), target);
  return `npm install --omit=dev --os=linux --cpu=${target.npmCpu}; pruned ${removed.files} files, ${mb(removed.bytes)}`;
}

/** The tar's bytes in segments: each big file alone, the rest between them; modes as the manifest says. */
function tarSegments(root, manifest, bundlePaths) {
  const modes = new Map(manifest.files.map((f) => [f.path, f.mode]));
  const segments = [];
  let current = [];
  for (const path of bundlePaths(root)) {
    if (path.endsWith('/')) {
      current.push(...tarEntry({ path, mode: 0o755 }));
      continue;
    }
    const data = readFileSync(join(root, path));
    const parts = tarEntry({ path, mode: modes.get(path) ?? 0o644, data });
    if (data.length < OWN_FRAME_BYTES) {
      current.push(...parts);
      continue;
    }
    segments.push({ bytes: Buffer.concat(current), path: null });
    current = [];
    segments.push({ bytes: Buffer.concat(parts), path });
  }
  segments.push({ bytes: Buffer.concat([...current, tarEnd()]), path: null });
  return segments;
}

function compress(segments) {
  return segments.map(({ bytes, path }) => {
    if (path === null) return zstdFrame(bytes);
    const { frame, cached } = cachedZstdFrame(bytes);
    say(
      `  ${path}: ${mb(bytes.length)} → ${mb(frame.length)}${cached ? ' (frame from the cache)' : ' (kept in the cache for the next build)'}`,
    );
    return frame;
  });
}

async function main() {
  const values = options();
  if (values.arch === undefined) usage('--arch is required');
  let target;
  try {
    target = targetOf(values.arch);
  } catch (err) {
    usage(err.message);
  }
  let stamp;
  try {
    stamp = values.version === undefined ? undefined : releaseVersion(values.version);
  } catch (err) {
    usage(err.message);
  }
  let key;
  try {
    key = values.key === undefined ? undefined : readFileSync(values.key, 'utf8');
  } catch (err) {
    usage(`--key ${values.key}: ${err.code ?? err.message}`);
  }
  installMissing(buildTools(values.arch), 'the release build');
  const out = resolve(values.out ?? join(REPO, 'release'));
  const started = performance.now();

  const stage = mkdtempSync(join(tmpdir(), 'tandem-release-'));
  const root = join(stage, 'bundle');
  try {
    let version;
    step('firmware (tsconfig.firmware.json)', () => {
      version = buildFirmware(root, stamp);
      return `tandem ${version}`;
    });
    // The board's own reading of manifests and signatures, just compiled: one definition of each format.
    const release = join(root, 'dist/firmware/release');
    const manifestModule = await import(pathToFileURL(join(release, 'manifest.js')).href);
    const signature = await import(pathToFileURL(join(release, 'signature.js')).href);
    if (key !== undefined) signature.signBundle(Buffer.alloc(0), key, values.key); // a bad key fails now, not after the build
    step(`production dependencies for linux-${target.npmCpu}`, () => installDependencies(stage, root, target));
    let nodeVersion;
    step(`Node runtime (${target.nodePackage})`, () => {
      nodeVersion = runtimeVersion(target, say);
      const tarball = runtimeTarball(target, nodeVersion, say);
      const size = installRuntime(target, tarball.path, root);
      return `${nodeVersion}${tarball.cached ? ' from the cache' : ''}, stripped ${mb(size.before)} → ${mb(size.after)}`;
    });
    copyFileSync(join(REPO, 'scripts/tandem.service'), join(root, 'tandem.service'));
    copyFileSync(join(REPO, 'scripts/tandem-boot'), join(root, 'tandem-boot'));
    chmodSync(join(root, 'tandem-boot'), 0o755);

    let manifest;
    step('manifest', () => {
      const head = { name: 'tandem', version, arch: values.arch, node: nodeVersion };
      manifest = manifestModule.buildManifest(head, root);
      writeFileSync(join(root, manifestModule.MANIFEST_FILE), manifestModule.renderManifest(manifest));
      const bytes = manifest.files.reduce((sum, f) => sum + f.size, 0);
      return `${manifest.files.length} files, ${mb(bytes)}`;
    });

    const name = `tandem-${version}-linux-${values.arch}.tar.zst`;
    const archivePath = join(out, name);
    let archive;
    step(`archive (tar, zstd -${ZSTD_LEVEL})`, () => {
      const segments = tarSegments(root, manifest, manifestModule.bundlePaths);
      archive = Buffer.concat(compress(segments));
      const tarBytes = segments.reduce((sum, s) => sum + s.bytes.length, 0);
      mkdirSync(out, { recursive: true });
      const temp = `${archivePath}.${process.pid}.tmp`;
      writeFileSync(temp, archive);
      renameSync(temp, archivePath);
      return `${mb(tarBytes)} of tar → ${mb(archive.length)}`;
    });
    step('signature', () => {
      const sigPath = `${archivePath}${signature.SIGNATURE_SUFFIX}`;
      if (key === undefined) {
        rmSync(sigPath, { force: true }); // an earlier build's signature would not match this archive
        return 'none (no --key)';
      }
      writeFileSync(sigPath, signature.signBundle(archive, key, values.key));
      return `ed25519 with ${values.key} → ${name}${signature.SIGNATURE_SUFFIX}`;
    });
    const sha256 = createHash('sha256').update(archive).digest('hex');
    say(`${name}: ${mb(archive.length)}, sha256 ${sha256}, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    process.stdout.write(`${archivePath}\n`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (err) {
  // A key that is not an ed25519 private key: one line, as the board says it.
  if (err?.name !== 'BundleError') throw err;
  say(err.message);
  process.exit(1);
}
