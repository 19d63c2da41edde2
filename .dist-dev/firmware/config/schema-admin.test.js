import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { verifyAdminPassword } from './admin-password.js';
import { syncEditor } from './editor.testkit.js';
import { ConfigError } from './errors.js';
import { ctx, ports } from './schema.fixture.js';
import { firmwareSchema } from './schema-system.js';
import { ConfigStore } from './store.js';
import { treeFromText } from './tree-from-text.js';
const PATH = '/flash/tandem.conf';
function store(text) {
    const storage = new MemoryStorage();
    if (text !== undefined)
        storage.files.set(PATH, text);
    const s = new ConfigStore({ clock: new FakeClock(), storage, path: PATH, ports, serial: 'TDM0000000001' });
    s.load();
    return { storage, store: s };
}
test("a unit without config has FortiOS's factory admin: admin, empty password, super_admin, lockout 3 for 60 s", () => {
    const { store: s } = store();
    assert.deepEqual(s.login(), { lockoutThreshold: 3, lockoutDurationS: 60, admins: new Map([['admin', '']]) });
    assert.equal(s.show(['system', 'admin'], true), 'config system admin\n    edit "admin"\n        set accprofile "super_admin"\n    next\nend\n');
    assert.ok(s.sections().some((x) => x.words.join(' ') === 'system admin' && x.help === 'Administrator accounts.'));
});
test('a file that writes the admin table is the whole table: a deleted admin does not come back', () => {
    const text = 'config system admin\n    edit "ops"\n        set password ENC TS1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n    next\nend\n';
    const { store: s } = store(text);
    assert.deepEqual([...s.login().admins.keys()], ['ops']);
    const lockout = store('config system global\n    set admin-lockout-threshold 5\n    set admin-lockout-duration 300\nend\n');
    assert.deepEqual({ ...lockout.store.login(), admins: [...lockout.store.login().admins.keys()] }, { lockoutThreshold: 5, lockoutDurationS: 300, admins: ['admin'] }, 'a file without the table keeps the factory admin');
    const twice = store(`${text}config system admin\n    edit "audit"\n    next\nend\n`);
    assert.deepEqual([...twice.store.login().admins.keys()], ['ops', 'audit'], 'a second block of the table adds to the first');
});
test('set password stores only the hash; the file and show never hold the clear text', async () => {
    const { store: s, storage } = store();
    const edit = syncEditor(s.beginEdit(['system', 'admin']));
    for (const line of ['edit admin', 'set password "N3w pass"', 'next', 'edit ops', 'set password other', 'end']) {
        assert.equal(edit.handle(line).output, '', line);
    }
    const file = storage.files.get(PATH) ?? '';
    assert.ok(!file.includes('N3w pass') && !file.includes('other'), file);
    assert.match(file, /edit "admin"\n {8}set password ENC TS1\$/);
    assert.ok(!s.show([], true).includes('N3w'));
    const admins = s.login().admins;
    assert.equal(await verifyAdminPassword(admins.get('admin') ?? '', 'N3w pass'), true);
    assert.equal(await verifyAdminPassword(admins.get('ops') ?? '', 'other'), true);
    const reloaded = new ConfigStore({ clock: new FakeClock(), storage, path: PATH, ports, serial: 'TDM0000000001' });
    reloaded.load();
    assert.deepEqual(reloaded.login().admins, admins, 'the hash reads back as written');
});
test('the last administrator cannot go; names and profiles are checked', () => {
    const { store: s } = store();
    const edit = syncEditor(s.beginEdit(['system', 'admin']));
    assert.equal(edit.handle('delete admin').output, '');
    assert.equal(edit.handle('end').output, 'node_check_object fail! for admin: config system admin: at least one administrator must remain, or nobody can log in\n' +
        'Command fail. Return code -56\n');
    assert.match(edit.handle('edit "bad name"').output, /before 'bad name': name must be a string of 1-64 characters of letters/);
    assert.match(edit.handle('edit ops').output, /^$/);
    assert.match(edit.handle('set accprofile prof_admin').output, /value parse error before 'prof_admin'.*one of super_admin/);
    assert.throws(() => treeFromText('config system admin\nend\n', firmwareSchema, ctx), (err) => err instanceof ConfigError && /at least one administrator must remain/.test(err.message));
});
//# sourceMappingURL=schema-admin.test.js.map