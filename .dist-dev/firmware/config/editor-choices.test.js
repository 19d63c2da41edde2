/** What `?` and Tab are offered in config mode, wherever the editor stands. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { syncEditor } from './editor.testkit.js';
import { ports } from './schema.fixture.js';
import { ConfigStore } from './store.js';
function open(...words) {
    const store = new ConfigStore({
        clock: new FakeClock(),
        storage: new MemoryStorage(),
        path: '/flash/c',
        ports,
        serial: 'TDM0000000001',
    });
    store.load();
    return syncEditor(store.beginEdit(words));
}
const words = (choices) => choices.map((c) => c.word);
const line = (s) => s.split(' ').filter(Boolean);
test('a section offers its verbs, option names with help, and what each option takes', () => {
    const edit = open('system', 'ha');
    assert.deepEqual(words(edit.choices([])), [
        'set',
        'unset',
        'append',
        'select',
        'unselect',
        'config',
        'get',
        'show',
        'end',
        'abort',
    ]);
    const options = edit.choices(['set']);
    assert.ok(options.some((c) => c.word === 'priority' && c.help.startsWith('Priority of this unit')));
    assert.equal(options.length, 37);
    assert.deepEqual(words(edit.choices(line('append'))), [
        'hbdev',
        'session-sync-dev',
        'monitor',
        'data-beacon-dev',
        'pingserver-monitor-interface',
    ]);
    assert.deepEqual(edit.choices(line('se prio')), [{ word: '<integer>', help: 'an integer 0-255', placeholder: true }]);
    assert.deepEqual(words(edit.choices(line('set prio 7'))), ['<Enter>']);
    assert.deepEqual(words(edit.choices(line('set override'))), ['enable', 'disable']);
    assert.deepEqual(edit.choices(line('set mode'))[1], {
        word: 'a-p',
        help: 'Active-passive: the primary forwards, secondaries stand by.',
    });
    assert.deepEqual(words(edit.choices(line('set monitor port1'))), ['port2', 'port3', 'ha1', 'ha2', 'mgmt', '<Enter>'], 'ports not yet named');
    assert.deepEqual(words(edit.choices(line('set hbdev ha1'))), ['<priority>']);
    assert.deepEqual(words(edit.choices(line('set hbdev ha1 50'))), ['port1', 'port2', 'port3', 'ha2', 'mgmt', '<Enter>']);
    assert.deepEqual(words(edit.choices(line('unset priority'))), ['<Enter>']);
    assert.deepEqual(edit.choices(line('set nosuch')), []);
    assert.deepEqual(edit.choices(line('edit x')), [], 'edit is no verb of a section');
    assert.deepEqual(words(edit.choices(line('show'))), ['full-configuration', '<Enter>']);
    assert.deepEqual(words(edit.choices(line('show full'))), ['<Enter>']);
    assert.deepEqual(words(edit.choices(line('end'))), ['<Enter>']);
});
test('append offers what the list lacks; unselect offers what it holds', () => {
    const edit = open('system', 'ha');
    edit.handle('set monitor port1 port2');
    assert.deepEqual(words(edit.choices(line('append monitor'))), ['port3', 'ha1', 'ha2', 'mgmt']);
    assert.deepEqual(words(edit.choices(line('append monitor ha1'))), ['port3', 'ha2', 'mgmt', '<Enter>']);
    assert.deepEqual(words(edit.choices(line('unselect monitor'))), ['port1', 'port2']);
    assert.deepEqual(words(edit.choices(line('unselect monitor port2'))), ['port1', '<Enter>']);
});
test('a table offers its entries to edit, delete, rename, clone and move; an entry offers next', () => {
    const edit = open('firewall', 'policy');
    for (const l of ['edit 3', 'next', 'edit 1', 'next'])
        edit.handle(l);
    assert.deepEqual(words(edit.choices([])), [
        'edit',
        'delete',
        'purge',
        'rename',
        'clone',
        'move',
        'get',
        'show',
        'end',
        'abort',
    ]);
    assert.deepEqual(words(edit.choices(['edit'])), ['3', '1', '<integer>']);
    assert.deepEqual(words(edit.choices(['delete'])), ['3', '1']);
    assert.deepEqual(words(edit.choices(line('rename 3'))), ['to']);
    assert.deepEqual(words(edit.choices(line('rename 3 to'))), ['<new name>']);
    assert.deepEqual(words(edit.choices(line('rename 3 to 4'))), ['<Enter>']);
    assert.deepEqual(words(edit.choices(line('move 3'))), ['before', 'after']);
    assert.deepEqual(words(edit.choices(line('move 3 after'))), ['3', '1']);
    assert.deepEqual(words(edit.choices(line('move 3 after 1 x'))), []);
    edit.handle('edit 3');
    assert.ok(words(edit.choices([])).includes('next'));
    assert.deepEqual(words(edit.choices(line('set srcintf'))), ['port1', 'port2', 'port3', 'ha1', 'ha2', 'mgmt', '<name>']);
    assert.deepEqual(words(edit.choices(line('set action'))), ['accept', 'deny']);
    const addresses = open('firewall', 'address');
    assert.ok(!words(addresses.choices([])).includes('move'), 'addresses have no order');
    const interfaces = open('system', 'interface');
    assert.deepEqual(words(interfaces.choices(['edit'])), ['port1', 'port2', 'port3', 'ha1', 'ha2', 'mgmt'], 'the board ports');
    interfaces.handle('edit port1');
    assert.deepEqual(words(interfaces.choices(line('set allowaccess ping'))), ['https', 'ssh', 'http', 'snmp', '<Enter>']);
});
test('after the editor closed nothing is offered', () => {
    const edit = open('system', 'global');
    edit.handle('abort');
    assert.deepEqual(edit.choices([]), []);
});
//# sourceMappingURL=editor-choices.test.js.map