/**
 * The serial console on a real pty: the master plays the operator's terminal, the slave is
 * opened through the serialport driver as on a board. Every session starts with a login.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { HalError } from '../../hal/errors.js';
import { openPty } from '../../hal/serial/pty.js';
import { createSerialPortDevice } from '../../hal/serial/serialport.js';
import { setLogSink } from '../log/logger.js';
import { FAKE_ADMIN_PASSWORD, FakeConfig, FakeDiag, FakeHa } from './controls.fake.js';
import { LoginGate } from './login.js';
import { CommandProcessor } from './processor.js';
import { startSerialConsole } from './serial-console.js';
const WAIT_MS = 10_000;
const logged = [];
setLogSink((r) => logged.push(r));
/** The operator's side: everything the console printed, and a cursor past what was checked. */
class Terminal {
    pty;
    text = '';
    seen = 0;
    constructor(pty) {
        this.pty = pty;
        pty.onData((chunk) => {
            this.text += chunk.toString('latin1');
        });
    }
    /** Waits until `expected` appears after the cursor; returns what came before it and moves on. */
    async expect(expected) {
        const deadline = Date.now() + WAIT_MS;
        for (;;) {
            const at = this.text.indexOf(expected, this.seen);
            if (at !== -1) {
                const before = this.text.slice(this.seen, at);
                this.seen = at + expected.length;
                return before;
            }
            if (Date.now() > deadline) {
                assert.fail(`no ${JSON.stringify(expected)} within ${WAIT_MS} ms; got ${JSON.stringify(this.text.slice(this.seen))}`);
            }
            await sleep(5);
        }
    }
    /** Types each byte and waits for the echo the line editor owes it. */
    async type(keys, echoes) {
        for (let i = 0; i < keys.length; i++) {
            this.pty.write(Buffer.from(keys[i], 'latin1'));
            const echo = echoes[i];
            if (echo !== '')
                assert.equal(await this.expect(echo), '', `echo of byte ${i} of ${JSON.stringify(keys)}`);
        }
    }
    /** Everything after the cursor so far (for checks that nothing else was printed). */
    rest() {
        return this.text.slice(this.seen);
    }
}
/** Each printable key echoes itself. */
const plain = (keys) => [...keys];
function gate(config) {
    return new LoginGate({ config, clock: new FakeClock(), where: 'the test line' });
}
/** Logs in as `admin`: the name echoed, the password not. */
async function logIn(term) {
    await term.type('admin\r', [...plain('admin'), '\r\n']);
    assert.equal(await term.expect('Password: '), '');
    term.pty.write(`${FAKE_ADMIN_PASSWORD}\r`);
    assert.equal(await term.expect('\r\nTDM-A # '), '', 'the password is not echoed');
}
async function withConsole(run, t) {
    let pty;
    try {
        pty = openPty();
    }
    catch (err) {
        const why = `cannot open a pty here: ${err.message}`;
        if (process.env.CI)
            assert.fail(why);
        t.skip(why);
        return;
    }
    const term = new Terminal(pty);
    const ha = new FakeHa();
    const config = new FakeConfig();
    const processor = new CommandProcessor({ config, ha, diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    let consoleLine = null;
    try {
        consoleLine = await startSerialConsole({
            serial: createSerialPortDevice(),
            path: pty.path,
            baudRate: 115200,
            processor,
            login: gate(config),
            banner: 'Tandem 1.0.0 on TANDEM-SIM (TDSIM00000000001)',
        });
        assert.equal(await term.expect('Tandem 1.0.0 on TANDEM-SIM (TDSIM00000000001)\r\nTDM-A login: '), '');
        await logIn(term);
        await run(term, ha);
    }
    finally {
        await consoleLine?.close();
        pty.close();
    }
}
test('typing get system ha status byte by byte: echo, CRLF output, prompt', async (t) => {
    await withConsole(async (term) => {
        await term.type('get system ha status', plain('get system ha status'));
        term.pty.write('\r');
        assert.equal(await term.expect('\r\n'), '');
        const output = await term.expect('TDM-A # ');
        assert.ok(output.startsWith('HA Health Status: OK\r\nModel: TANDEM-SIM\r\n'), output);
        assert.ok(output.includes('\r\nPrimary     : TDM-A           , TDSIM00000000001, HA cluster index = 1\r\n'));
        assert.ok(output.endsWith('Secondary: TDSIM00000000002, HA operating index = 1\r\n'));
        assert.ok(!/[^\r]\n/.test(output), 'every line ends with CR LF');
    }, t);
});
test('backspace erases on screen and in the line; ← and Ctrl-E move the cursor', async (t) => {
    await withConsole(async (term) => {
        await term.type('get systen\x7fm ha sttus\x1b[D\x1b[D\x1b[Da', [
            ...plain('get systen'),
            '\b \b',
            'm',
            ...plain(' ha sttus'),
            ...['', '', '\b', '', '', '\b', '', '', '\b'],
            'atus\b\b\b',
        ]);
        await term.type('\x05\r', ['tus', '\r\n']);
        assert.ok((await term.expect('TDM-A # ')).startsWith('HA Health Status: OK\r\n'), 'the a went between st and tus');
    }, t);
});
test('? lists the choices at once, then the prompt and the line come back; Tab completes; ↑ recalls', async (t) => {
    await withConsole(async (term) => {
        await term.type('get sys', plain('get sys'));
        term.pty.write('?');
        const listing = await term.expect('TDM-A # get sys');
        assert.match(listing, /^\?\r\nsystem +System status\.\r\n$/);
        await term.type('\t', ['tem ']);
        await term.type('ha s\t', [...plain('ha s'), 'tatus ']);
        term.pty.write('\r');
        assert.match(await term.expect('TDM-A # '), /^\r\nHA Health Status: OK\r\n/);
        term.pty.write('\x1b[A');
        assert.equal(await term.expect('get system ha status '), '', 'the last line comes back');
        term.pty.write('\x15config sys\tha\r');
        assert.equal(await term.expect('TDM-A (ha) # '), `${'\b \b'.repeat(21)}config system ha\r\n`);
        term.pty.write('?');
        assert.match(await term.expect('TDM-A (ha) # '), /^\?\r\nset +Modify value\.\r\nend\r\n$/, 'in config mode too');
    }, t);
});
test('a wrong password is refused, exit logs out and asks again', async (t) => {
    await withConsole(async (term) => {
        term.pty.write('exit\r');
        assert.equal(await term.expect('TDM-A login: '), 'exit\r\n');
        await term.type('admin\r', [...plain('admin'), '\r\n']);
        await term.expect('Password: ');
        term.pty.write('nope\r');
        assert.equal(await term.expect('TDM-A login: '), '\r\nLogin incorrect\r\n');
        await term.type('admin\r', [...plain('admin'), '\r\n']);
        await term.expect('Password: ');
        term.pty.write('\x1b[A');
        term.pty.write(`${FAKE_ADMIN_PASSWORD}\r`);
        assert.equal(await term.expect('TDM-A # '), '\r\n', 'after a logout the history is gone');
        term.pty.write('\x1b[A');
        await sleep(100);
        assert.equal(term.rest(), '');
    }, t);
});
test('Ctrl-C discards the line and prints a fresh prompt', async (t) => {
    await withConsole(async (term) => {
        await term.type('diagnose sy\x03', [...plain('diagnose sy'), '^C\r\n']);
        assert.equal(await term.expect('TDM-A # '), '');
        await term.type('get system status\r', [...plain('get system status'), '\r\n']);
        assert.equal(await term.expect('TDM-A # '), 'Version: TANDEM-SIM v1.0.0\r\nSerial-Number: TDSIM00000000001\r\nHostname: TDM-A\r\n' +
            'Current HA mode: a-p, primary\r\nHA uptime: 0 days 0:01:23\r\n');
    }, t);
});
test('CRLF is one line; errors and config mode prompts come back over the line', async (t) => {
    await withConsole(async (term) => {
        term.pty.write('\r\nbogus\r\nconfig system ha\rset priority 90\nend\r\n');
        assert.equal(await term.expect('\r\nTDM-A # '), '');
        assert.equal(await term.expect('bogus\r\nUnknown action 0\r\nTDM-A # '), '', 'the LF of CRLF made no extra prompt');
        assert.equal(await term.expect('config system ha\r\nTDM-A (ha) # '), '');
        assert.equal(await term.expect('set priority 90\r\nTDM-A (ha) # '), '');
        assert.equal(await term.expect('end\r\nTDM-A # '), '');
        await sleep(100);
        assert.equal(term.rest(), '', 'nothing after the last prompt');
    }, t);
});
test('after close the console no longer answers', async (t) => {
    let pty;
    try {
        pty = openPty();
    }
    catch (err) {
        if (process.env.CI)
            assert.fail(`cannot open a pty here: ${err.message}`);
        t.skip(`cannot open a pty here: ${err.message}`);
        return;
    }
    const term = new Terminal(pty);
    const config = new FakeConfig();
    const processor = new CommandProcessor({ config, ha: new FakeHa(), diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    try {
        const c = await startSerialConsole({
            serial: createSerialPortDevice(),
            path: pty.path,
            baudRate: 115200,
            processor,
            login: gate(config),
            banner: 'hello\n',
        });
        await term.expect('hello\r\nTDM-A login: ');
        await c.close();
        await c.close();
        pty.write('get system status\r');
        await sleep(200);
        assert.equal(term.rest(), '');
    }
    finally {
        pty.close();
    }
});
test('a line that cannot be opened rejects with the driver error', async () => {
    const config = new FakeConfig();
    const processor = new CommandProcessor({ config, ha: new FakeHa(), diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    await assert.rejects(startSerialConsole({
        serial: createSerialPortDevice(),
        path: '/dev/tandem-no-such-tty',
        baudRate: 115200,
        processor,
        login: gate(config),
        banner: '',
    }), (err) => err instanceof HalError);
});
test('line errors and failing writes are logged, and the console keeps answering', async () => {
    const written = [];
    let feed = () => { };
    let fail = () => { };
    let failWrites = false;
    const line = {
        write: (data) => {
            if (failWrites)
                throw new Error('EIO on write');
            written.push(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
        },
        onData: (h) => {
            feed = h;
        },
        onError: (h) => {
            fail = h;
        },
        close: async () => {
            throw new Error('EBADF on close');
        },
    };
    const device = { open: async () => line };
    const config = new FakeConfig();
    const processor = new CommandProcessor({ config, ha: new FakeHa(), diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    const c = await startSerialConsole({
        serial: device,
        path: '/dev/ttyFAKE',
        baudRate: 9600,
        processor,
        login: gate(config),
        banner: '',
    });
    assert.deepEqual(written, ['TDM-A login: ']);
    fail(new Error('framing error'));
    /** Input is handled after the lines before it (a password check takes a while): waits for `text` to be written. */
    const shown = async (text) => {
        const deadline = Date.now() + WAIT_MS;
        while (!written.join('').endsWith(text)) {
            assert.ok(Date.now() < deadline, `no ${JSON.stringify(text)}; got ${JSON.stringify(written.join(''))}`);
            await sleep(5);
        }
    };
    feed(Buffer.from(`admin\r${FAKE_ADMIN_PASSWORD}\r`));
    await shown('TDM-A # ');
    failWrites = true;
    feed(Buffer.from('get system status\r'));
    await sleep(50);
    failWrites = false;
    written.length = 0;
    feed(Buffer.from('bogus\r'));
    await shown('TDM-A # ');
    assert.equal(written.join(''), 'bogus\r\nUnknown action 0\r\nTDM-A # ');
    await c.close();
    const warnings = logged.filter((r) => r.level === 'warn').map((r) => r.message);
    assert.ok(warnings.some((m) => m.includes('/dev/ttyFAKE: framing error')), warnings.join('; '));
    assert.ok(warnings.some((m) => m.includes('write to /dev/ttyFAKE failed: EIO on write')));
    assert.ok(warnings.some((m) => m.includes('closing /dev/ttyFAKE failed: EBADF on close')));
});
//# sourceMappingURL=serial-console.test.js.map