import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { syncEditor } from './editor.testkit.js';
import { ports, tableSchema } from './schema.fixture.js';
import { ConfigStore } from './store.js';
const PATH = '/flash/tandem.conf';
function setup(schema = tableSchema) {
    const storage = new MemoryStorage();
    const store = new ConfigStore({ clock: new FakeClock(), storage, path: PATH, ports, serial: 'TDM0000000001', schema });
    let changes = 0;
    store.onChange(() => changes++);
    return { storage, store, changes: () => changes };
}
function open(store, ...words) {
    return syncEditor(store.beginEdit(words));
}
/** Runs lines that must all succeed silently; returns the last reply. */
function quiet(session, ...lines) {
    let last = { output: '', context: '', active: true };
    for (const line of lines) {
        last = session.handle(line);
        assert.equal(last.output, '', `${line} -> ${last.output}`);
    }
    return last;
}
test('set, get, show, then end commits, saves and notifies', () => {
    const { storage, store, changes } = setup();
    const s = open(store, 'system', 'ha');
    assert.deepEqual(s.handle('set priority 200'), { output: '', context: 'ha', active: true });
    quiet(s, 'set hbdev "ha1" 50 "ha2" 50', 'set group-name "My Cluster"', 'set mode a-p');
    const get = s.handle('get').output;
    assert.ok(get.includes('priority                      : 200\n'), get);
    assert.ok(get.includes('hbdev                         : "ha1" 50 "ha2" 50\n'), get);
    assert.ok(get.includes('group-name                    : My Cluster\n'), get);
    assert.ok(get.includes('password                      : \n'), get);
    assert.equal(get.split('\n').length - 1, 38, 'one line per option, one for the empty ha-mgmt-interfaces');
    assert.equal(s.handle('show').output, 'config system ha\n    set mode a-p\n    set group-name "My Cluster"\n    set priority 200\n    set hbdev "ha1" 50 "ha2" 50\nend\n');
    assert.ok(s.handle('show full-configuration').output.includes('    set hb-interval 2\n'));
    assert.equal(store.haSettings().priority, 128, 'nothing visible before commit');
    assert.equal(storage.writes, 0);
    assert.deepEqual(s.handle('end'), { output: '', context: '', active: false });
    assert.equal(store.haSettings().priority, 200);
    assert.equal(store.haSettings().mode, 'a-p');
    assert.equal(storage.writes, 1);
    assert.equal(storage.files.get(PATH), store.text());
    assert.equal(changes(), 1);
    assert.equal(s.handle('get').output, 'not in config mode\n');
});
test('value and option errors in FortiOS shape, session stays open and unchanged', () => {
    const { store } = setup();
    const s = open(store, 'system', 'ha');
    assert.deepEqual(s.handle('set priority 300'), {
        output: "value parse error before '300': priority must be an integer 0-255\nCommand fail. Return code -651\n",
        context: 'ha',
        active: true,
    });
    assert.equal(s.handle('set foo 1').output, "command parse error before 'foo': unknown option foo, allowed: mode, group-id, group-name, password, priority, override, sync-config, hbdev, " +
        'session-sync-dev, monitor, hb-interval, hb-interval-in-milliseconds, hb-lost-threshold, hello-holddown, ha-uptime-diff-margin, authentication, ' +
        'encryption, unicast-hb, unicast-hb-peerip, gratuitous-arps, arps, arps-interval, session-pickup, session-pickup-connectionless, ' +
        'session-pickup-expectation, session-pickup-nat, session-pickup-delay, hb-carrier-failover, data-beacon, data-beacon-dev, failover-hold-time, upgrade-mode, pingserver-monitor-interface, pingserver-failover-threshold, pingserver-flip-timeout, ha-mgmt-status, ha-direct\nCommand fail. Return code -61\n');
    assert.equal(s.handle('set mode active').output, "value parse error before 'active': mode must be one of standalone, a-p, a-a\nCommand fail. Return code -651\n");
    assert.match(s.handle('set monitor "port9"').output, /^value parse error before 'port9': monitor must be ports of this board, each once \(port1, port2, port3, ha1, ha2, mgmt\)\n/);
    assert.match(s.handle('set unicast-hb-peerip 1.2.3.256').output, /^value parse error before '1\.2\.3\.256': unicast-hb-peerip must be an IPv4 address/);
    assert.match(s.handle('set group-name "abc').output, /^command parse error before '"abc': unterminated quote "\n/);
    assert.match(s.handle('frobnicate').output, /^command parse error before 'frobnicate': unknown command frobnicate, allowed: set, unset/);
    assert.match(s.handle('edit "x"').output, /^command parse error before 'edit': edit outside a table/);
    assert.match(s.handle('next').output, /^command parse error before 'next': next without edit/);
    assert.match(s.handle('config nothing').output, /^command parse error before 'nothing': unknown section nothing, allowed: ha-mgmt-interfaces\n/);
    assert.equal(s.handle('show').output, 'config system ha\nend\n');
    assert.equal(s.handle('').output, '');
});
test('unset returns an option to its default', () => {
    const { store } = setup();
    const s = open(store, 'system', 'ha');
    quiet(s, 'set priority 200', 'set hb-interval 4', 'unset priority');
    assert.equal(s.handle('show').output, 'config system ha\n    set hb-interval 4\nend\n');
    assert.match(s.handle('unset bogus').output, /^command parse error before 'bogus': unknown option bogus/);
});
test('abort discards the changes and leaves', () => {
    const { storage, store, changes } = setup();
    const s = open(store, 'system', 'ha');
    quiet(s, 'set priority 5');
    assert.deepEqual(s.handle('abort'), { output: '', context: '', active: false });
    assert.equal(store.haSettings().priority, 128);
    assert.equal(storage.writes, 0);
    assert.equal(changes(), 0);
});
test('a commit that breaks a rule says why and stays in the session', () => {
    const { storage, store, changes } = setup();
    const s = open(store, 'system', 'ha');
    quiet(s, 'set mode a-p');
    const refused = s.handle('end');
    assert.equal(refused.output, 'node_check_object fail! for mode: config system ha: set mode a-p: mode a-p needs at least one hbdev or unicast-hb enable\n' +
        'Command fail. Return code -56\n');
    assert.equal(refused.active, true);
    assert.equal(refused.context, 'ha');
    assert.equal(storage.writes, 0);
    quiet(s, 'set hbdev "ha1" 50', 'set monitor "ha1"');
    assert.match(s.handle('end').output, /heartbeat ports are not monitored ports/);
    quiet(s, 'set monitor "port1"');
    assert.deepEqual(s.handle('end'), { output: '', context: '', active: false });
    assert.equal(storage.writes, 1);
    assert.equal(changes(), 1);
    assert.deepEqual(store.haSettings().monitor, ['port1']);
});
test('nested config: end goes up one level, end inside edit leaves the table', () => {
    const { store } = setup();
    const s = open(store, 'system', 'ha');
    assert.equal(quiet(s, 'config ha-mgmt-interfaces').context, 'ha-mgmt-interfaces');
    assert.equal(quiet(s, 'edit 1').context, '1');
    quiet(s, 'set interface "mgmt"', 'set gateway 198.18.9.1');
    assert.equal(quiet(s, 'next').context, 'ha-mgmt-interfaces');
    assert.equal(s.handle('get').output, '== [ 1 ]\n');
    assert.equal(quiet(s, 'edit 2').context, '2');
    assert.match(s.handle('edit 3').output, /^command parse error before 'edit': edit outside a table/);
    assert.equal(s.handle('show').output, 'edit 2\nnext\n');
    quiet(s, 'set interface "port3"');
    assert.deepEqual(s.handle('end'), { output: '', context: 'ha', active: true });
    assert.match(s.handle('edit 9').output, /^command parse error/);
    assert.equal(quiet(s, 'config ha-mgmt-interfaces').context, 'ha-mgmt-interfaces');
    assert.match(s.handle('edit 5').output, /^value parse error before '5': name must be an integer 1-4\n/);
    assert.deepEqual(s.handle('end'), { output: '', context: 'ha', active: true });
    assert.deepEqual(s.handle('end'), { output: '', context: '', active: false });
    assert.equal(store.show(['system', 'ha'], false), 'config system ha\n    config ha-mgmt-interfaces\n        edit 1\n            set interface "mgmt"\n            set gateway 198.18.9.1\n' +
        '        next\n        edit 2\n            set interface "port3"\n        next\n    end\nend\n');
});
test('a table section: edit, next, delete, get', () => {
    const { store } = setup();
    const s = open(store, 'system', 'interface');
    assert.equal(s.handle('get').context, 'interface');
    assert.match(s.handle('set ip 198.18.0.1').output, /^command parse error before 'set': set in a table: use edit <name> first/);
    assert.equal(quiet(s, 'edit "port1"').context, 'port1');
    quiet(s, 'set ip 198.18.0.1', 'set alias "wan"', 'next', 'edit port2', 'next', 'edit port3', 'next');
    assert.equal(s.handle('get').output, '== [ port1 ]\n== [ port2 ]\n== [ port3 ]\n');
    quiet(s, 'delete port2');
    assert.match(s.handle('delete port9').output, /^value parse error before 'port9': no entry port9, allowed: port1, port3\n/);
    quiet(s, 'edit port1');
    assert.ok(s.handle('get').output.includes('alias : wan\n'));
    assert.deepEqual(s.handle('end'), { output: '', context: '', active: false });
    assert.equal(store.show(['system', 'interface'], false), 'config system interface\n    edit "port1"\n        set ip 198.18.0.1\n        set alias "wan"\n    next\n    edit "port3"\n    next\nend\n');
});
test('a failed save keeps the session and the old config', () => {
    const { storage, store, changes } = setup();
    const s = open(store, 'system', 'global');
    assert.equal(quiet(s, 'set hostname fw-a').context, 'global');
    storage.failWrites = true;
    const r = s.handle('end');
    assert.equal(r.output, 'config not saved: ENOSPC writing /flash/tandem.conf\nCommand fail. Return code -1\n');
    assert.equal(r.active, true);
    assert.equal(store.hostname(), 'TDM0000000001');
    assert.equal(changes(), 0);
    storage.failWrites = false;
    assert.equal(s.handle('end').active, false);
    assert.equal(store.hostname(), 'fw-a');
});
test('sessions on different sections do not overwrite each other', () => {
    const { store } = setup();
    const a = open(store, 'system', 'global');
    const b = open(store, 'system', 'ha');
    quiet(a, 'set hostname fw-a');
    quiet(b, 'set priority 10');
    quiet(b, 'end');
    quiet(a, 'end');
    assert.equal(store.hostname(), 'fw-a');
    assert.equal(store.haSettings().priority, 10);
});
test('a listener that throws is reported after the save', () => {
    const { store } = setup();
    store.onChange(() => {
        throw new Error('runtime busy');
    });
    const s = open(store, 'system', 'ha');
    quiet(s, 'set group-id 3');
    const r = s.handle('end');
    assert.equal(r.output, 'config saved, but a change listener failed: runtime busy\n');
    assert.equal(r.active, false);
    assert.equal(store.haSettings().groupId, 3);
});
//# sourceMappingURL=editor.test.js.map