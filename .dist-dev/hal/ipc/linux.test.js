/**
 * The Linux IPC driver against the real kernel: socketpair streams that never block, memfd
 * memory shared with a child process, and PR_SET_PDEATHSIG ending an orphan.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { HalError } from '../errors.js';
import { createLinuxIpc } from './linux.js';
const ipc = createLinuxIpc();
const CHILD = new URL('./child.testkit.js', import.meta.url).pathname;
test('a stream pair: bytes both ways, short writes when full, -1 after the other end closes', () => {
    const [a, b] = ipc.streamPair();
    const buf = new Uint8Array(64 * 1024);
    assert.equal(b.read(buf), 0, 'nothing queued: 0, not a block');
    assert.equal(a.write(Uint8Array.of(1, 2, 3), 3), 3);
    assert.equal(b.read(buf), 3);
    assert.deepEqual([...buf.subarray(0, 3)], [1, 2, 3]);
    let sent = 0;
    for (let n = a.write(buf, buf.length); n > 0; n = a.write(buf, buf.length))
        sent += n;
    assert.ok(sent >= 64 * 1024, `the send buffer took ${sent} bytes`);
    assert.equal(a.write(buf, buf.length), 0, 'full: 0, not a block');
    let received = 0;
    for (let n = b.read(buf); n > 0; n = b.read(buf))
        received += n;
    assert.equal(received, sent);
    a.write(Uint8Array.of(9), 1);
    a.close();
    assert.equal(b.read(buf), 1, 'what was sent before the close is still read');
    assert.equal(b.read(buf), -1);
    assert.equal(b.write(buf, 1), -1, 'no SIGPIPE: -1');
    b.close();
});
test('a stream inherited by a child process carries bytes both ways', async () => {
    const child = spawn(process.execPath, [CHILD, 'echo'], { stdio: ['ignore', 'inherit', 'inherit', 'pipe'] });
    const socket = child.stdio[3];
    socket.write(Buffer.from('heartbeat'));
    const [echoed] = await once(socket, 'data');
    assert.equal(String(echoed), 'heartbeat');
    socket.end();
    const [code] = await once(child, 'exit');
    assert.equal(code, 0, 'the child saw the end of the stream');
});
test('shared memory: a child maps the inherited fd and its store is seen here', async () => {
    const memory = ipc.createSharedMemory(4096);
    const cells = new Int32Array(memory.buffer);
    assert.equal(cells[0], 0, 'new memory is zeroed');
    const child = spawn(process.execPath, [CHILD, 'stamp', '424242'], {
        stdio: ['ignore', 'inherit', 'inherit', 'ignore', memory.fd],
    });
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
    assert.equal(Atomics.load(cells, 0), 424242);
    assert.throws(() => ipc.mapSharedMemory(-1, 4096), (e) => e instanceof HalError && e.errno === 9);
});
test('dieWithParent: an orphan is killed with its parent; a wrong parent pid is reported', async () => {
    assert.equal(ipc.dieWithParent(2 ** 22 + 1), false, 'not our parent');
    const parent = spawn(process.execPath, [CHILD, 'parent'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = await once(parent.stdout, 'data');
    const orphan = Number(String(line).trim());
    assert.ok(orphan > 0 && existsSync(`/proc/${orphan}`), `the orphan runs (${String(line).trim()})`);
    parent.kill('SIGKILL');
    await once(parent, 'exit');
    for (let i = 0; i < 200 && existsSync(`/proc/${orphan}`); i++)
        await sleep(10);
    assert.equal(existsSync(`/proc/${orphan}`), false, 'the orphan outlived its parent');
});
//# sourceMappingURL=linux.test.js.map