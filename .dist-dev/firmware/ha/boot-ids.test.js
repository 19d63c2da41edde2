import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { createLogger } from '../log/logger.js';
import { BootIds } from './boot-ids.js';
/** The flash; its writes fail when told to, as a full or read-only flash does. */
function fakeStorage() {
    return new MemoryStorage();
}
const log = createLogger('test');
test('boot ids grow across starts and are persisted before use', () => {
    const s = fakeStorage();
    const ids = new BootIds(s, '/flash/boot-id', log);
    assert.equal(ids.next(), 1);
    assert.equal(s.files.get('/flash/boot-id'), '1\n');
    assert.equal(ids.next(), 2);
    assert.equal(new BootIds(s, '/flash/boot-id', log).next(), 3, 'a new process carries on');
});
test('a damaged file starts over; the top of the range wraps to 1', () => {
    const s = fakeStorage();
    s.files.set('/flash/boot-id', 'garbage');
    assert.equal(new BootIds(s, '/flash/boot-id', log).next(), 1);
    s.files.set('/flash/boot-id', '4294967295\n');
    assert.equal(new BootIds(s, '/flash/boot-id', log).next(), 1);
});
test('a flash that cannot be written: a random id, never a thrown error', () => {
    const s = fakeStorage();
    s.failWrites = true;
    const id = new BootIds(s, '/flash/boot-id', log).next();
    assert.ok(Number.isInteger(id) && id >= 1 && id < 0xffff_ffff);
});
//# sourceMappingURL=boot-ids.test.js.map