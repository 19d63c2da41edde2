/**
 * `execute ha manage` over real control links on the fake net: the target's own login (its
 * password, its lockout), lines and their replies in order, `exit` back home, a lost target.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { syncEditor } from '../config/editor.testkit.js';
import { memoryStore } from '../console/terminal.testkit.js';
import { FAKE_RING, FakeControlNet } from './control-link.fake.js';
import { RemoteConsoles } from './remote-console.js';
const A = 'TDSIM00000000001';
const B = 'TDSIM00000000002';
/** B's command sessions: each line answered with what ran, `exit` ends it. */
function fakeSession() {
    return {
        execute: async (line) => ({ output: `ran ${line}\n`, prompt: 'TDM-B # ', ...(line === 'exit' ? { exit: true } : {}) }),
        prompt: () => 'TDM-B # ',
        help: () => null,
        complete: () => ({ insert: '', listing: '' }),
    };
}
function setUp() {
    const net = new FakeControlNet({ serials: [A, B] });
    for (const s of [A, B])
        net.link(s).setKeys(FAKE_RING);
    const { store } = memoryStore();
    const edit = syncEditor(store.beginEdit(['system', 'admin']));
    for (const line of ['edit "admin"', 'set password "b-secret"', 'next', 'end'])
        edit.handle(line);
    const consoles = (serial, config = memoryStore().store) => new RemoteConsoles({
        serial,
        link: net.link(serial),
        config,
        clock: net.clock,
        timers: net.timers,
        openSession: fakeSession,
    });
    const a = consoles(A);
    consoles(B, store);
    /** Lets the fake clock run (1 ms a step) while `p` is pending; its value. */
    const settle = async (p) => {
        let done = false;
        let value;
        void p.then((v) => {
            done = true;
            value = v;
        });
        for (let i = 0; i < 60_000 && !done; i++) {
            await tick();
            if (!done)
                net.advance(1);
        }
        assert.ok(done, 'answered within 60 s');
        return value;
    };
    return { net, a, settle };
}
test("manage: B's own password, its commands, exit back", async () => {
    const { a, settle } = setUp();
    const s = await settle(a.open(B, 'admin'));
    assert.ok(typeof s !== 'string', String(s));
    const session = s;
    assert.deepEqual(session.opening, { output: '', prompt: 'Password: ', secret: true, exit: false });
    const welcome = await settle(session.send('b-secret'));
    assert.equal(welcome.prompt, 'TDM-B # ');
    assert.equal(welcome.secret, false);
    assert.deepEqual(await settle(session.send('get system status')), {
        output: 'ran get system status\n',
        prompt: 'TDM-B # ',
        secret: false,
        exit: false,
    });
    const bye = await settle(session.send('exit'));
    assert.equal(bye.exit, true);
});
test('manage: a wrong password ends the session; three in a row lock the login on B', async () => {
    const { a, settle } = setUp();
    for (let i = 1; i <= 3; i++) {
        const s = (await settle(a.open(B, 'admin')));
        const r = await settle(s.send('wrong'));
        assert.equal(r.exit, true);
        assert.match(r.output, /Login incorrect/);
        if (i === 3)
            assert.match(r.output, /login locked for 60 s/);
    }
    const locked = (await settle(a.open(B, 'admin')));
    assert.equal(locked.opening.exit, true);
    assert.match(locked.opening.output, /Login locked after too many failures/);
});
test('manage: a target that goes away ends the session with a line saying so', async () => {
    const { net, a, settle } = setUp();
    const s = (await settle(a.open(B, 'admin')));
    await settle(s.send('b-secret'));
    net.wire(A, B).dropIf = () => true;
    net.wire(B, A).dropIf = () => true;
    const r = await settle(s.send('get system status'));
    assert.deepEqual(r, { output: `Connection to ${B} lost.\n`, prompt: '', secret: false, exit: true });
});
test('manage: a unit nobody answers for gives a clear error', async () => {
    const { net, a, settle } = setUp();
    net.wire(A, B).dropIf = () => true;
    assert.equal(await settle(a.open(B, 'admin')), `Command fail. No answer from ${B} over the HA link.\n`);
});
//# sourceMappingURL=remote-console.test.js.map