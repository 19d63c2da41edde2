/**
 * Config sync on a pair carrying traffic (issue 9 item 1): a change committed on either unit's
 * console reaches both and the data plane obeys it, also after a failover; per-unit settings
 * stay apart; checksums agree; a unit whose flash config was edited while it was down gets a
 * full sync when it rejoins, and keeps its own version as a backup.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { test } from 'node:test';
import { boardConfigFile, boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { run } from '../shell.js';
import { exchangeUntil, GROUP_ID } from './gateway-checks.testkit.js';
import { onePrimary, type ScenarioRig, scenarioRig, stateOf } from './scenario-rig.testkit.js';

const common = { groupId: GROUP_ID, extra: gatewayConfig() };

/** Polls a console command on a board until its output matches. */
async function consoleUntil(sr: ScenarioRig, board: 'A' | 'B', line: string, re: RegExp, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let out = '';
  while (Date.now() < until) {
    out = await sr.rig.exec(board, line);
    if (re.test(out)) return out;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.fail(`${board}: \`${line}\` did not show ${re} within ${timeoutMs} ms; last output:\n${out}`);
}

function commit(sr: ScenarioRig, board: 'A' | 'B', lines: string): Promise<string> {
  return sr.rig.exec(board, lines).then((out) => {
    assert.doesNotMatch(out, /Command fail|error/i, `${board}: ${out}`);
    return out;
  });
}

const setAction = (action: string) => `config firewall policy\nedit 1\nset action ${action}\nnext\nend`;

test('config sync on a pair carrying traffic', async (t) => {
  const sr = await scenarioRig(t, [rigConfig(0, common), rigConfig(1, common)]);
  if (!sr) return;
  t.after(() => sr.down());
  await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary');
  await exchangeUntil(sr, (x) => x.reached, 'traffic through A');

  await t.test('a change on the primary reaches the secondary, and traffic obeys it', async () => {
    await commit(sr, 'A', setAction('deny'));
    // FortiOS's policy action defaults to deny: only the full configuration shows it.
    await consoleUntil(sr, 'B', 'show full-configuration firewall policy', /set action deny/);
    await exchangeUntil(sr, (x) => !x.reached, 'policy 1 denies');
    assert.match(sr.log('B'), /config sync: applied incremental \(firewall\.policy\) from TDSIM00000000001/);
  });

  await t.test('a change on the secondary goes through the primary to both', async () => {
    const out = await commit(sr, 'B', setAction('accept'));
    assert.doesNotMatch(out, /not yet/, 'the push reached B before `end` returned');
    assert.match(await sr.rig.exec('B', 'show firewall policy'), /set action accept/);
    await consoleUntil(sr, 'A', 'show firewall policy', /set action accept/);
    await exchangeUntil(sr, (x) => x.reached, 'policy 1 accepts again');
  });

  await t.test('an interface change on the primary is synced; per-unit settings stay apart', async () => {
    await commit(sr, 'A', 'config system interface\nedit "port2"\nset ip 198.18.1.1 255.255.255.128\nnext\nend');
    await consoleUntil(sr, 'B', 'show system interface', /255\.255\.255\.128/);
    assert.match(await sr.rig.exec('A', 'show system ha'), /set priority 200/);
    assert.match(await sr.rig.exec('B', 'show full-configuration system ha'), /set priority 128/);
    assert.notEqual(
      (await sr.rig.exec('A', 'get system status')).match(/Hostname: (\S+)/)?.[1],
      (await sr.rig.exec('B', 'get system status')).match(/Hostname: (\S+)/)?.[1],
    );
  });

  await t.test('checksums agree, and the status says both are in sync', async () => {
    assert.match(await sr.rig.exec('A', 'diagnose sys ha checksum cluster'), /all units in sync/);
    const status = await consoleUntil(sr, 'B', 'get system ha status', /Configuration Status:(\n.*in-sync){2}/);
    assert.doesNotMatch(status, /out-of-sync/);
  });

  await t.test('after a kill -9 of the primary, the survivor runs the synced config', async () => {
    await sr.cli(['fault', 'kill', 'A']);
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over');
    await exchangeUntil(sr, (x) => x.reached, 'traffic through B');
    const { stdout } = await run('ip', ['-n', boardNamespace(sr.name, 'B'), '-o', '-4', 'addr', 'show', 'dev', 'port2']);
    assert.match(stdout, /198\.18\.1\.1\/25/);
  });

  await t.test('a unit edited by hand while down gets a full sync on rejoin and keeps a backup', async () => {
    const file = boardConfigFile(sr.name, 'A');
    const edited = `${readFileSync(file, 'utf8')}config firewall address\n    edit "hand-made"\n        set subnet 198.18.9.0 255.255.255.0\n    next\nend\n`;
    writeFileSync(file, edited);
    const mark = sr.mark('A');
    await sr.cli(['fault', 'restart', 'A']);
    await sr.until((x) => onePrimary(x, ['A', 'B']), 'A rejoins', 30_000);
    await consoleUntil(sr, 'A', 'get system ha status', /Configuration Status:(\n.*in-sync){2}/, 10_000);
    assert.doesNotMatch(await sr.rig.exec('A', 'show firewall address'), /hand-made/);
    assert.match(
      sr.log('A', mark),
      /configuration diverged from primary TDSIM00000000002 \(joined with a different configuration/,
    );
    const backups = readdirSync(dirname(file)).filter((n) => n.startsWith(`${basename(file)}.diverged-`));
    assert.equal(backups.length, 1, `one backup in ${dirname(file)}`);
    assert.match(readFileSync(`${dirname(file)}/${backups[0]}`, 'utf8'), /hand-made/);
  });
});
