/**
 * Console login on the real config store with a fake clock: FortiOS's first login (admin, empty
 * password, then a new one typed twice), wrong passwords, the lockout at its exact boundary, and
 * an event in the log for each.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { verifyAdminPassword } from '../config/admin-password.js';
import { setLogSink } from '../log/logger.js';
import { FORCED_CHANGE, LoginGate } from './login.js';
import { memoryStore, STORE_PATH } from './terminal.testkit.js';
const events = [];
setLogSink((r) => {
    if (r.event)
        events.push(r);
});
function setup(text) {
    const { store, storage } = memoryStore(text);
    const clock = new FakeClock(1000);
    const gate = new LoginGate({ config: store, clock, where: '/dev/ttyS2' });
    /** Answers each prompt in turn; returns the last step. */
    const answer = async (...lines) => {
        let step = gate.begin();
        for (const line of lines)
            step = await gate.enter(line);
        return step;
    };
    return { store, storage, clock, gate, answer };
}
const HOST = 'TDM0000000001';
const LOGIN = { prompt: `${HOST} login: `, input: 'text' };
test('first login: admin with the empty password, then a new password typed twice, saved hashed', async () => {
    const { gate, store, storage } = setup();
    events.length = 0;
    assert.deepEqual(gate.begin(), { output: '', prompt: `${HOST} login: `, input: 'text' });
    assert.deepEqual(await gate.enter('admin'), { output: '', prompt: 'Password: ', input: 'secret' });
    assert.deepEqual(await gate.enter(''), { output: FORCED_CHANGE, prompt: 'New Password: ', input: 'secret' });
    assert.deepEqual(await gate.enter(''), {
        output: 'The new password may not be empty.\n',
        prompt: 'New Password: ',
        input: 'secret',
    });
    assert.deepEqual(await gate.enter('Tandem-1'), { output: '', prompt: 'Confirm Password: ', input: 'secret' });
    assert.deepEqual(await gate.enter('Tandem-2'), {
        output: 'The passwords do not match.\n',
        prompt: 'New Password: ',
        input: 'secret',
    });
    await gate.enter('Tandem-1');
    assert.deepEqual(await gate.enter('Tandem-1'), { output: '', prompt: '', input: 'text', admin: 'admin' });
    const stored = store.login().admins.get('admin') ?? '';
    assert.equal(await verifyAdminPassword(stored, 'Tandem-1'), true);
    assert.ok(!(storage.files.get(STORE_PATH) ?? '').includes('Tandem-1'), 'the file holds only the hash');
    assert.deepEqual(events.map((e) => e.message), ['password of admin changed on /dev/ttyS2', 'admin logged in on /dev/ttyS2']);
    assert.deepEqual(await setup().answer(), { output: '', ...LOGIN });
});
test('with a password set: the right one lets in at once; a wrong one or an unknown name is "Login incorrect"', async () => {
    const { answer, gate } = setup();
    await answer('admin', '', 'pw one', 'pw one');
    assert.deepEqual(await answer('admin', 'pw one'), { output: '', prompt: '', input: 'text', admin: 'admin' });
    events.length = 0;
    assert.deepEqual(await answer('admin', 'pw two'), { output: 'Login incorrect\n', ...LOGIN });
    assert.deepEqual(await answer('nobody', 'pw one'), { output: 'Login incorrect\n', ...LOGIN });
    assert.deepEqual(await answer('admin', ''), { output: 'Login incorrect\nToo many failures: login locked for 60 s.\n', ...LOGIN }, 'the empty password no longer works');
    assert.deepEqual(events.map((e) => [e.level, e.message]), [
        ['warn', 'login failed for admin on /dev/ttyS2 (1 of 3)'],
        ['warn', 'login failed for nobody on /dev/ttyS2 (2 of 3)'],
        ['warn', 'login failed for admin on /dev/ttyS2 (3 of 3)'],
        ['warn', 'login on /dev/ttyS2 locked for 60 s after 3 failures'],
    ]);
    assert.deepEqual(await gate.enter('  '), { output: '', ...LOGIN }, 'a blank name asks again');
});
test('three failures lock the login for exactly 60 s; a success before that clears the count', async () => {
    const { answer, clock } = setup();
    await answer('admin', '', 'good', 'good');
    await answer('admin', 'bad');
    await answer('admin', 'bad');
    assert.equal((await answer('admin', 'good')).admin, 'admin', 'two failures, then a success');
    await answer('admin', 'bad');
    await answer('admin', 'bad');
    assert.deepEqual(await answer('admin', 'bad'), {
        output: 'Login incorrect\nToo many failures: login locked for 60 s.\n',
        ...LOGIN,
    });
    assert.deepEqual(await answer('admin'), { output: 'Login locked after too many failures; try again in 60 s.\n', ...LOGIN });
    clock.advance(59_999);
    assert.deepEqual(await answer('admin'), { output: 'Login locked after too many failures; try again in 1 s.\n', ...LOGIN });
    clock.advance(1);
    assert.deepEqual(await answer('admin'), { output: '', prompt: 'Password: ', input: 'secret' });
    assert.equal((await answer('admin', 'good')).admin, 'admin');
});
test('the lockout follows config system global; a new admin with no password must set one', async () => {
    const { answer, clock } = setup('config system global\n    set admin-lockout-threshold 1\n    set admin-lockout-duration 5\nend\n' +
        'config system admin\n    edit "ops"\n    next\nend\n');
    assert.deepEqual(await answer('admin', ''), { output: 'Login incorrect\nToo many failures: login locked for 5 s.\n', ...LOGIN }, 'admin was removed');
    clock.advance(5000);
    assert.deepEqual(await answer('ops', ''), { output: FORCED_CHANGE, prompt: 'New Password: ', input: 'secret' });
});
test('a new password the config refuses is asked again; a store that cannot save still lets the operator in', async () => {
    const { answer, storage } = setup();
    const tooLong = 'x'.repeat(129);
    const refused = await answer('admin', '', tooLong, tooLong);
    assert.equal(refused.prompt, 'New Password: ');
    assert.match(refused.output, /^value parse error before '\*': password must be a password of at most 128 characters/);
    assert.ok(!refused.output.includes(tooLong));
    storage.failWrites = true;
    events.length = 0;
    const step = await answer('admin', '', 'fine', 'fine');
    assert.equal(step.admin, 'admin');
    assert.match(step.output, /^Password not saved:\nconfig not saved: ENOSPC writing \/flash\/tandem\.conf\n/);
    assert.deepEqual(events.map((e) => e.message), ['password of admin not saved on /dev/ttyS2', 'admin logged in on /dev/ttyS2']);
});
test('a configuration that cannot be read refuses the login and says so', async () => {
    const { store } = memoryStore();
    store.login = () => {
        throw new Error('tree gone');
    };
    const gate = new LoginGate({ config: store, clock: new FakeClock(), where: 'ttyS2' });
    gate.begin();
    await gate.enter('admin');
    assert.deepEqual(await gate.enter('x'), { output: 'Login unavailable: the configuration cannot be read.\n', ...LOGIN });
});
//# sourceMappingURL=login.test.js.map