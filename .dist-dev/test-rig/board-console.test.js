import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoardConsole } from './board-console.js';
/** Stands in for the pty master: what the firmware prints arrives through `emit`. */
function stubPty() {
    let handler = () => { };
    const written = [];
    return {
        path: '/dev/pts/stub',
        written,
        write: (d) => void written.push(Buffer.from(d).toString()),
        onData: (h) => void (handler = h),
        close: () => { },
        emit: (text) => handler(Buffer.from(text)),
    };
}
test('the console keeps exactly the last `capacity` bytes', () => {
    const pty = stubPty();
    const c = new BoardConsole(pty, 10);
    pty.emit('0123');
    pty.emit('4567');
    assert.equal(c.tail().toString(), '01234567');
    pty.emit('89');
    assert.equal(c.tail().toString(), '0123456789');
    pty.emit('a');
    assert.equal(c.tail().toString(), '123456789a');
    pty.emit('bcdefghijklmnop');
    assert.equal(c.tail().toString(), 'ghijklmnop');
});
test('attached listeners get output from then on, until detached; typing reaches the pty', () => {
    const pty = stubPty();
    const c = new BoardConsole(pty);
    pty.emit('before ');
    const got = [];
    const detach = c.attach((chunk) => got.push(chunk.toString()));
    pty.emit('during');
    detach();
    pty.emit(' after');
    assert.deepEqual(got, ['during']);
    c.write('get system status\r');
    assert.deepEqual(pty.written, ['get system status\r']);
});
//# sourceMappingURL=board-console.test.js.map