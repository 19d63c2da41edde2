#!/usr/bin/env node
// npm run deploy -- --host root@<board> --bundle <tandem-…tar.zst> [options]
//
// Puts a release bundle onto a board over SSH (the board needs sshd, GNU tar and zstd; its
// `.sig` travels with it). The first time, it lays out the A/B slots: the bundle unpacked and
// checked against its manifest into slot a, the boot selector (tandem-boot) beside the slots,
// the release key and the systemd unit, and starts the service. Afterwards it copies the bundle
// to the board and runs `execute restore image` on the board's console socket: the firmware
// checks it with its own release key, installs it into the inactive slot and restarts into it
// on trial (on the primary of a cluster, a rolling upgrade of the whole cluster instead); then
// it waits until the board answers with the new version and shows `diagnose sys flash list`.
//
// The paths default to the NanoPi R4S's (board/nanopi-r4s): --root /opt/tandem, --key-path
// /etc/tandem/release-key.pem, --socket /run/tandem/console.sock.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `usage: npm run deploy -- --host <user@address> --bundle <tandem-…tar.zst> [--release-key <public key pem>]
  [--port 22] [--identity <ssh key>] [--ssh-option <Option=value>]... [--board nanopi-r4s]
  [--root /opt/tandem] [--key-path /etc/tandem/release-key.pem] [--socket /run/tandem/console.sock]
  [--no-service] [--timeout 300]`;
const OPTIONS = {
  host: { type: 'string' },
  bundle: { type: 'string' },
  'release-key': { type: 'string' },
  port: { type: 'string', default: '22' },
  identity: { type: 'string' },
  'ssh-option': { type: 'string', multiple: true, default: [] },
  board: { type: 'string', default: 'nanopi-r4s' },
  root: { type: 'string', default: '/opt/tandem' },
  'key-path': { type: 'string', default: '/etc/tandem/release-key.pem' },
  socket: { type: 'string', default: '/run/tandem/console.sock' },
  'no-service': { type: 'boolean', default: false },
  timeout: { type: 'string', default: '300' },
};
/** `uname -m` on the board → the bundle architecture it runs. */
const ARCH_OF_MACHINE = { aarch64: 'arm64', armv7l: 'armhf', armv8l: 'armhf', x86_64: 'x64' };

const say = (line) => process.stderr.write(`deploy: ${line}\n`);

function fail(problem, code = 1) {
  process.stderr.write(`deploy: ${problem}\n`);
  if (code === 2) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

function options() {
  let values;
  try {
    values = parseArgs({ options: OPTIONS }).values;
  } catch (err) {
    fail(err.message, 2);
  }
  for (const need of ['host', 'bundle']) if (values[need] === undefined) fail(`--${need} is required`, 2);
  if (!/^\d+$/.test(values.port)) fail(`--port ${values.port}: a TCP port number`, 2);
  if (!/^\d+$/.test(values.timeout)) fail(`--timeout ${values.timeout}: whole seconds`, 2);
  const m = /^tandem-(.+)-linux-(arm64|armhf|x64)\.tar\.zst$/.exec(basename(values.bundle));
  if (!m) fail(`--bundle ${values.bundle}: not a release bundle name (tandem-<version>-linux-<arch>.tar.zst)`, 2);
  for (const file of [values.bundle, `${values.bundle}.sig`, values['release-key']].filter(Boolean)) {
    if (!existsSync(file)) fail(`${file}: no such file${file.endsWith('.sig') ? ' (build the release with --key)' : ''}`);
  }
  return { ...values, version: m[1], arch: m[2] };
}

/** Single quotes for the board's shell. */
const q = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;

/** Runs `script` with sh on the board; `input` (a file) is its stdin. Resolves with its stdout. */
function remote(o, script, input) {
  const args = ['-p', o.port, '-o', 'BatchMode=yes', ...(o.identity ? ['-i', o.identity] : [])];
  for (const opt of o['ssh-option']) args.push('-o', opt);
  args.push(o.host, `sh -c ${q(script)}`);
  return new Promise((resolve, reject) => {
    const child = spawn('ssh', args, { stdio: [input ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    if (input) createReadStream(input).pipe(child.stdin);
    child.on('error', (e) => reject(new Error(`ssh: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`on ${o.host}: ${err.trim() || out.trim() || `exit ${code}`}`));
    });
  });
}

/** The console CLI of whichever slot holds a runnable image (the socket's protocol is every version's). */
function consoleCommand(o, lines) {
  const slots = ['a', 'b'].map((s) => `${o.root}/slot-${s}`);
  const pick = slots
    .map(
      (s) =>
        `[ -x ${q(`${s}/node/bin/node`)} ] && exec ${q(`${s}/node/bin/node`)} ${q(`${s}/dist/firmware/console/socket-cli.js`)} --socket ${q(o.socket)} ${lines.map(q).join(' ')}`,
    )
    .join('; ');
  return `${pick}; echo 'no slot in ${o.root} holds an image' >&2; exit 1`;
}

