/**
 * The sd_notify driver against real AF_UNIX datagram sockets. The receiver is Python's socket
 * module, which binds `@name` the way systemd does (a leading NUL, no trailing one in the
 * length), so an address this driver encoded differently would not reach it. It passes the
 * sender's credentials (SO_PASSCRED), as the manager reads them for NotifyAccess=main.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { E, HalError } from '../errors.js';
import { createLinuxNotify } from './linux.js';
/** argv: the address ($NOTIFY_SOCKET form) and how many datagrams to print (0: read none, wait for stdin to close). */
const RECEIVER = `
import json, socket, struct, sys
addr, count = sys.argv[1], int(sys.argv[2])
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind('\\0' + addr[1:] if addr.startswith('@') else addr)
print('ready', flush=True)
if count == 0:
    sys.stdin.read()
for _ in range(count):
    data, anc, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(12))
    pid = next((struct.unpack('i', d[:4])[0] for level, kind, d in anc
                if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS), None)
    print(json.dumps({'state': data.decode('latin1'), 'pid': pid}), flush=True)
`;
class Receiver {
    child;
    datagrams = [];
    exited;
    constructor(child) {
        this.child = child;
        this.exited = once(child, 'exit');
    }
    /** A receiver bound at `address` (resolves once it is bound) that takes `count` datagrams, or none for 0. */
    static async bind(address, count) {
        const child = spawn('python3', ['-c', RECEIVER, address, String(count)], { stdio: ['pipe', 'pipe', 'inherit'] });
        const r = new Receiver(child);
        const lines = createInterface({ input: child.stdout });
        const ready = new Promise((resolve, reject) => {
            lines.on('line', (line) => (line === 'ready' ? resolve() : r.datagrams.push(JSON.parse(line))));
            child.once('exit', (code) => reject(new Error(`the receiver at ${address} exited (${code}) before it was bound`)));
        });
        await ready;
        return r;
    }
    /** Everything it received, once it has taken its count and exited. */
    async received() {
        await this.exited;
        return this.datagrams;
    }
    async stop() {
        this.child.stdin.end();
        await this.exited;
    }
}
function withDir(body) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-notify-'));
    return body(dir).finally(() => rmSync(dir, { recursive: true, force: true }));
}
/** Sends one notification from a worker thread; resolves with its errno. */
async function sendFromThread(socket, state) {
    const worker = new Worker(new URL('./thread.testkit.js', import.meta.url), { workerData: { socket, state } });
    const [err] = await once(worker, 'message');
    await once(worker, 'exit');
    return err;
}
const notify = createLinuxNotify();
test('a path: each notification is one datagram with exactly its text, from this pid on any thread', () => withDir(async (dir) => {
    const socket = join(dir, 'notify');
    const receiver = await Receiver.bind(socket, 3);
    const notifier = notify.open(socket);
    assert.equal(notifier.socket, socket);
    assert.equal(notifier.send('READY=1\nSTATUS=HA primary, primary FGT60F0000000001'), 0);
    assert.equal(notifier.send('WATCHDOG=1'), 0);
    assert.equal(await sendFromThread(socket, 'WATCHDOG=1'), 0);
    notifier.close();
    assert.deepEqual(await receiver.received(), [
        { state: 'READY=1\nSTATUS=HA primary, primary FGT60F0000000001', pid: process.pid },
        { state: 'WATCHDOG=1', pid: process.pid },
        { state: 'WATCHDOG=1', pid: process.pid },
    ]);
}));
test('an abstract name: a leading NUL and no trailing one, up to the 107 bytes sun_path leaves', async () => {
    const socket = `@tandem-notify-test-${process.pid}`;
    const receiver = await Receiver.bind(socket, 1);
    const notifier = notify.open(socket);
    assert.equal(notifier.send('STOPPING=1\nSTATUS=SIGTERM: leaving the cluster'), 0);
    notifier.close();
    assert.deepEqual(await receiver.received(), [{ state: 'STOPPING=1\nSTATUS=SIGTERM: leaving the cluster', pid: process.pid }]);
    const longest = `@${`tandem-${process.pid}-`.padEnd(107, 'x')}`;
    const far = await Receiver.bind(longest, 1);
    const n = notify.open(longest);
    assert.equal(n.send('READY=1'), 0);
    n.close();
    assert.deepEqual(await far.received(), [{ state: 'READY=1', pid: process.pid }]);
});
test('failures are errnos, never a throw or a block: nobody bound, the receiver gone, its queue full', () => withDir(async (dir) => {
    assert.equal(notify.open(join(dir, 'missing')).send('WATCHDOG=1'), E.ENOENT);
    const abstractGone = notify.open(`@tandem-notify-nobody-${process.pid}`);
    assert.equal(abstractGone.send('WATCHDOG=1'), E.ECONNREFUSED);
    const socket = join(dir, 'notify');
    const idle = await Receiver.bind(socket, 0);
    const notifier = notify.open(socket);
    const results = [];
    for (let i = 0; i < 100; i++)
        results.push(notifier.send('WATCHDOG=1'));
    const delivered = results.filter((r) => r === 0).length;
    assert.ok(delivered > 0 && delivered < 100, `${delivered} of 100 queued for a receiver that reads none`);
    assert.deepEqual(new Set(results.slice(delivered)), new Set([E.EAGAIN]), 'the rest: EAGAIN, not a blocked sender');
    await idle.stop();
    assert.equal(notifier.send('WATCHDOG=1'), E.ECONNREFUSED, 'the socket file is left, nobody is bound to it');
    notifier.close();
    notifier.close();
    assert.equal(notifier.send('WATCHDOG=1'), 0, 'a closed notifier sends nothing');
}));
test('no NOTIFY_SOCKET: a notifier that sends nothing', () => {
    for (const socket of [undefined, '']) {
        const notifier = notify.open(socket);
        assert.equal(notifier.socket, null);
        assert.equal(notifier.send('READY=1'), 0);
        notifier.close();
    }
});
test('a NOTIFY_SOCKET that is no unix address, or too long for sun_path, is a HalError naming it', () => {
    const refused = (socket, errno) => assert.throws(() => notify.open(socket), (e) => e instanceof HalError && e.errno === errno && e.message.startsWith(`notify ${socket}:`), socket);
    refused('run/systemd/notify', E.EINVAL);
    refused('vsock:2:1234', E.EINVAL);
    refused('@', E.EINVAL);
    refused(`/${'x'.repeat(107)}`, E.ENAMETOOLONG);
    refused(`@${'x'.repeat(108)}`, E.ENAMETOOLONG);
    notify.open(`/${'x'.repeat(106)}`).close();
});
//# sourceMappingURL=linux.test.js.map