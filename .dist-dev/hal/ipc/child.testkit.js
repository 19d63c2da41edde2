/**
 * Child processes for the IPC driver's tests (linux.test.ts), run as
 * `node child.testkit.js <mode> [arg]`:
 * - `stamp <value>`: maps the shared memory at fd 4 and stores value in its first 32-bit cell;
 * - `echo`: echoes what comes on the stream at fd 3 until the other end closes;
 * - `parent`: starts `orphan` as its child, prints the child's pid once it is ready, then waits;
 * - `orphan`: asks to die with its parent, prints "ready", then waits.
 */
import { spawn } from 'node:child_process';
import { createLinuxIpc } from './linux.js';
const ipc = createLinuxIpc();
const [mode, arg] = process.argv.slice(2);
const forever = () => setInterval(() => { }, 60_000);
if (mode === 'stamp') {
    Atomics.store(new Int32Array(ipc.mapSharedMemory(4, 4).buffer), 0, Number(arg));
}
else if (mode === 'echo') {
    const stream = ipc.adoptStream(3);
    const buf = new Uint8Array(4096);
    const pump = setInterval(() => {
        for (let n = stream.read(buf); n !== 0; n = stream.read(buf)) {
            if (n < 0) {
                clearInterval(pump);
                return;
            }
            stream.write(buf, n);
        }
    }, 5);
}
else if (mode === 'parent') {
    const child = spawn(process.execPath, [process.argv[1] ?? '', 'orphan'], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => process.stdout.write(`${child.pid}\n`));
    forever();
}
else if (mode === 'orphan') {
    process.stdout.write(ipc.dieWithParent(process.ppid) ? 'ready\n' : 'parent already gone\n');
    forever();
}
//# sourceMappingURL=child.testkit.js.map