async function firstInstall(o, incoming) {
  const slot = `${o.root}/slot-a`;
  const staging = `${o.root}/.slot-a.new`;
  say(`first install: unpacking into ${slot} and checking it against its manifest...`);
  const verify = `${staging}/node/bin/node ${staging}/dist/firmware/release/verify-cli.js --key ${q(o['key-path'])} ${q(incoming)} --unpacked ${staging}`;
  await remote(
    o,
    [
      `set -e`,
      `rm -rf ${q(staging)} && mkdir -p ${q(staging)}`,
      `tar --zstd -xf ${q(incoming)} -C ${q(staging)}`,
      verify,
      `rm -rf ${q(slot)} && mv ${q(staging)} ${q(slot)}`,
      `install -m 0755 ${q(`${slot}/tandem-boot`)} ${q(`${o.root}/tandem-boot`)}`,
      // No boot-state: the selector boots slot a without one, and writes it at that boot.
      `rm -f ${q(`${o.root}/boot-state`)}`,
    ].join('\n'),
  );
  say(`${o.root}/tandem-boot boots slot a: tandem ${o.version}`);
  if (o['no-service']) {
    say(
      '--no-service: the systemd unit is not installed; start the firmware with: ' + `${o.root}/tandem-boot --board ${o.board}`,
    );
    return;
  }
  const unit = '/etc/systemd/system/tandem.service';
  await remote(
    o,
    [
      `set -e`,
      `sed 's|--board [a-z0-9-]*|--board ${o.board}|; s|/opt/tandem/tandem-boot|${o.root}/tandem-boot|' ${q(`${slot}/tandem.service`)} > ${unit}`,
      'systemctl daemon-reload',
      'systemctl enable --now tandem',
    ].join('\n'),
  );
  say(`${unit} installed, enabled and started (systemctl status tandem; journalctl -u tandem)`);
}

async function upgrade(o, incoming) {
  say(`installed already: execute restore image ${incoming} on ${o.host}...`);
  const out = await remote(o, consoleCommand(o, [`execute restore image ${incoming}`, 'y']));
  process.stdout.write(out);
  if (/^Command fail/m.test(out)) throw new Error('the board refused the image (above); nothing changed');
  if (/Rolling upgrade/.test(out)) {
    say('this board is the primary of a cluster: the rolling upgrade runs on its own; follow it with get system ha status');
    return;
  }
  const until = Date.now() + Number(o.timeout) * 1000;
  let last = '';
  say(`waiting for tandem ${o.version} to answer...`);
  while (Date.now() < until) {
    last = await remote(o, consoleCommand(o, ['get system status'])).catch((e) => e.message);
    if (last.includes(`v${o.version}\n`)) {
      process.stdout.write(await remote(o, consoleCommand(o, ['diagnose sys flash list'])));
      say(`tandem ${o.version} runs on ${o.host}, on trial until it has joined and is in sync (diagnose sys flash list)`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`tandem ${o.version} did not answer within ${o.timeout} s; last:\n${last}`);
}

async function main() {
  const o = options();
  const started = performance.now();
  say(`checking ${o.host}...`);
  const facts = await remote(
    o,
    `uname -m; for c in tar zstd; do command -v $c >/dev/null || echo "missing $c"; done; [ -x ${q(`${o.root}/tandem-boot`)} ] && echo installed; [ -e ${q(`${o.root}/slot-a`)} ] || [ -e ${q(`${o.root}/slot-b`)} ] && echo slots; true`,
  );
  const [machine, ...rest] = facts.trim().split('\n');
  const missing = rest.filter((l) => l.startsWith('missing '));
  if (missing.length > 0)
    throw new Error(`${o.host} lacks ${missing.map((l) => l.slice(8)).join(', ')} (apt-get install tar zstd)`);
  const arch = ARCH_OF_MACHINE[machine];
  if (arch !== o.arch)
    throw new Error(`${o.host} is ${machine} (${arch ?? 'not a Tandem architecture'}); the bundle is for ${o.arch}`);
  const installed = rest.includes('installed');
  if (!installed && rest.includes('slots')) {
    throw new Error(
      `${o.root} on ${o.host} holds slots but no tandem-boot: not a layout this script made; pick another --root or clear it`,
    );
  }

  const incoming = `${o.root}/incoming/${basename(o.bundle)}`;
  await remote(o, `mkdir -p ${q(`${o.root}/incoming`)}`);
  await remote(o, `cat > ${q(incoming)}`, o.bundle);
  await remote(o, `cat > ${q(`${incoming}.sig`)}`, `${o.bundle}.sig`);
  say(`copied ${basename(o.bundle)} and its signature to ${incoming}`);
  if (o['release-key']) {
    await remote(o, `mkdir -p "$(dirname ${q(o['key-path'])})" && cat > ${q(o['key-path'])}`, o['release-key']);
    say(`release key ${o['release-key']} installed as ${o['key-path']}`);
  }
  try {
    if (installed) await upgrade(o, incoming);
    else await firstInstall(o, incoming);
  } finally {
    await remote(o, `rm -f ${q(incoming)} ${q(`${incoming}.sig`)}`).catch(() => {});
  }
  say(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => fail(err.message));
