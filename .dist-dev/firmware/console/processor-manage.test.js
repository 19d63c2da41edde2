/**
 * `execute ha manage` seen from a console session: the index names a peer (the cluster index,
 * listed by `?` with serials), the target's prompts take over, `?` goes over with the line and
 * is not answered here, and `exit` over there brings this unit's prompt back.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeDiag, FakeHa } from './controls.fake.js';
import { CommandProcessor } from './processor.js';
import { memoryStore } from './terminal.testkit.js';
const B = 'TDSIM00000000002';
/** B's console as the fake answers it: a password first, then each line echoed. */
class FakeRemote {
    opened = [];
    lines = [];
    async open(target, admin) {
        this.opened.push([target, admin]);
        let loggedIn = false;
        return {
            target,
            opening: { output: '', prompt: 'Password: ', secret: true, exit: false },
            send: async (line) => {
                this.lines.push(line);
                if (!loggedIn) {
                    loggedIn = true;
                    return { output: '', prompt: 'TDM-B # ', secret: false, exit: false };
                }
                return { output: `B ran ${line}\n`, prompt: 'TDM-B # ', secret: false, exit: line === 'exit' };
            },
            close: () => { },
        };
    }
}
function session() {
    const remote = new FakeRemote();
    const processor = new CommandProcessor({
        config: memoryStore().store,
        ha: new FakeHa(),
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
        remoteConsoles: remote,
    });
    return { remote, s: processor.openSession() };
}
test('execute ha manage 0 admin: the password hidden, B answers, exit returns here', async () => {
    const { remote, s } = session();
    assert.deepEqual(await s.execute('execute ha manage 0 admin'), { output: '', prompt: 'Password: ', secret: true });
    assert.deepEqual(remote.opened, [[B, 'admin']]);
    assert.deepEqual(await s.execute('b-secret'), { output: '', prompt: 'TDM-B # ' });
    assert.equal(s.help('get sys'), null, '? goes over with the line');
    assert.deepEqual(await s.execute('get system status'), { output: 'B ran get system status\n', prompt: 'TDM-B # ' });
    assert.deepEqual(await s.execute('exit'), { output: 'B ran exit\n', prompt: 'TDM0000000001 # ' });
    assert.deepEqual(remote.lines, ['b-secret', 'get system status', 'exit']);
});
test('execute ha manage: an index that is no peer names the ones there are', async () => {
    const { remote, s } = session();
    const out = (await s.execute('execute ha manage 1 admin')).output;
    assert.match(out, /cluster index: use 0 \(TDSIM00000000002\)/);
    assert.match((await s.execute('execute ha manage 0')).output, /needs <cluster index> <admin>/);
    assert.deepEqual(remote.opened, []);
    assert.match(s.help('execute ha manage ') ?? '', /0 +TDSIM00000000002/);
});
//# sourceMappingURL=processor-manage.test.js.map