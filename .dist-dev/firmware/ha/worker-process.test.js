import assert from 'node:assert/strict';
import { test } from 'node:test';
import { workerCommand } from './worker-process.js';
test('the worker runs on this Node, or behind TANDEM_EXEC_WRAPPER when it is set', () => {
    const plain = workerCommand(undefined);
    assert.equal(plain.file, process.execPath);
    assert.match(plain.args.at(-1) ?? '', /\/worker\.js$/);
    assert.deepEqual(workerCommand('  ').file, process.execPath);
    const wrapped = workerCommand(' qemu-aarch64-static  -L /srv/sysroot ');
    assert.equal(wrapped.file, 'qemu-aarch64-static');
    assert.deepEqual(wrapped.args.slice(0, 3), ['-L', '/srv/sysroot', process.execPath]);
    assert.deepEqual(wrapped.args.slice(3), plain.args);
});
//# sourceMappingURL=worker-process.test.js.map