/** `diagnose sys ha checksum …` through the command processor, on the fake config and HA runtime. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../../hal/storage/storage.fake.js';
import { ports } from '../../config/schema.fixture.js';
import { ConfigStore } from '../../config/store.js';
import { FakeConfig, FakeDiag, FakeHa, fakeSums } from '../controls.fake.js';
import { CommandProcessor } from '../processor.js';
import { pairSnapshot } from '../views.fixture.js';
function session(config = new FakeConfig(), ha = new FakeHa()) {
    return new CommandProcessor({ config, ha, diag: new FakeDiag(), firmwareVersion: '1.2.3' }).openSession();
}
const SPACED_01 = Array(16).fill('01').join(' ');
const SPACED_02 = Array(16).fill('02').join(' ');
const SPACED_FF = Array(16).fill('ff').join(' ');
test('checksum show: FortiOS block for debugzone and checksum, then one line per section', async () => {
    const out = (await session().execute('diagnose sys ha checksum show')).output;
    assert.equal(out, [
        'is_manage_primary()=1, is_root_primary()=1',
        'debugzone',
        `global: ${SPACED_01}`,
        `root: ${SPACED_02}`,
        `all: ${SPACED_FF}`,
        '',
        'checksum',
        `global: ${SPACED_01}`,
        `root: ${SPACED_02}`,
        `all: ${SPACED_FF}`,
        '',
        `system.global: ${'a1'.repeat(16)}`,
        `system.ha: ${'01'.repeat(16)}`,
        `firewall.policy: ${'02'.repeat(16)}`,
        '',
    ].join('\n'));
});
test('checksum show on a secondary says so; debugzone and checksum can differ', async () => {
    const snap = pairSnapshot();
    for (const m of snap.members)
        m.state = m.self ? 'standby' : 'work';
    snap.state = 'standby';
    const config = new FakeConfig();
    config.current = fakeSums('03', '02');
    const out = (await session(config, new FakeHa(snap)).execute('diag sys ha checksum sh')).output;
    assert.ok(out.startsWith('is_manage_primary()=0, is_root_primary()=0\ndebugzone\n'), out);
    assert.ok(out.includes(`debugzone\nglobal: ${SPACED_01}\n`));
    assert.ok(out.includes(`checksum\nglobal: ${Array(16).fill('03').join(' ')}\n`));
});
test('checksum show global|root lists one group', async () => {
    const s = session();
    assert.equal((await s.execute('diagnose sys ha checksum show global')).output, `system.global: ${'a1'.repeat(16)}\nsystem.ha: ${'01'.repeat(16)}\n`);
    assert.equal((await s.execute('diagnose sys ha checksum show root')).output, `firewall.policy: ${'02'.repeat(16)}\n`);
    assert.match((await s.execute('diagnose sys ha checksum show vdom')).output, /Command fail/);
    assert.deepEqual((await s.execute('diagnose sys ha checksum ?')).output
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0]), ['show', 'cluster', 'recalculate']);
});
test('checksum recalculate caches the sums of now and says whether they had drifted', async () => {
    const config = new FakeConfig();
    const s = session(config);
    const same = (await s.execute('diagnose sys ha checksum recalculate')).output;
    assert.ok(same.startsWith('checksums recalculated\ndebugzone matched the configuration\ndebugzone\n'), same);
    config.current = fakeSums('03', '04');
    config.current.all = 'ee'.repeat(16);
    const drift = (await s.execute('diagnose sys ha checksum recalculate')).output;
    assert.ok(drift.includes(`debugzone differed from the configuration (all was ${SPACED_FF})\n`), drift);
    assert.ok(drift.endsWith(`all: ${Array(16).fill('ee').join(' ')}\n`), drift);
    assert.equal(config.recalculations, 2);
    assert.deepEqual(config.checksums().debugzone, config.current);
});
test('on the real store: show lists every shared section, and a commit moves one section line', async () => {
    const storage = new MemoryStorage();
    const store = new ConfigStore({ clock: new FakeClock(), storage, path: '/flash/c', ports, serial: 'TDM0000000001' });
    store.load();
    const s = session(store);
    const before = (await s.execute('diagnose sys ha checksum show')).output;
    assert.match(before, /\nsystem\.global: [0-9a-f]{32}\nsystem\.ha: [0-9a-f]{32}\n/);
    await s.execute('config system ha');
    await s.execute('set hb-interval 3');
    await s.execute('end');
    const after = (await s.execute('diagnose sys ha checksum show')).output;
    const changed = (text) => text.split('\n').filter((l) => /^[a-z.-]+: [0-9a-f]{32}$/.test(l));
    const diff = changed(after).filter((l) => !changed(before).includes(l));
    assert.deepEqual(diff.map((l) => l.split(':')[0]), ['system.ha']);
});
//# sourceMappingURL=ha-checksum.test.js.map