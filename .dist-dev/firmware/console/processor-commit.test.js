/**
 * An `end` that waits for the cluster (a commit gate on the store), seen from a console
 * session: the reply comes when the gate answers, lines typed meanwhile wait their turn, a
 * refusal keeps config mode with FortiOS's `Command fail.`, and `?`/Tab are untouched.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeTerminal, storeSession } from './terminal.testkit.js';
/** A session whose store asks a gate the test answers. */
function gated() {
    const { store, session } = storeSession('config system ha\n    set mode a-p\n    set hbdev "ha1" 50\nend\n');
    const answers = [];
    store.setCommitGate(() => new Promise((resolve) => answers.push(resolve)));
    const answer = async (v) => {
        while (answers.length === 0)
            await new Promise((r) => setImmediate(r));
        answers.shift()?.(v);
    };
    return { store, session, answer };
}
test('end answers when the gate does; a line typed meanwhile runs after it', async () => {
    const { store, session, answer } = gated();
    await session.execute('config system ha');
    await session.execute('set hb-interval 4');
    const end = session.execute('end');
    const next = session.execute('get system ha status');
    let endDone = false;
    end.then(() => {
        endDone = true;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(endDone, false);
    await answer({ kind: 'local' });
    assert.deepEqual(await end, { output: '', prompt: 'TDM0000000001 # ' });
    assert.equal((await next).prompt, 'TDM0000000001 # ', 'the queued line ran after end, out of config mode');
    assert.equal(store.haSettings().hbInterval, 4);
});
test('a refused end keeps config mode and says why, as FortiOS does', async () => {
    const { store, session, answer } = gated();
    const term = new FakeTerminal(session);
    await term.type('config system ha\rset hb-interval 4\r');
    const typed = term.type('end\r');
    await answer({ kind: 'refused', reason: 'TDM0000000001 refused the configuration: system.ha changed meanwhile' });
    assert.equal(await typed, 'end\r\nCommand fail. TDM0000000001 refused the configuration: system.ha changed meanwhile\r\nTDM0000000001 (ha) # ');
    assert.equal(store.haSettings().hbInterval, 2, 'nothing saved');
    assert.equal(await term.type('se hb-interval ?'), 'se hb-interval ?\r\n<integer>    an integer 1-20\r\nTDM0000000001 (ha) # se hb-interval ');
    assert.equal(await term.type('\x15\x1b[A'), '\b \b'.repeat(15) + 'end', 'history still holds end');
    await term.type('\x15abort\r');
    assert.equal(session.prompt(), 'TDM0000000001 # ');
});
test('verdict done prints what the gate says and leaves config mode', async () => {
    const { session, answer } = gated();
    await session.execute('config system ha');
    await session.execute('set hb-interval 4');
    const end = session.execute('end');
    await answer({ kind: 'done', output: 'committed on the primary TDM0000000009 (version 12)\n' });
    assert.deepEqual(await end, { output: 'committed on the primary TDM0000000009 (version 12)\n', prompt: 'TDM0000000001 # ' });
});
//# sourceMappingURL=processor-commit.test.js.map