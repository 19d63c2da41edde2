import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeIpc } from '../../hal/ipc/ipc.fake.js';
import { HEALTH_BYTES, HEARTBEAT_WORKER, HealthStamps, MAIN_THREAD, unhealthy } from './health.js';
const limits = { maxMainLagMs: 3000, maxWorkerStallMs: 2000 };
const ipc = new FakeIpc();
const stamps = () => new HealthStamps(ipc.createSharedMemory(HEALTH_BYTES));
test('ages are exact at the limits, and a worker that is not running is not judged', () => {
    const s = stamps();
    s.stamp(MAIN_THREAD, 10_000.7);
    assert.equal(s.ageMs(HEARTBEAT_WORKER, 10_000), null);
    assert.equal(unhealthy(s, 13_000, limits), null, 'exactly at the limit is still healthy');
    assert.match(unhealthy(s, 13_001, limits) ?? '', /main thread's event loop did not run for more than 3\.0 s/);
    s.stamp(MAIN_THREAD, 13_001);
    s.stamp(HEARTBEAT_WORKER, 11_001);
    assert.equal(unhealthy(s, 13_001, limits), null);
    assert.match(unhealthy(s, 13_002, limits) ?? '', /heartbeat worker did not run for more than 2\.0 s/);
    s.clear(HEARTBEAT_WORKER);
    assert.equal(unhealthy(s, 13_002, limits), null);
});
test('a main thread that never stamped is unhealthy', () => {
    assert.match(unhealthy(stamps(), 5, limits) ?? '', /main thread/);
});
test('stamps survive the 31-bit wrap, and every mapping sees the same memory', () => {
    const a = stamps();
    const b = new HealthStamps(ipc.mapSharedMemory(a.memory.fd, HEALTH_BYTES));
    const wrap = 2 ** 31 - 1;
    a.stamp(MAIN_THREAD, wrap - 500);
    assert.equal(b.ageMs(MAIN_THREAD, wrap + 700), 1200);
    assert.equal(b.ageMs(MAIN_THREAD, 3 * wrap - 500), 0);
});
//# sourceMappingURL=health.test.js.map