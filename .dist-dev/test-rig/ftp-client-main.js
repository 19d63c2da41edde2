/**
 * A small FTP client run in the rig's client namespace (ftp-client.ts starts it): one control
 * connection, driven step by step, so a test can ask for passive mode, fault the boards, and
 * only then open the data connection. Commands arrive on stdin and answers leave on stdout, one
 * JSON line each, in order; the first line says it runs. An answer is `{ ok: true, ... }` or
 * `{ ok: false, error }`; nothing throws past a command.
 *
 *   { op: 'login', server }   connect to TCP 21, USER anonymous, PASS
 *   { op: 'pasv' }            PASV; answers the announced address and port
 *   { op: 'retr', file, connectMs }  connect to the last PASV's port (given up after connectMs),
 *                             then RETR; answers the bytes' count and SHA-256 once 226 arrives
 *   { op: 'noop' }            NOOP: whether the control connection still carries commands
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
const REPLY_MS = 10_000;
function say(value) {
    process.stdout.write(`${JSON.stringify(value)}\n`);
}
/** The control connection: lines in, replies out (multi-line replies joined). */
class Control {
    socket;
    pending = '';
    replies = [];
    waiter = null;
    closed = null;
    constructor(socket) {
        this.socket = socket;
        socket.on('data', (d) => {
            this.pending += d.toString('latin1');
            this.split();
        });
        const end = (why) => {
            this.closed ??= why;
            this.waiter?.();
        };
        socket.on('error', (e) => end(e.message));
        socket.on('close', () => end('the control connection closed'));
    }
    split() {
        // A reply ends with a line "ddd text"; "ddd-text" lines before it continue it.
        for (let m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.pending); m; m = /(^|\r\n)(\d{3}) [^\r\n]*\r\n/.exec(this.pending)) {
            const end = m.index + m[0].length;
            this.replies.push({ code: Number(m[2]), text: this.pending.slice(0, end).trim() });
            this.pending = this.pending.slice(end);
        }
        this.waiter?.();
    }
    async reply(ms = REPLY_MS) {
        const until = Date.now() + ms;
        while (this.replies.length === 0) {
            if (this.closed !== null)
                throw new Error(this.closed);
            const left = until - Date.now();
            if (left <= 0)
                throw new Error(`no reply within ${ms} ms`);
            await new Promise((resolve) => {
                const timer = setTimeout(resolve, left);
                this.waiter = () => {
                    clearTimeout(timer);
                    resolve();
                };
            });
            this.waiter = null;
        }
        return this.replies.shift();
    }
    async command(line, expect) {
        this.socket.write(`${line}\r\n`);
        const r = await this.reply();
        if (!expect.includes(r.code))
            throw new Error(`${line.split(' ')[0]}: ${r.text}`);
        return r;
    }
}
let control = null;
let passive = null;
function open(host, port, ms) {
    return new Promise((resolve, reject) => {
        const s = connect({ host, port });
        const timer = setTimeout(() => {
            s.destroy();
            reject(new Error(`data connection to ${host}:${port}: not connected within ${ms} ms`));
        }, ms);
        s.once('connect', () => {
            clearTimeout(timer);
            resolve(s);
        });
        s.once('error', (e) => {
            clearTimeout(timer);
            reject(new Error(`data connection to ${host}:${port}: ${e.message}`));
        });
    });
}
async function retr(c, file, connectMs) {
    if (!passive)
        throw new Error('retr before pasv');
    const data = await open(passive.host, passive.port, connectMs);
    const hash = createHash('sha256');
    let bytes = 0;
    const done = new Promise((resolve, reject) => {
        data.on('data', (d) => {
            hash.update(d);
            bytes += d.length;
        });
        data.on('end', resolve);
        data.on('error', reject);
    });
    await c.command(`RETR ${file}`, [125, 150]);
    await done;
    const end = await c.reply();
    if (end.code !== 226)
        throw new Error(`RETR: ${end.text}`);
    return { bytes, sha256: hash.digest('hex') };
}
async function run(cmd) {
    if (cmd.op === 'login') {
        const socket = connect({ host: cmd.server, port: 21 });
        control = new Control(socket);
        const hello = await control.reply();
        if (hello.code !== 220)
            throw new Error(`greeting: ${hello.text}`);
        const user = await control.command('USER anonymous', [230, 331]);
        if (user.code === 331)
            await control.command('PASS rig@', [230]);
        return { localPort: socket.localPort };
    }
    if (!control)
        throw new Error(`${cmd.op} before login`);
    switch (cmd.op) {
        case 'pasv': {
            const r = await control.command('PASV', [227]);
            const m = /(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(r.text);
            if (!m)
                throw new Error(`PASV reply without an address: ${r.text}`);
            passive = { host: `${m[1]}.${m[2]}.${m[3]}.${m[4]}`, port: Number(m[5]) * 256 + Number(m[6]) };
            return passive;
        }
        case 'retr':
            return retr(control, cmd.file, cmd.connectMs);
        case 'noop':
            return { reply: (await control.command('NOOP', [200])).text };
    }
}
const lines = createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
    queue = queue.then(async () => {
        try {
            say({ ok: true, ...(await run(JSON.parse(line))) });
        }
        catch (e) {
            say({ ok: false, error: e.message });
        }
    });
});
lines.on('close', () => process.exit(0));
say({ ok: true, ready: true });
//# sourceMappingURL=ftp-client-main.js.map