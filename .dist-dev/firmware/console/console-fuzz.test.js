/**
 * No input crashes the console: random bytes, keys and words typed through the line editor into
 * sessions on the real config store, and random answers to a login.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { setLogSink } from '../log/logger.js';
import { MAX_LINE_BYTES } from './line-editor.js';
import { LoginGate } from './login.js';
import { FakeTerminal, memoryStore, storeSession } from './terminal.testkit.js';
setLogSink(() => { });
function random(seed) {
    return (n) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
    };
}
const WORDS = [
    'get',
    'system',
    'ha',
    'status',
    'show',
    'full-configuration',
    'config',
    'conf',
    'sys',
    'firewall',
    'policy',
    'address',
    'interface',
    'edit',
    'next',
    'end',
    'abort',
    'set',
    'se',
    'unset',
    'append',
    'select',
    'unselect',
    'purge',
    'rename',
    'clone',
    'move',
    'before',
    'after',
    'to',
    'priority',
    'prio',
    'monitor',
    'hbdev',
    'port1',
    'ha1',
    'mode',
    'a-p',
    '1',
    '2',
    '200',
    '|',
    'grep',
    '-f',
    '-v',
    '-A',
    '"',
    "'",
    '\\',
    'exit',
    'delete',
    'srcintf',
    'name',
    'admin',
    'diagnose',
];
const KEYS = [
    '?',
    '\t',
    '\t\t',
    '\r',
    '\r\n',
    '\x7f',
    '\x03',
    '\x15',
    '\x17',
    '\x0b',
    '\x01',
    '\x05',
    '\x04',
    '\x1b[A',
    '\x1b[B',
    '\x1b[C',
    '\x1b[D',
    '\x1b[3~',
    '\x1bOH',
    '\x1b[',
];
test('random keys, words and bytes through the line editor never throw, and the session keeps answering', async () => {
    const rand = random(7);
    for (let round = 0; round < 6; round++) {
        const term = new FakeTerminal(storeSession().session);
        for (let i = 0; i < 1500; i++) {
            const pick = rand(10);
            let keys;
            if (pick < 5)
                keys = `${WORDS[rand(WORDS.length)]}${rand(3) === 0 ? '' : ' '}`;
            else if (pick < 8)
                keys = KEYS[rand(KEYS.length)];
            else
                keys = String.fromCharCode(...Array.from({ length: 1 + rand(6) }, () => rand(256)));
            const shown = await term.type(keys);
            assert.equal(typeof shown, 'string');
        }
        await term.type('\x03abort\rend\r');
        const r = await term.session.execute('get system status');
        assert.match(r.output, /^Version: /, 'the session still answers');
    }
});
test('random bytes in one editor: lines stay within the cap and hold no control characters', async () => {
    const rand = random(99);
    const term = new FakeTerminal(storeSession().session);
    const lines = [];
    const original = term.session.execute.bind(term.session);
    term.session.execute = (line) => {
        lines.push(line);
        return original(line);
    };
    for (let i = 0; i < 3000; i++) {
        const bytes = Array.from({ length: 1 + rand(24) }, () => (rand(8) === 0 ? 0x0d : rand(256)));
        await term.type(Buffer.from(bytes).toString('latin1'));
    }
    assert.ok(lines.length > 100);
    for (const line of lines) {
        assert.ok(Buffer.byteLength(line) <= MAX_LINE_BYTES);
        assert.ok(![...line].some((ch) => ch < ' ' || ch === '\x7f'), JSON.stringify(line));
    }
});
test('random answers to a login never throw nor let anyone in without the password', async () => {
    const rand = random(3);
    const { store } = memoryStore('config system admin\n    edit "admin"\n        set password ENC TS1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n    next\nend\n');
    const clock = new FakeClock();
    const gate = new LoginGate({ config: store, clock, where: 'fuzz' });
    gate.begin();
    for (let i = 0; i < 300; i++) {
        const line = rand(2) === 0 ? 'admin' : String.fromCharCode(...Array.from({ length: rand(12) }, () => 0x20 + rand(0x5f)));
        const step = await gate.enter(line);
        assert.equal(step.admin, undefined, `let in with ${JSON.stringify(line)}`);
        clock.advance(rand(30_000));
    }
});
//# sourceMappingURL=console-fuzz.test.js.map