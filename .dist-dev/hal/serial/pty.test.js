/**
 * A real pty: the master held by openPty, the slave opened through the serialport driver, as
 * the test rig and a sim board's firmware do.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { HalError } from '../errors.js';
import { openPty } from './pty.js';
import { createSerialPortDevice } from './serialport.js';
const serial = createSerialPortDevice();
/** Every byte value, and the ones a cooked tty would translate or act on up front. */
const ALL_BYTES = Uint8Array.from([0x0d, 0x0a, 0x03, 0x04, 0x7f, ...Array.from({ length: 256 }, (_, i) => i)]);
async function waitFor(cond, ms, what) {
    const deadline = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > deadline)
            assert.fail(`timed out after ${ms} ms waiting for ${what}`);
        await sleep(5);
    }
}
async function exchange(pty, line, received) {
    received.fromMaster.length = 0;
    received.fromSlave.length = 0;
    pty.write(ALL_BYTES);
    await waitFor(() => Buffer.concat(received.fromMaster).length >= ALL_BYTES.length, 5000, 'master → slave bytes');
    assert.deepEqual(new Uint8Array(Buffer.concat(received.fromMaster)), ALL_BYTES);
    line.write(ALL_BYTES);
    await waitFor(() => Buffer.concat(received.fromSlave).length >= ALL_BYTES.length, 5000, 'slave → master bytes');
    assert.deepEqual(new Uint8Array(Buffer.concat(received.fromSlave)), ALL_BYTES);
}
describe('pty with a serialport line on its slave', () => {
    it('carries every byte value both ways, raw, and survives the line being reopened', async () => {
        const pty = openPty();
        assert.match(pty.path, /^\/dev\/pts\/\d+$/);
        const received = { fromMaster: [], fromSlave: [] };
        pty.onData((chunk) => received.fromSlave.push(chunk));
        try {
            for (let round = 0; round < 2; round++) {
                const line = await serial.open(pty.path, 115200);
                const errors = [];
                line.onError((err) => errors.push(err));
                line.onData((chunk) => received.fromMaster.push(Buffer.from(chunk)));
                try {
                    await exchange(pty, line, received);
                }
                finally {
                    await line.close();
                }
                assert.deepEqual(errors, []);
            }
        }
        finally {
            pty.close();
        }
    });
    it('reports a write on a closed line through onError instead of throwing', async () => {
        const pty = openPty();
        try {
            const line = await serial.open(pty.path, 115200);
            const errors = [];
            line.onError((err) => errors.push(err));
            await line.close();
            await line.close();
            line.write('late');
            assert.equal(errors.length, 1);
            assert.match(errors[0].message, /closed line/);
        }
        finally {
            pty.close();
        }
    });
    it('does not echo bytes typed before the line is opened', async () => {
        // serialport flushes the tty when it opens, like a UART: only the echo could be seen here.
        const pty = openPty();
        const echoed = [];
        pty.onData((chunk) => echoed.push(chunk));
        try {
            pty.write('typed early\r\n');
            await sleep(150);
            assert.equal(Buffer.concat(echoed).length, 0, `echoed ${JSON.stringify(Buffer.concat(echoed).toString())}`);
        }
        finally {
            pty.close();
        }
    });
    it('lets the process exit once closed', async () => {
        const script = fileURLToPath(new URL('./pty.js', import.meta.url));
        const code = `import(${JSON.stringify(script)}).then(({ openPty }) => {
      const pty = openPty(); pty.onData(() => {}); pty.write('x'); pty.close(); pty.close();
    });`;
        const started = Date.now();
        await new Promise((resolve, reject) => {
            execFile(process.execPath, ['--input-type=module', '-e', code], { timeout: 10000 }, (err) => err ? reject(err) : resolve());
        });
        assert.ok(Date.now() - started < 10000);
    });
    it('rejects a missing tty with HalError', async () => {
        const path = `/dev/pts/tandem-missing-${process.pid}`;
        assert.equal(existsSync(path), false);
        await assert.rejects(serial.open(path, 115200), (e) => e instanceof HalError && e.errno === 2 && e.message.includes(path));
    });
});
//# sourceMappingURL=pty.test.js.map