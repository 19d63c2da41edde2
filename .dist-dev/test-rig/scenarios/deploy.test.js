/**
 * Installing on one board. First at its console: a tampered archive, a relative path and a
 * declined question change nothing. Then scripts/deploy.js against a real sshd, which runs in
 * board B's namespace on B's management address, the deploy running from the server's
 * namespace across the rig's management switch: on the running secondary the bundle goes to
 * the board and `execute restore image` installs it into the inactive slot and restarts into it,
 * on trial until it is confirmed (joined and in sync); on an empty root the first install lays
 * out slot a and the boot selector, which then boots it. A bundle for another architecture is
 * refused before anything is copied. (Trials that fail and roll back: rolling-upgrade.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import { parseBootState } from '../../firmware/boot/boot-state.js';
import { CONSOLE_SOCKET_NAME } from '../../firmware/console/socket-protocol.js';
import { REPO_ROOT } from '../launcher.js';
import { boardDir, boardNamespace, srvNamespace } from '../paths.js';
import { releaseAvailable } from '../release/release.testkit.js';
import { testBundle } from '../release/test-bundles.js';
import { mgmtAddress, rigConfig } from '../rig-config.js';
import { run } from '../shell.js';
import { untilOutput } from './images.testkit.js';
import { onePrimary, scenarioRig } from './scenario-rig.testkit.js';
const NEXT = '1.1.0';
const DEPLOY = join(REPO_ROOT, 'scripts', 'deploy.js');
async function sshdAvailable(t) {
    const found = await run('sh', ['-c', 'command -v sshd && command -v ssh-keygen']).then(() => true, () => false);
    if (found)
        return true;
    const why = 'needs sshd and ssh-keygen (openssh-server); node scripts/ensure-tools.js --release installs them';
    if (process.env.CI)
        throw new Error(`deploy test cannot run: ${why}`);
    t.skip(why);
    return false;
}
/** sshd in `ns` on `address`:22, root logging in with `clientKey` only; stopped by the returned function. */
async function startSshd(dir, ns, address, clientPub) {
    mkdirSync('/run/sshd', { recursive: true });
    const hostKey = join(dir, 'host_ed25519');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(clientPub));
    const config = join(dir, 'sshd_config');
    writeFileSync(config, [
        `ListenAddress ${address}:22`,
        `HostKey ${hostKey}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'UsePAM no',
        'StrictModes no',
        '',
    ].join('\n'));
    const sshd = spawn('ip', ['netns', 'exec', ns, '/usr/sbin/sshd', '-D', '-e', '-f', config], {
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    sshd.stderr?.on('data', (d) => {
        log += d.toString();
    });
    for (const until = Date.now() + 10_000; !/Server listening/.test(log); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() > until || sshd.exitCode !== null)
            throw new Error(`sshd did not start in ${ns}: ${log}`);
    }
    return () => sshd.kill('SIGTERM');
}
function deploy(ns, args) {
    return new Promise((resolve) => {
        const child = spawn('ip', ['netns', 'exec', ns, process.execPath, DEPLOY, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => {
            out += d.toString();
        });
        child.stderr.on('data', (d) => {
            err += d.toString();
        });
        child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    });
}
test('deploy over SSH: an upgrade of a running board, a first install, a wrong architecture', { timeout: 240_000 }, async (t) => {
    if (!(await releaseAvailable(t, 'x64', { qemu: false })) || !(await sshdAvailable(t)))
        return;
    const dir = mkdtempSync(join(tmpdir(), 'tandem-deploy-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const next = await testBundle(NEXT);
    const key = { public: next.publicKey };
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'client')]);
    const sr = await scenarioRig(t, [rigConfig(0), rigConfig(1)]);
    if (!sr)
        return;
    t.after(() => sr.down());
    // SSH on B's management port, as an operator would allow it (the rig's config allows ping only).
    await sr.rig.exec('B', 'config system interface\nedit "mgmt"\nset allowaccess ping ssh\nnext\nend');
    const stop = await startSshd(dir, boardNamespace(sr.name, 'B'), mgmtAddress(1), join(dir, 'client.pub'));
    t.after(stop);
    const b = simBoard({ dir: boardDir(sr.name, 'B'), serial: '', tty: '' });
    const ssh = [
        '--host',
        `root@${mgmtAddress(1)}`,
        '--identity',
        join(dir, 'client'),
        '--ssh-option',
        'StrictHostKeyChecking=no',
        '--ssh-option',
        'UserKnownHostsFile=/dev/null',
        '--ssh-option',
        'LogLevel=ERROR',
    ];
    const onB = [...ssh, '--root', b.boot.dir, '--key-path', b.boot.releaseKey, '--socket', join(b.runDir, CONSOLE_SOCKET_NAME)];
    const srv = srvNamespace(sr.name);
    // Refused before anything changes: a tampered archive, a relative path, a declined question.
    copyFileSync(key.public, b.boot.releaseKey);
    const tampered = join(dir, 'tampered.tar.zst');
    const bytes = readFileSync(next.archive);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1] ^ 0xff;
    writeFileSync(tampered, bytes);
    copyFileSync(`${next.archive}.sig`, `${tampered}.sig`);
    assert.match(await sr.rig.exec('B', `execute restore image ${tampered}\ny`), /Command fail\. .*tampered\.tar\.zst: the signature does not verify with/);
    assert.match(await sr.rig.exec('B', 'execute restore image next.tar.zst\ny'), /give an absolute path on this unit/);
    assert.equal(await sr.rig.exec('B', `execute restore image ${next.archive}\nn`), '', 'asked, and declined');
    assert.match(await sr.rig.exec('B', 'diagnose sys flash list'), /^b +\(empty\)/m, 'nothing installed');
    // A running board: copied, installed into its inactive slot by the firmware, restarted into it.
    const up = await deploy(srv, ['--bundle', next.archive, '--release-key', key.public, ...onB]);
    assert.equal(up.code, 0, up.err);
    assert.match(up.err, /installed already: execute restore image .*\/incoming\/tandem-1\.1\.0-linux-x64\.tar\.zst/);
    assert.match(up.out, /Restarting into tandem 1\.1\.0 \(slot b\) now\./);
    // Running on trial: until it is confirmed the next boot is the old slot's.
    assert.match(up.out, /^b +tandem-1\.1\.0-linux-x64 .* Yes +No$/m);
    assert.match(up.out, /^Trial: slot b running for \d+ s, not yet confirmed/m);
    assert.match(up.err, /tandem 1\.1\.0 runs on root@198\.18\.3\.12/);
    assert.ok(!existsSync(join(b.boot.dir, 'incoming', 'tandem-1.1.0-linux-x64.tar.zst')), 'the copy is removed');
    await untilOutput(sr, 'B', 'diagnose sys flash list', /Trial: none/, 60_000);
    await sr.until((s) => onePrimary(s, ['A', 'B']), 'B back in the pair on 1.1.0');
    // An empty root: slot a, the boot selector and its state; the selector boots the image.
    const root = join(dir, 'fresh');
    const first = await deploy(srv, [
        '--bundle',
        next.archive,
        '--release-key',
        key.public,
        ...ssh,
        '--root',
        root,
        '--key-path',
        join(root, 'release-key.pem'),
        '--no-service',
    ]);
    assert.equal(first.code, 0, first.err);
    assert.match(first.err, /first install: unpacking into .*\/slot-a and checking it against its manifest/);
    assert.match(first.err, /--no-service: the systemd unit is not installed/);
    assert.equal(statSync(join(root, 'tandem-boot')).mode & 0o777, 0o755);
    const booted = await run(join(root, 'tandem-boot'), ['--version']);
    assert.equal(booted.stdout, 'tandem 1.1.0\n');
    assert.deepEqual(parseBootState(readFileSync(join(root, 'boot-state'), 'utf8')), { active: 'a', trial: null, tries: 0, rolledBack: null }, 'the selector wrote the state of the boot it made');
    // Another architecture: refused before anything is copied.
    const arm = join(dir, 'tandem-1.1.0-linux-arm64.tar.zst');
    copyFileSync(next.archive, arm);
    copyFileSync(`${next.archive}.sig`, `${arm}.sig`);
    const wrong = await deploy(srv, ['--bundle', arm, ...onB]);
    assert.equal(wrong.code, 1);
    assert.match(wrong.err, /is x86_64 \(x64\); the bundle is for arm64/);
    assert.ok(!existsSync(join(b.boot.dir, 'incoming', 'tandem-1.1.0-linux-arm64.tar.zst')));
});
//# sourceMappingURL=deploy.test.js.map