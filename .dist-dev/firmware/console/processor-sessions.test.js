/** The session commands through the console processor and the real command tree, over a fake kernel table. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { PROTO } from '../../hal/conntrack/index.js';
import { manySessions, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { E, HalError } from '../../hal/errors.js';
import { SYNCED_MARK } from '../sessions/applier.js';
import { FakeConfig, FakeDiag, FakeHa } from './controls.fake.js';
import { KernelSessions } from './kernel-sessions.js';
import { CommandProcessor } from './processor.js';
import { primarySyncStatus, secondarySyncStatus } from './sync-status.fixture.js';
const PARSE_61 = (word) => `command parse error before '${word}'\nCommand fail. Return code -61\n`;
function setup(sessions = manySessions(12)) {
    const ct = new FakeConntrack();
    for (const s of sessions)
        ct.kernelCreate(s);
    let sync = null;
    const control = new KernelSessions(() => ct.open(), { status: () => sync });
    const processor = new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
        sessions: control,
    });
    return {
        ct,
        processor,
        setSync: (s) => {
            sync = s;
        },
        run: async (line, session = processor.openSession()) => (await session.execute(line)).output,
    };
}
test('diagnose sys session stat counts the kernel table and shows the sync counters', async () => {
    const { run, setSync } = setup();
    const out = await run('diagnose sys session stat');
    assert.ok(out.startsWith('misc info: session_count=12 exp_count=0\nTCP sessions:\n    4 in ESTABLISHED state\n'), out);
    assert.match(out, /^sessions by protocol \(Tandem\): tcp=4 udp=4 icmp=2 icmpv6=2 \(12 listed by the dump\)$/m);
    assert.match(out, /^session sync \(Tandem\): off$/m);
    setSync(primarySyncStatus());
    assert.match(await run('diag sys sess stat'), /^ {4}primary: events=5000 synced=4800 /m);
});
test('the filter belongs to its console session: shown, set, negated, cleared', async () => {
    const { processor, run } = setup();
    const a = processor.openSession();
    const b = processor.openSession();
    assert.equal(await run('diagnose sys session filter dport 443', a), '');
    assert.equal(await run('diag sys sess filt sp 1024 1030', a), '');
    assert.equal(await run('diagnose sys session filter negate sport', a), '');
    const shown = await run('diagnose sys session filter', a);
    assert.match(shown, /^session filter:\n/);
    assert.match(shown, /^source port: 1024-1030 \(negated\)$/m);
    assert.match(shown, /^dest port: 443-443$/m);
    assert.match(await run('diagnose sys session filter', b), /^dest port: any$/m, 'another session has its own');
    assert.equal(await run('diagnose sys session filter clear', a), '');
    assert.match(await run('diagnose sys session filter', a), /^source port: any\ndest port: any\n$/m);
});
test('diagnose sys session list shows what the filter passes, synced entries marked', async () => {
    const web = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443), { mark: SYNCED_MARK });
    const dns = session(tuple('198.18.1.11', '198.18.2.53', PROTO.UDP, 53001, 53));
    const { run, processor } = setup([web, dns]);
    const s = processor.openSession();
    const all = await run('diagnose sys session list', s);
    assert.equal(all.match(/^session info: /gm)?.length, 2);
    assert.ok(all.endsWith('\ntotal session 2\n'), all);
    await run('diagnose sys session filter dst 198.18.2.10', s);
    const one = await run('diagnose sys session list', s);
    assert.match(one, /^session info: proto=6 proto_state=01 expire=600 mark=80000000\nstate=synced /);
    assert.match(one, /^hook=pre dir=org act=noop 198\.18\.1\.10:40000->198\.18\.2\.10:443\(0\.0\.0\.0:0\)$/m);
    assert.ok(one.endsWith('\ntotal session 1\n'));
    await run('diagnose sys session filter proto 1', s);
    assert.equal(await run('diagnose sys session list', s), 'total session 0\n');
});
test('list shows the first 1000 and says how many more matched', async () => {
    const { run } = setup(manySessions(1005));
    const out = await run('diagnose sys session list');
    assert.equal(out.match(/^session info: /gm)?.length, 1000);
    assert.ok(out.endsWith('total session 1005\n(Tandem) listed the first 1000; 5 more match: narrow them with diagnose sys session filter\n'));
});
test('bad filter input: FortiOS errors naming the word and what is allowed', async () => {
    const { run } = setup();
    assert.equal(await run('diagnose sys session filter bogus 1'), PARSE_61('bogus'));
    assert.equal(await run('diagnose sys session filter s 80'), "command parse error before 's': ambiguous, could be src, sport\nCommand fail. Return code -61\n");
    assert.equal(await run('diagnose sys session filter clear now'), PARSE_61('now'));
    assert.equal(await run('diagnose sys session filter dport http'), "value parse error before 'http': dport needs a port, an integer 0-65535\nCommand fail. Return code -651\n");
    assert.match(await run('diagnose sys session filter negate vd'), /^command parse error before 'vd': negate takes one of: /);
    assert.equal(await run('diagnose sys session list now'), PARSE_61('now'));
});
test('? lists the session commands and the filter fields in FortiOS order; help has them', async () => {
    const { run } = setup();
    const words = (out) => out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]);
    assert.deepEqual(words(await run('diagnose sys ?')), ['flash', 'ha', 'session']);
    assert.deepEqual(words(await run('diagnose sys session ?')), ['filter', 'list', 'stat']);
    assert.deepEqual(words(await run('diagnose sys session filter ?')), [
        'src',
        'dst',
        'proto',
        'sport',
        'dport',
        'clear',
        'negate',
        '<Enter>',
    ]);
    const help = await run('help');
    for (const cmd of ['diagnose sys session filter src <from> [<to>]', 'diagnose sys session list', 'diagnose sys session stat']) {
        assert.ok(help.includes(`${cmd} `), cmd);
    }
});
test('the HA status commands show session sync when it runs', async () => {
    const { run, setSync } = setup();
    assert.doesNotMatch(await run('diagnose sys ha status'), /session sync/);
    setSync(primarySyncStatus());
    assert.match(await run('diagnose sys ha status'), /^ {8}resync: running, 42\.1% \(12000 of 28500 sessions\)/m);
    setSync(secondarySyncStatus());
    assert.match(await run('get system ha status'), /^ses_pickup: disable, ses_pickup_delay=disable\nSession sync: syncing \(42%\)$/m);
});
test('a slow command holds the lines after it: replies come in order', async () => {
    const { ct, processor } = setup(manySessions(600));
    ct.dumpBatch = 16;
    const s = processor.openSession();
    const order = [];
    await Promise.all([
        s.execute('diagnose sys session list').then(() => order.push('list')),
        s.execute('get system status').then(() => order.push('status')),
        s.execute('diagnose sys session filter dport 443').then(() => order.push('filter')),
    ]);
    assert.deepEqual(order, ['list', 'status', 'filter']);
});
test('without the control, or without conntrack, the commands say what is unavailable', async () => {
    const session = new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
    }).openSession();
    const unavailable = 'session table and session sync are unavailable on this unit\nCommand fail. Return code -1\n';
    assert.equal((await session.execute('diagnose sys session stat')).output, unavailable);
    assert.equal((await session.execute('diagnose sys session list')).output, unavailable);
    assert.equal((await session.execute('diagnose sys session filter src 198.18.1.10')).output, '', 'the filter is the console’s');
    assert.doesNotMatch((await session.execute('diagnose sys ha status')).output, /session sync/);
    const refused = new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
        sessions: new KernelSessions(() => {
            throw new HalError('conntrack', 'open', E.EPERM);
        }, { status: () => null }),
    }).openSession();
    assert.equal((await refused.execute('diagnose sys session list')).output, 'session table unavailable: conntrack: open failed (errno 1)\nCommand fail. Return code -1\n');
    assert.match((await refused.execute('diagnose sys session stat')).output, /^session table unavailable: /);
});
//# sourceMappingURL=processor-sessions.test.js.map