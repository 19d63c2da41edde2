import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setLogSink } from '../log/logger.js';
import { FakeConfig, FakeDiag, FakeHa } from './controls.fake.js';
import { CommandProcessor } from './processor.js';
import { ConsoleSocketError, MAX_REQUEST_BYTES, startConsoleSocket } from './socket-server.js';
setLogSink(() => { });
const WAIT_MS = 10_000;
let dir = '';
let path = '';
let server = null;
const ha = new FakeHa();
before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-console-'));
    path = join(dir, 'console.sock');
    const processor = new CommandProcessor({ config: new FakeConfig(), ha, diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    server = await startConsoleSocket({ path, processor, ha });
});
after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
});
/** A JSON-lines client that reads replies in order. */
class Client {
    socket;
    buffer = '';
    waiters = [];
    lines = [];
    constructor(socket) {
        this.socket = socket;
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => {
            this.buffer += chunk;
            let nl = this.buffer.indexOf('\n');
            while (nl !== -1) {
                const line = this.buffer.slice(0, nl);
                this.buffer = this.buffer.slice(nl + 1);
                const waiter = this.waiters.shift();
                if (waiter)
                    waiter(line);
                else
                    this.lines.push(line);
                nl = this.buffer.indexOf('\n');
            }
        });
    }
    static open(p) {
        return new Promise((resolve, reject) => {
            const s = connect(p);
            s.once('connect', () => resolve(new Client(s)));
            s.once('error', reject);
        });
    }
    send(raw) {
        this.socket.write(raw);
    }
    next() {
        const queued = this.lines.shift();
        if (queued !== undefined)
            return Promise.resolve(JSON.parse(queued));
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no reply within 10 s')), WAIT_MS);
            this.waiters.push((line) => {
                clearTimeout(timer);
                resolve(JSON.parse(line));
            });
        });
    }
    async request(body) {
        this.send(`${JSON.stringify(body)}\n`);
        return this.next();
    }
    close() {
        this.socket.destroy();
    }
}
test('the socket file is private to the firmware user', () => {
    assert.equal(statSync(path).mode & 0o777, 0o600);
});
test('status query returns the snapshot', async () => {
    const c = await Client.open(path);
    try {
        const r = await c.request({ id: 7, query: 'status' });
        assert.deepEqual(r, { id: 7, status: JSON.parse(JSON.stringify(ha.snapshot())) });
    }
    finally {
        c.close();
    }
});
test('line request runs through the session and returns output and prompt', async () => {
    const c = await Client.open(path);
    try {
        const r = await c.request({ id: 1, line: 'get system ha status' });
        assert.equal(r.id, 1);
        assert.equal(r.prompt, 'TDM-A # ');
        assert.match(String(r.output), /^HA Health Status: OK\n/);
        assert.match(String(r.output), /\nPrimary {5}: TDM-A {11}, TDSIM00000000001, HA cluster index = 1\n/);
        assert.deepEqual(await c.request({ id: 2, line: 'bogus' }), { id: 2, output: 'Unknown action 0\n', prompt: 'TDM-A # ' });
    }
    finally {
        c.close();
    }
});
test('malformed requests get an error and the connection stays open', async () => {
    const c = await Client.open(path);
    try {
        c.send('this is not json\n');
        const bad = await c.next();
        assert.equal(bad.id, null);
        assert.match(String(bad.error), /invalid JSON/);
        const cases = [
            ['[1,2]', null, /JSON object/],
            ['{"line":"show"}', null, /integer "id"/],
            ['{"id":"3","line":"show"}', null, /integer "id"/],
            ['{"id":3}', 3, /exactly one of/],
            ['{"id":4,"line":"show","query":"status"}', 4, /exactly one of/],
            ['{"id":5,"line":42}', 5, /"line" must be a string/],
            ['{"id":6,"query":"everything"}', 6, /unknown query "everything"/],
        ];
        for (const [raw, id, message] of cases) {
            c.send(`${raw}\n`);
            const r = await c.next();
            assert.equal(r.id, id, raw);
            assert.match(String(r.error), message, raw);
        }
        c.send('\n\r\n');
        const ok = await c.request({ id: 8, line: 'get system status' });
        assert.match(String(ok.output), /^Version: TANDEM-SIM v1\.0\.0\n/);
    }
    finally {
        c.close();
    }
});
test('requests split across writes and several in one write are both handled', async () => {
    const c = await Client.open(path);
    try {
        c.send('{"id":1,"li');
        await new Promise((r) => setTimeout(r, 20));
        c.send('ne":"show"}\n{"id":2,"query":"status"}\n{"id":3,"line":"?"}\n');
        const replies = [await c.next(), await c.next(), await c.next()];
        assert.deepEqual(replies.map((r) => r.id), [1, 2, 3]);
        assert.match(String(replies[0]?.output), /^config system ha\n/);
        assert.ok(replies[1]?.status);
    }
    finally {
        c.close();
    }
});
test('an over-long request is refused and the connection keeps working', async () => {
    const c = await Client.open(path);
    try {
        const huge = `{"id":1,"line":"${'x'.repeat(MAX_REQUEST_BYTES + 10)}"}\n`;
        c.send(huge.slice(0, 30_000));
        c.send(huge.slice(30_000));
        const r = await c.next();
        assert.equal(r.id, null);
        assert.match(String(r.error), /request longer than 65536 bytes/);
        const ok = await c.request({ id: 2, line: 'get system status' });
        assert.equal(ok.id, 2);
        // A line of exactly the limit is still accepted.
        const body = `{"id":3,"line":"${' '.repeat(0)}"}`;
        const exact = body.replace('""', `"${' '.repeat(MAX_REQUEST_BYTES - body.length)}"`);
        assert.equal(Buffer.byteLength(exact), MAX_REQUEST_BYTES);
        c.send(`${exact}\n`);
        assert.deepEqual(await c.next(), { id: 3, output: '', prompt: 'TDM-A # ' });
    }
    finally {
        c.close();
    }
});
test('two connections are two sessions with separate config contexts', async () => {
    const a = await Client.open(path);
    const b = await Client.open(path);
    try {
        assert.deepEqual(await a.request({ id: 1, line: 'config system ha' }), { id: 1, output: '', prompt: 'TDM-A (ha) # ' });
        assert.deepEqual(await b.request({ id: 1, line: '' }), { id: 1, output: '', prompt: 'TDM-A # ' });
        assert.deepEqual(await b.request({ id: 2, line: 'config system global' }), {
            id: 2,
            output: '',
            prompt: 'TDM-A (global) # ',
        });
        assert.deepEqual(await a.request({ id: 2, line: 'end' }), { id: 2, output: '', prompt: 'TDM-A # ' });
        assert.deepEqual(await b.request({ id: 3, line: 'abort' }), { id: 3, output: '', prompt: 'TDM-A # ' });
    }
    finally {
        a.close();
        b.close();
    }
});
test('a client vanishing mid-request does not hurt the server', async () => {
    const c = await Client.open(path);
    c.send('{"id":1,"line":"get sys');
    c.close();
    const d = await Client.open(path);
    try {
        assert.equal((await d.request({ id: 9, query: 'status' })).id, 9);
    }
    finally {
        d.close();
    }
});
test('a stale socket file is replaced; a live one or a regular file is not touched', async () => {
    const stalePath = join(dir, 'stale.sock');
    // A process killed while listening leaves its socket file behind, as a crashed run would.
    const crashed = spawnSync(process.execPath, [
        '-e',
        `require('node:net').createServer().listen(${JSON.stringify(stalePath)}, () => process.kill(process.pid, 'SIGKILL'))`,
    ]);
    assert.equal(crashed.signal, 'SIGKILL');
    assert.ok(statSync(stalePath).isSocket(), 'stale socket file left behind');
    const processor = new CommandProcessor({ config: new FakeConfig(), ha, diag: new FakeDiag(), firmwareVersion: '1.0.0' });
    const s = await startConsoleSocket({ path: stalePath, processor, ha });
    try {
        const c = await Client.open(stalePath);
        assert.equal((await c.request({ id: 1, query: 'status' })).id, 1);
        c.close();
        await assert.rejects(startConsoleSocket({ path: stalePath, processor, ha }), (err) => {
            assert.ok(err instanceof ConsoleSocketError);
            assert.match(err.message, /another console server is listening/);
            return true;
        });
    }
    finally {
        await s.close();
    }
    assert.throws(() => statSync(stalePath), /ENOENT/, 'close removes the socket file');
    const plain = join(dir, 'plain-file');
    writeFileSync(plain, 'keep me');
    await assert.rejects(startConsoleSocket({ path: plain, processor, ha }), /exists and is not a socket/);
    assert.equal(statSync(plain).size, 7);
});
//# sourceMappingURL=socket-server.test.js.map