import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { syncEditor } from './editor.testkit.js';
import { ConfigError } from './errors.js';
import { encodePassword } from './password.js';
import { ports } from './schema.fixture.js';
import { ConfigStore } from './store.js';
const PATH = '/flash/tandem.conf';
const SERIAL = 'TDM0000000042';
function storeWith(text) {
    const storage = new MemoryStorage();
    if (text !== undefined)
        storage.files.set(PATH, text);
    return { storage, store: new ConfigStore({ clock: new FakeClock(), storage, path: PATH, ports, serial: SERIAL }) };
}
/** The data-plane sections, printed (empty) after the HA ones. */
const dataPlaneSections = [
    'system interface',
    'system link-monitor',
    'firewall address',
    'firewall service custom',
    'firewall ippool',
    'firewall policy',
    'router static',
]
    .map((s) => `config ${s}\nend\n`)
    .join('')
    .concat('config system admin\n    edit "admin"\n    next\nend\n')
    .concat('config log syslogd setting\nend\n');
const allSections = 'system global, system ha, system interface, system link-monitor, firewall address, firewall service custom, ' +
    'firewall ippool, firewall policy, router static, system admin, log syslogd setting';
const good = [
    '#config-version=tandem-1',
    'config system global',
    '    set hostname "fw-a"',
    'end',
    'config system ha',
    '    set mode a-p',
    '    set group-name "My Cluster"',
    `    set password ENC ${encodePassword('pw')}`,
    '    set hbdev "ha1" 50 "ha2" 50',
    '    set monitor "port1"',
    'end',
    '',
].join('\n') + dataPlaneSections;
test('a missing file means all defaults; the default hostname is the serial', () => {
    const { store, storage } = storeWith();
    store.load();
    assert.equal(store.hostname(), SERIAL);
    assert.equal(store.haSettings().mode, 'standalone');
    assert.equal(store.text(), `#config-version=tandem-1\nconfig system global\nend\nconfig system ha\nend\n${dataPlaneSections}`);
    assert.equal(storage.writes, 0, 'loading never writes');
});
test('a good file loads; text() gives it back', () => {
    const { store } = storeWith(good);
    store.load();
    assert.equal(store.hostname(), 'fw-a');
    const ha = store.haSettings();
    assert.equal(ha.mode, 'a-p');
    assert.equal(ha.groupName, 'My Cluster');
    assert.equal(ha.password, 'pw');
    assert.deepEqual(ha.hbdev, [
        { port: 'ha1', priority: 50 },
        { port: 'ha2', priority: 50 },
    ]);
    assert.equal(store.text(), good);
});
test('a bad file throws a ConfigError naming the line and keeps the previous config', () => {
    const bad = good.replace('    set monitor "port1"', '    set monitor "port1"\n    set priority 300');
    const { store } = storeWith(bad);
    assert.throws(() => store.load(), (err) => err instanceof ConfigError &&
        err.line === 11 &&
        err.message === 'line 11: config system ha: set priority 300: out of range, allowed 0-255');
    assert.equal(store.hostname(), SERIAL);
    const broken = storeWith('config system ha\n    set mode a-p\n');
    assert.throws(() => broken.store.load(), /^ConfigError: line 2: config system ha: missing end for config system ha opened at line 1$/);
    const otherBoard = storeWith('config system ha\n    set hbdev "port7" 10\n    set mode a-p\nend\n');
    assert.throws(() => otherBoard.store.load(), /line 2: config system ha: set hbdev "port7" 10: unknown port port7/);
});
test('show: whole config, one section, a prefix, full, and an unknown section', () => {
    const { store } = storeWith(good);
    store.load();
    const ha = store.show(['system', 'ha'], false);
    assert.ok(ha.startsWith('config system ha\n    set mode a-p\n    set group-name "My Cluster"\n'), ha);
    assert.ok(!ha.includes('hb-interval'));
    assert.ok(store.show(['system', 'ha'], true).includes('    set hb-interval 2\n'));
    assert.equal(store.show([], false), store.text().slice('#config-version=tandem-1\n'.length));
    assert.equal(store.show(['system'], false), ['global', 'ha', 'interface', 'link-monitor', 'admin'].map((w) => store.show(['system', w], false)).join(''));
    assert.equal(store.show(['system', 'global'], true), 'config system global\n    set hostname "fw-a"\n    set admin-lockout-threshold 3\n    set admin-lockout-duration 60\nend\n');
    assert.equal(store.show(['system', 'hax'], false), `command parse error before 'hax': unknown section system hax, allowed: ${allSections}\nCommand fail. Return code -61\n`);
    assert.equal(store.beginEdit(['firewall', 'rule']), `command parse error before 'rule': unknown section firewall rule, allowed: ${allSections}\nCommand fail. Return code -61\n`);
    assert.match(String(store.beginEdit(['system'])), /^command parse error before 'system': unknown section system,/);
});
test('a commit writes what text() shows; a new store reads it back the same', () => {
    const { store, storage } = storeWith(good);
    store.load();
    const s = syncEditor(store.beginEdit(['system', 'ha']));
    s.handle('set priority 250');
    assert.equal(s.handle('end').active, false);
    assert.equal(storage.files.get(PATH), store.text());
    assert.ok(store.text().includes('    set priority 250\n'));
    const again = new ConfigStore({ clock: new FakeClock(), storage, path: PATH, ports, serial: SERIAL });
    again.load();
    assert.deepEqual(again.haSettings(), store.haSettings());
    assert.equal(again.hostname(), 'fw-a');
});
test('haSettings hands out copies', () => {
    const { store } = storeWith(good);
    store.load();
    const a = store.haSettings();
    a.hbdev.push({ port: 'port2', priority: 1 });
    a.monitor.length = 0;
    a.sessionPickup.tcp = true;
    a.sessionSyncDev.push('port3');
    assert.equal(store.haSettings().hbdev.length, 2);
    assert.deepEqual(store.haSettings().monitor, ['port1']);
    assert.equal(store.haSettings().sessionPickup.tcp, false);
    assert.deepEqual(store.haSettings().sessionSyncDev, []);
});
const interfaces = ['config system interface', '    edit "port1"', '    next', '    edit "port2"', '    next', 'end', ''].join('\n');
test('a file with a broken cross-reference is refused at the line of the offending set', () => {
    const text = interfaces +
        [
            'config firewall policy',
            '    edit 1',
            '        set srcintf "port1"',
            '        set dstintf "port2"',
            '        set srcaddr "nosuch"',
            '        set dstaddr "all"',
            '        set service "ALL"',
            '    next',
            'end',
            '',
        ].join('\n');
    const { store } = storeWith(text);
    assert.throws(() => store.load(), (err) => err instanceof ConfigError &&
        err.line === 11 &&
        err.message ===
            'line 11: config firewall policy: edit 1: set srcaddr "nosuch": policy 1: srcaddr nosuch is not a firewall address, allowed: all');
    assert.equal(store.show(['firewall', 'policy'], false), 'config firewall policy\nend\n', 'nothing adopted');
    const { store: ok } = storeWith(text.replace('"nosuch"', '"all"'));
    ok.load();
    assert.ok(ok.show(['firewall', 'policy'], false).includes('        set srcaddr "all"\n'));
});
test('a console commit that breaks a cross-reference is refused and the session stays open', () => {
    const { store, storage } = storeWith(interfaces);
    store.load();
    const s = syncEditor(store.beginEdit(['firewall', 'policy']));
    const lines = ['edit 1', 'set srcintf port1', 'set dstintf port2', 'set srcaddr nosuch', 'set dstaddr all', 'set service ALL'];
    for (const line of lines)
        assert.equal(s.handle(line).output, '', line);
    const refused = s.handle('end');
    assert.deepEqual(refused, {
        output: 'node_check_object fail! for srcaddr: config firewall policy: edit 1: set srcaddr "nosuch": ' +
            'policy 1: srcaddr nosuch is not a firewall address, allowed: all\nCommand fail. Return code -56\n',
        context: '1',
        active: true,
    });
    assert.equal(storage.writes, 0);
    assert.equal(store.show(['firewall', 'policy'], false), 'config firewall policy\nend\n');
    assert.equal(s.handle('set srcaddr all').output, '');
    assert.equal(s.handle('end').active, false);
    assert.equal(storage.writes, 1);
    assert.ok(store.text().includes('        set srcaddr "all"\n'));
});
//# sourceMappingURL=store.test.js.map