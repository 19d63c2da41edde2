import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setLogSink } from '../log/logger.js';
import { FakeConfig, FakeDiag, FakeHa, FakePortStats } from './controls.fake.js';
import { CommandProcessor } from './processor.js';
import { helloSnapshot, monitoredPorts, pairSnapshot } from './views.fixture.js';
const logged = [];
setLogSink((r) => logged.push(r));
function setup(config = new FakeConfig(), ha = new FakeHa()) {
    const processor = new CommandProcessor({ config, ha, diag: new FakeDiag(), firmwareVersion: '1.2.3' });
    return { processor, session: processor.openSession() };
}
const PARSE_61 = (word) => `command parse error before '${word}'\nCommand fail. Return code -61\n`;
test('blank line: no output, just the prompt', async () => {
    const { session } = setup();
    assert.equal(session.prompt(), 'TDM-A # ');
    assert.deepEqual(await session.execute(''), { output: '', prompt: 'TDM-A # ' });
    assert.deepEqual(await session.execute('   \t '), { output: '', prompt: 'TDM-A # ' });
});
test('get system ha status, with extra spaces and abbreviations', async () => {
    const { session } = setup();
    const full = await session.execute('get system ha status');
    assert.ok(full.output.startsWith('HA Health Status: OK\nModel: TANDEM-SIM\n'));
    assert.ok(full.output.includes('Primary     : TDM-A           , TDSIM00000000001, HA cluster index = 1\n'));
    assert.equal(full.prompt, 'TDM-A # ');
    assert.equal((await session.execute('  get   system  ha   status  ')).output, full.output);
    assert.equal((await session.execute('ge sys ha stat')).output, full.output);
});
test('the status commands read the snapshot at the time they run', async () => {
    const ha = new FakeHa();
    const { session } = setup(new FakeConfig(), ha);
    assert.ok(!(await session.execute('get system ha status')).output.includes('hello'));
    ha.current = helloSnapshot();
    assert.ok((await session.execute('get system ha status')).output.includes('state: hello (negotiating)\n'));
});
test('diagnose commands and get system status', async () => {
    const { session } = setup();
    assert.ok((await session.execute('diagnose sys ha status')).output.startsWith('HA information\n'));
    const hb = (await session.execute('diagnose sys ha heartbeat')).output;
    assert.ok(hb.startsWith('heartbeat interval 200 ms, peer lost after 6 missed (1200 ms)\nHBDEV stats:\n'));
    assert.ok(hb.includes('    replayed sequence : 0\n'));
    assert.equal((await session.execute('get system status')).output, 'Version: TANDEM-SIM v1.2.3\nSerial-Number: TDSIM00000000001\nHostname: TDM-A\n' +
        'Current HA mode: a-p, primary\nHA uptime: 0 days 0:01:23\n');
});
test('execute ha failover set/unset act on this unit; a foreign index is refused', async () => {
    const ha = new FakeHa();
    const { session } = setup(new FakeConfig(), ha);
    assert.match((await session.execute('execute ha failover set')).output, /^Failover set on TDSIM00000000001 \(cluster index 1\)/);
    assert.match((await session.execute('execute ha failover unset 1')).output, /^Failover unset on TDSIM00000000001/);
    assert.deepEqual(ha.failoverCalls, [true, false]);
    const refused = (await session.execute('execute ha failover set 0')).output;
    assert.match(refused, /^Cluster index 0 is not this unit \(TDSIM00000000001 is cluster index 1\)/);
    assert.ok(refused.endsWith('Command fail. Return code -1\n'));
    assert.equal((await session.execute('execute ha failover set one')).output, PARSE_61('one'));
    assert.equal((await session.execute('execute ha failover set 1 2')).output, PARSE_61('2'));
    assert.deepEqual(ha.failoverCalls, [true, false]);
    assert.equal((await session.execute('execute ha failover status')).output, 'failover status: unset\n');
    ha.current = pairSnapshot();
    ha.current.members[0].failover = true;
    assert.equal((await session.execute('execute ha failover status')).output, 'failover status: set\n');
});
test('diagnose sys ha reset-uptime calls the runtime', async () => {
    const ha = new FakeHa();
    const { session } = setup(new FakeConfig(), ha);
    assert.match((await session.execute('diagnose sys ha reset-uptime')).output, /reset to 0/);
    assert.equal(ha.resets, 1);
});
test('show and show full-configuration pass their words to the configuration', async () => {
    const config = new FakeConfig();
    const { session } = setup(config);
    assert.equal((await session.execute('show')).output, 'config system ha\n    set priority 200\nend\n');
    assert.ok((await session.execute('show full-configuration system ha')).output.includes('set hb-interval 2'));
    await session.execute('sh system global');
    await session.execute('show "system ha"');
    assert.deepEqual(config.showCalls, [
        { words: [], full: false },
        { words: ['system', 'ha'], full: true },
        { words: ['system', 'global'], full: false },
        { words: ['system ha'], full: false },
    ]);
});
test('config mode: context prompt, every line to the editor, end commits and leaves', async () => {
    const config = new FakeConfig();
    const { session } = setup(config);
    assert.deepEqual(await session.execute('config system ha'), { output: '', prompt: 'TDM-A (ha) # ' });
    assert.equal(session.prompt(), 'TDM-A (ha) # ');
    const stray = await session.execute('get system ha status');
    assert.equal(stray.output, PARSE_61('get'), 'in config mode lines belong to the editor');
    assert.equal(stray.prompt, 'TDM-A (ha) # ');
    assert.deepEqual(await session.execute(''), { output: '', prompt: 'TDM-A (ha) # ' });
    assert.deepEqual(await session.execute('set priority 90'), { output: '', prompt: 'TDM-A (ha) # ' });
    assert.deepEqual(await session.execute('end'), { output: '', prompt: 'TDM-A # ' });
    assert.equal(config.priority, 90);
    assert.ok((await session.execute('get system ha status')).output.startsWith('HA Health Status'));
});
test('config mode: a committed hostname changes the prompt; abort keeps the old one', async () => {
    const config = new FakeConfig();
    const { session } = setup(config);
    assert.equal((await session.execute('config system global')).prompt, 'TDM-A (global) # ');
    await session.execute('set hostname TDM-Z');
    assert.equal((await session.execute('abort')).prompt, 'TDM-A # ');
    await session.execute('config system global');
    await session.execute('set hostname TDM-Z');
    assert.equal((await session.execute('end')).prompt, 'TDM-Z # ');
});
test('config: an unknown section is an error and stays in normal mode; no words is incomplete', async () => {
    const { session } = setup();
    const r = await session.execute('config system nope');
    assert.equal(r.output, "command parse error before 'nope'\n");
    assert.equal(r.prompt, 'TDM-A # ');
    assert.equal((await session.execute('config')).output, 'Command fail. Return code -160\n');
});
test('two sessions keep separate config contexts', async () => {
    const { processor } = setup();
    const a = processor.openSession();
    const b = processor.openSession();
    await a.execute('config system ha');
    assert.equal(a.prompt(), 'TDM-A (ha) # ');
    assert.equal(b.prompt(), 'TDM-A # ');
    assert.ok((await b.execute('get system ha status')).output.startsWith('HA Health Status'));
});
test('FortiOS errors: unknown first word, bad later word, incomplete, extra words, ambiguous', async () => {
    const { session } = setup();
    assert.equal((await session.execute('frobnicate')).output, 'Unknown action 0\n');
    assert.equal((await session.execute('GET system ha status')).output, 'Unknown action 0\n', 'case-sensitive');
    assert.equal((await session.execute('get systen ha status')).output, PARSE_61('systen'));
    assert.equal((await session.execute('diagnose sys ha bogus')).output, PARSE_61('bogus'));
    assert.equal((await session.execute('get system')).output, 'Command fail. Return code -160\n');
    assert.equal((await session.execute('get system ha status now')).output, PARSE_61('now'));
    assert.equal((await session.execute('execute ha failover s')).output, "command parse error before 's': ambiguous, could be set, status\nCommand fail. Return code -61\n");
    assert.equal((await session.execute('e ha failover status')).output, "command parse error before 'e': ambiguous, could be execute, exit\nCommand fail. Return code -61\n");
    assert.equal((await session.execute('show "system')).output, 'command parse error: unmatched quote "\nCommand fail. Return code -61\n');
    assert.equal((await session.execute('get \x01\x1b[31m')).output, PARSE_61('^A^[[31m'));
});
test('help and ? list the commands; a trailing ? lists what may follow', async () => {
    const { session } = setup();
    const help = (await session.execute('help')).output;
    for (const cmd of [
        'get system ha status',
        'get system status',
        'diagnose sys ha status',
        'diagnose sys ha heartbeat',
        'diagnose sys ha port-stats',
        'diagnose sys ha reset-uptime',
        'execute ha failover set [cluster index]',
        'execute ha failover unset [cluster index]',
        'show [section words]',
        'show full-configuration [section words]',
        'config <section words>',
    ]) {
        assert.match(help, new RegExp(`^${cmd.replace(/[[\]]/g, '\\$&')} `, 'm'), cmd);
    }
    const top = (await session.execute('?')).output;
    assert.deepEqual(top
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]), ['get', 'show', 'diagnose', 'execute', 'config', 'help', 'exit']);
    assert.deepEqual((await session.execute('diagnose sys ha ?')).output
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]), ['status', 'heartbeat', 'port-stats', 'reset-uptime', 'clear-stats', 'checksum', 'control']);
    assert.match((await session.execute('show ?')).output, /^full-configuration .*\nsystem +Configure system: global, ha\.\n<Enter>\n$/);
});
test('a throwing configuration or runtime becomes output, never an exception', async () => {
    const broken = {
        hostname: () => {
            throw new Error('store not loaded');
        },
        haSettings: () => {
            throw new Error('store not loaded');
        },
        sections: () => [],
        login: () => {
            throw new Error('store not loaded');
        },
        show: () => {
            throw new Error('printer exploded');
        },
        beginEdit: () => {
            throw new Error('locked');
        },
        onChange: () => { },
        checksums: () => {
            throw new Error('store not loaded');
        },
        recalculate: () => {
            throw new Error('store not loaded');
        },
        bootSource: () => {
            throw new Error('store not loaded');
        },
    };
    const deadHa = {
        snapshot: () => {
            throw new Error('worker not started');
        },
        setFailover: () => { },
        resetUptime: () => { },
        clearStats: () => { },
    };
    const { session } = setup(broken, deadHa);
    for (const line of [
        'show',
        'config system ha',
        'get system ha status',
        'diagnose sys ha heartbeat',
        'diagnose sys ha port-stats',
        'diagnose sys ha checksum show',
        'diagnose sys ha checksum recalculate',
        'execute ha failover set',
    ]) {
        const r = await session.execute(line);
        assert.match(r.output, /Command fail\. Return code -1\n$/, line);
        assert.equal(r.prompt, 'Tandem # ');
    }
    assert.match((await session.execute('show')).output, /printer exploded/);
    assert.ok(logged.some((r) => r.level === 'error' && r.message.includes("command 'show' failed: printer exploded")));
    assert.ok(logged.some((r) => r.level === 'warn' && r.message.includes('hostname unavailable')));
    const withSnapshot = setup(broken, new FakeHa()).session;
    assert.match((await withSnapshot.execute('diagnose sys ha heartbeat')).output, /^HBDEV stats:\n/, 'settings are optional');
});
test('an editor that leaves without a newline still yields terminated output', async () => {
    const config = new FakeConfig();
    config.beginEdit = () => ({ handle: () => ({ output: 'saved', context: '', active: false }), choices: () => [] });
    config.show = () => 'config system ha\nend';
    const { session } = setup(config);
    await session.execute('config system ha');
    assert.deepEqual(await session.execute('end'), { output: 'saved\n', prompt: 'TDM-A # ' });
    assert.equal((await session.execute('show')).output, 'config system ha\nend\n');
});
test('random junk and control characters never throw; output lines end with a newline', async () => {
    let seed = 42;
    const rand = (n) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
    };
    const words = [
        'get',
        'system',
        'ha',
        'status',
        'diagnose',
        'sys',
        'heartbeat',
        'execute',
        'failover',
        'set',
        'unset',
        'show',
        'full-configuration',
        'config',
        'end',
        'abort',
        'help',
        '?',
        '"',
        "'",
        '\\',
        '0',
        '1',
        '99999999999',
    ];
    const sessions = [setup().session, setup().session];
    for (let i = 0; i < 5000; i++) {
        let line = '';
        const parts = 1 + rand(8);
        for (let p = 0; p < parts; p++) {
            if (rand(3) === 0) {
                const len = 1 + rand(12);
                for (let c = 0; c < len; c++)
                    line += String.fromCharCode(rand(4) === 0 ? rand(0x20) : rand(0x2000));
            }
            else
                line += words[rand(words.length)];
            line += rand(4) === 0 ? '' : ' '.repeat(1 + rand(3));
        }
        const session = sessions[rand(2)];
        const r = await session.execute(line);
        assert.equal(typeof r.output, 'string');
        assert.ok(r.output === '' || r.output.endsWith('\n'), `output of ${JSON.stringify(line)}`);
        assert.match(r.prompt, /^TDM-A (\([^)]*\) )?# $/);
    }
});
test('diagnose test main-load takes seconds 0-3600 and names a bad value', async () => {
    const diag = new FakeDiag();
    const session = new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag,
        firmwareVersion: '1.0.0',
    }).openSession();
    assert.match((await session.execute('diagnose test main-load 5')).output, /running for 5 s/);
    assert.match((await session.execute('diagnose test main-load 9999')).output, /value parse error before '9999'.*0-3600/);
    assert.match((await session.execute('diagnose test main-load soon')).output, /value parse error before 'soon'/);
    assert.deepEqual(diag.loads, [5]);
});
test('diagnose test main-block takes seconds 1-600 and names a bad value', async () => {
    const diag = new FakeDiag();
    const session = new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag,
        firmwareVersion: '1.0.0',
    }).openSession();
    assert.match((await session.execute('diagnose test main-block 12')).output, /blocked for 12 s/);
    for (const bad of ['0', '601', 'forever', '3 4']) {
        const out = (await session.execute(`diagnose test main-block ${bad}`)).output;
        assert.match(out, new RegExp(`value parse error before '${bad.split(' ')[0]}': main-block needs seconds, an integer 1-600`));
        assert.match(out, /Command fail\. Return code -651/);
    }
    assert.deepEqual(diag.blocks, [12]);
});
test('get system status says why the previous run ended when the boot knew it', async () => {
    const status = async (lastReboot) => {
        const session = new CommandProcessor({
            config: new FakeConfig(),
            ha: new FakeHa(),
            diag: new FakeDiag(),
            firmwareVersion: '1.0.0',
            lastReboot,
        }).openSession();
        return (await session.execute('get system status')).output;
    };
    assert.match(await status('watchdog reset: the heartbeat worker did not run'), /^Last reboot reason: watchdog reset: the heartbeat worker did not run$/m);
    assert.doesNotMatch(await status(), /Last reboot/);
});
test('get system status raises the alarm of a boot from the last good config', async () => {
    const config = new FakeConfig();
    const { session } = setup(config);
    assert.doesNotMatch((await session.execute('get system status')).output, /Configuration:/);
    const alarm = 'configuration /flash/tandem.conf unusable (line 9: …): booted from the last good copy saved 20261201-080000';
    config.boot = { kind: 'last-good', alarm };
    const out = (await session.execute('get system status')).output;
    assert.ok(out.endsWith(`\nConfiguration: ${alarm}\n`), out);
});
test('diagnose sys ha port-stats reads the snapshot and the remote link monitor when it runs', async () => {
    const ha = new FakeHa({ ...pairSnapshot(), monitor: monitoredPorts() });
    const portStats = new FakePortStats();
    const session = new CommandProcessor({
        config: new FakeConfig(),
        ha,
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
        portStats,
    }).openSession();
    const out = (await session.execute('diag sys ha port-stats')).output;
    assert.ok(out.startsWith('MONDEV stats:\n'), out);
    assert.match(out, /^ {4}port2 +tdm-a-p2 +down +2 +3\.4 s ago$/m);
    assert.match(out, /^PINGSVR stats: remote link ok$/m);
    assert.match(out, /^ {4}wan-check +port2 +198\.18\.2\.1 +5 +yes +198\.18\.2\.254 +alive /m);
    portStats.current = { ...portStats.current, failed: true, holdRemainingMs: 60_000 };
    assert.match((await session.execute('diagnose sys ha port-stats')).output, /^PINGSVR stats: remote link failed, held 0 days 0:01:00 more$/m);
    const without = (await setup(new FakeConfig(), ha).session.execute('diagnose sys ha port-stats')).output;
    assert.match(without, /^PINGSVR stats:\n {4}\(remote link monitoring is not running\)\n$/m);
});
//# sourceMappingURL=processor.test.js.map