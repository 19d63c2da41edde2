/** The resync's kernel dump source on a fake kernel: records come filtered, a frame's worth at a time; a closed dump filters nothing more. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeConntrack } from '../../hal/conntrack/conntrack.fake.js';
import { KernelDumpSource } from './dump-source.js';
import { sessionRecord } from './record-writer.js';
import { sessionOf } from './session-churn.testkit.js';
const settle = () => new Promise((resolve) => setImmediate(resolve));
function kernel(count) {
    const ct = new FakeConntrack();
    for (let n = 0; n < count; n++)
        ct.kernelCreate(sessionOf('tcp', n));
    return ct;
}
test('hands out what the filter keeps, then done, and closes its table handle', async () => {
    const ct = kernel(300);
    let closed = 0;
    const source = new KernelDumpSource(() => {
        const t = ct.open();
        const close = t.close.bind(t);
        t.close = () => {
            closed++;
            close();
        };
        return t;
    }, (s) => (s.orig.sport % 2 === 0 ? sessionRecord(s) : null), null);
    let records = 0;
    for (let turns = 0; turns < 100; turns++) {
        const r = source.next(64);
        if (r === 'done')
            break;
        records += r.length;
        await settle();
    }
    assert.equal(records, 150);
    assert.equal(source.next(64), 'done');
    assert.equal(source.reading, false);
    await settle();
    assert.equal(closed, 1);
});
test('a batch that arrives after close() goes through no filter: the resync it was for is gone', async () => {
    const ct = kernel(200);
    let filtered = 0;
    const source = new KernelDumpSource(() => ct.open(), (s) => {
        filtered++;
        return sessionRecord(s);
    }, null);
    assert.equal(source.reading, true);
    source.close(); // the first batch is on its way
    for (let i = 0; i < 5; i++)
        await settle();
    assert.equal(filtered, 0);
    assert.equal(source.reading, false);
});
//# sourceMappingURL=dump-source.test.js.map