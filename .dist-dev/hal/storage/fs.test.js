import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HalError } from '../errors.js';
import { createFileStorage } from './fs.js';
function withDir(body) {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-fs-'));
    try {
        body(dir);
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
}
test('read of a missing file is undefined', () => {
    withDir((dir) => {
        assert.equal(createFileStorage().read(join(dir, 'nope.conf')), undefined);
        assert.equal(createFileStorage().read(join(dir, 'no', 'folder.conf')), undefined);
    });
});
test('writeAtomic creates missing folders, writes the text, leaves no temp file', () => {
    withDir((dir) => {
        const storage = createFileStorage();
        const path = join(dir, 'flash', 'sub', 'tandem.conf');
        const text = 'config system global\n    set hostname "ünï"\nend\n';
        storage.writeAtomic(path, text);
        assert.equal(readFileSync(path, 'utf8'), text);
        assert.equal(storage.read(path), text);
        assert.deepEqual(readdirSync(join(dir, 'flash', 'sub')), ['tandem.conf']);
        assert.equal(statSync(path).mode & 0o777, 0o600);
    });
});
test('writeAtomic replaces by rename: a reader of the old file still sees the old text', () => {
    withDir((dir) => {
        const storage = createFileStorage();
        const path = join(dir, 'tandem.conf');
        storage.writeAtomic(path, 'old text, longer than the new one\n');
        const before = statSync(path).ino;
        const fd = openSync(path, 'r');
        try {
            storage.writeAtomic(path, 'new\n');
            const buf = Buffer.alloc(100);
            const n = readSync(fd, buf, 0, buf.length, 0);
            assert.equal(buf.subarray(0, n).toString(), 'old text, longer than the new one\n');
        }
        finally {
            closeSync(fd);
        }
        assert.equal(storage.read(path), 'new\n');
        assert.notEqual(statSync(path).ino, before);
        assert.deepEqual(readdirSync(dir), ['tandem.conf']);
    });
});
test('a failed write throws HalError, keeps the old file and removes its temp file', () => {
    withDir((dir) => {
        const storage = createFileStorage();
        const target = join(dir, 'is-a-folder');
        mkdirSync(join(target, 'inside'), { recursive: true });
        assert.throws(() => storage.writeAtomic(target, 'text'), (err) => err instanceof HalError && err.device === 'storage' && err.operation === `write ${target}` && err.errno > 0);
        assert.deepEqual(readdirSync(dir), ['is-a-folder']);
        const file = join(dir, 'plain-file');
        writeFileSync(file, 'x');
        assert.throws(() => storage.writeAtomic(join(file, 'child.conf'), 'text'), (err) => err instanceof HalError && err.operation === `mkdir ${file}`);
        assert.equal(readFileSync(file, 'utf8'), 'x');
    });
});
test('read of something that is not a file throws HalError', () => {
    withDir((dir) => {
        assert.throws(() => createFileStorage().read(dir), (err) => err instanceof HalError && /EISDIR/.test(err.message));
    });
});
test('list names the files of a folder, sorted; a missing folder has none', () => {
    withDir((dir) => {
        const storage = createFileStorage();
        storage.writeAtomic(join(dir, 'b.conf'), 'b');
        storage.writeAtomic(join(dir, 'a.conf'), 'a');
        mkdirSync(join(dir, 'sub'));
        assert.deepEqual(storage.list(dir), ['a.conf', 'b.conf']);
        assert.deepEqual(storage.list(join(dir, 'nope')), []);
        assert.throws(() => storage.list(join(dir, 'a.conf')), (err) => err instanceof HalError && err.operation === `list ${join(dir, 'a.conf')}`);
    });
});
test('remove deletes a file; a missing one is no error; a folder is refused', () => {
    withDir((dir) => {
        const storage = createFileStorage();
        const path = join(dir, 'x.conf');
        storage.writeAtomic(path, 'x');
        storage.remove(path);
        assert.deepEqual(readdirSync(dir), []);
        storage.remove(path);
        mkdirSync(join(dir, 'sub'));
        assert.throws(() => storage.remove(join(dir, 'sub')), (err) => err instanceof HalError && err.operation === `remove ${join(dir, 'sub')}`);
    });
});
//# sourceMappingURL=fs.test.js.map