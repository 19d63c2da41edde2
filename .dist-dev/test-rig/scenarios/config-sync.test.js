/**
 * Config sync on a pair carrying traffic (issue 9 item 1): a change committed on either unit's
 * console reaches both and the data plane obeys it, also after a failover; per-unit settings
 * stay apart; checksums agree; a unit whose flash config was edited while it was down gets a
 * full sync when it rejoins, and keeps its own version as a backup; after a split brain with
 * changes on both sides, both hold the new primary's and the other side's is a backup; and
 * `execute ha manage` reaches the other unit's console and comes back.
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
import { onePrimary, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
// Beacons off: the split-brain step cuts the heartbeat links alone, which data-port beacons
// would keep from splitting the pair (beacons.test.ts).
const common = { groupId: GROUP_ID, haLines: ['set data-beacon disable'], extra: gatewayConfig() };
/** Polls a console command on a board until its output matches. */
async function consoleUntil(sr, board, line, re, timeoutMs = 5000) {
    const until = Date.now() + timeoutMs;
    let out = '';
    while (Date.now() < until) {
        out = await sr.rig.exec(board, line);
        if (re.test(out))
            return out;
        await new Promise((r) => setTimeout(r, 200));
    }
    assert.fail(`${board}: \`${line}\` did not show ${re} within ${timeoutMs} ms; last output:\n${out}`);
}
function commit(sr, board, lines) {
    return sr.rig.exec(board, lines).then((out) => {
        assert.doesNotMatch(out, /Command fail|error/i, `${board}: ${out}`);
        return out;
    });
}
const setAction = (action) => `config firewall policy\nedit 1\nset action ${action}\nnext\nend`;
test('config sync on a pair carrying traffic', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, common), rigConfig(1, common)]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await primaryOnForming(sr, 'A');
    await exchangeUntil(sr, (x) => x.reached, 'traffic through A');
    await t.test('a change on the primary reaches the secondary, and traffic obeys it', async () => {
        await commit(sr, 'A', setAction('deny'));
        // Within 1 s (the benchmark measures it: tens of ms). FortiOS's policy action defaults to
        // deny: only the full configuration shows it.
        await consoleUntil(sr, 'B', 'show full-configuration firewall policy', /set action deny/, 1000);
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
        assert.notEqual((await sr.rig.exec('A', 'get system status')).match(/Hostname: (\S+)/)?.[1], (await sr.rig.exec('B', 'get system status')).match(/Hostname: (\S+)/)?.[1]);
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
        assert.match(sr.log('A', mark), /configuration diverged from primary TDSIM00000000002 \(joined with a different configuration/);
        const backups = readdirSync(dirname(file)).filter((n) => n.startsWith(`${basename(file)}.diverged-`));
        assert.equal(backups.length, 1, `one backup in ${dirname(file)}`);
        assert.match(readFileSync(`${dirname(file)}/${backups[0]}`, 'utf8'), /hand-made/);
    });
    await t.test("a split brain with changes on both sides heals to the new primary's config, the other kept", async () => {
        await sr.rig.fault('cut', 'ha1');
        await sr.rig.fault('cut', 'ha2');
        await sr.until((x) => stateOf(x, 'A') === 'work' && stateOf(x, 'B') === 'work', 'both primary');
        await commit(sr, 'A', 'config firewall address\nedit "side-a"\nset subnet 198.18.9.1 255.255.255.255\nnext\nend');
        await commit(sr, 'B', 'config firewall address\nedit "side-b"\nset subnet 198.18.9.2 255.255.255.255\nnext\nend');
        const marks = { A: sr.mark('A'), B: sr.mark('B') };
        await sr.rig.fault('restore', 'ha1');
        await sr.rig.fault('restore', 'ha2');
        const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'one primary again', 30_000);
        const primary = stateOf(s, 'A') === 'work' ? 'A' : 'B';
        const other = primary === 'A' ? 'B' : 'A';
        const kept = primary === 'A' ? /side-a/ : /side-b/;
        const lost = primary === 'A' ? /side-b/ : /side-a/;
        await consoleUntil(sr, other, 'show firewall address', kept, 10_000);
        assert.doesNotMatch(await sr.rig.exec(other, 'show firewall address'), lost);
        assert.doesNotMatch(await sr.rig.exec(primary, 'show firewall address'), lost);
        const serial = primary === 'A' ? 'TDSIM00000000001' : 'TDSIM00000000002';
        assert.match(sr.log(other, marks[other]), new RegExp(`configuration diverged from primary ${serial} \\(joined`));
        const file = boardConfigFile(sr.name, other);
        const newest = readdirSync(dirname(file))
            .filter((n) => n.startsWith(`${basename(file)}.diverged-`))
            .sort()
            .at(-1);
        assert.match(readFileSync(`${dirname(file)}/${newest}`, 'utf8'), lost, "the overwritten side's config is kept");
    });
    await t.test("execute ha manage reaches the other unit's console and comes back", async () => {
        // The administrators are shared: a password set on A is B's too once synced.
        await commit(sr, 'A', 'config system admin\nedit "admin"\nset password "Manage-pw-1"\nnext\nend');
        await consoleUntil(sr, 'A', 'diagnose sys ha checksum cluster', /all units in sync/);
        const wrong = await sr.rig.exec('A', 'execute ha manage 0 admin\nnot-the-password\nget system status');
        assert.match(wrong, /Login incorrect/);
        assert.match(wrong, /Serial-Number: TDSIM00000000001/, 'a failed login leaves the console at home');
        const lines = ['execute ha manage 0 admin', 'Manage-pw-1', 'get system status', 'exit', 'get system status'];
        const out = await sr.rig.exec('A', lines.join('\n'));
        const serials = [...out.matchAll(/Serial-Number: (\S+)/g)].map((m) => m[1]);
        assert.deepEqual(serials, ['TDSIM00000000002', 'TDSIM00000000001'], `B's status over there, then A's at home:\n${out}`);
    });
});
//# sourceMappingURL=config-sync.test.js.map