import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E, HalError } from '../../hal/errors.js';
import { FakeFenceDevice } from '../../hal/fence/fence.fake.js';
import { createLogger } from '../log/logger.js';
import { Lease, leaseTtlMs } from './lease.js';
const log = createLogger('test');
const settings = { intervalMs: 100, lostThreshold: 6 };
const vmac = Uint8Array.of(2, 0x54, 0x44, 7, 0, 0);
const plan = {
    announce: true,
    routes: [],
    ports: [
        { name: 'port1', ifname: 'port1', virtualMac: vmac, ipv4: ['198.18.2.1/24'], ipv6: [] },
        { name: 'port9', ifname: 'port9', virtualMac: null, ipv4: [], ipv6: [] },
    ],
};
test('lease length: one interval short of the lost threshold, at least one interval', () => {
    assert.equal(leaseTtlMs({ intervalMs: 100, lostThreshold: 6 }), 500);
    assert.equal(leaseTtlMs({ intervalMs: 10, lostThreshold: 3 }), 20);
    assert.equal(leaseTtlMs({ intervalMs: 200, lostThreshold: 1 }), 200);
});
test('renewal sets the deadline ttl ahead; revocation ends it; the view follows the fake clock', () => {
    const device = new FakeFenceDevice();
    const fake = device.fence;
    const lease = new Lease(device, settings, log);
    assert.equal(lease.view(0).state, 'revoked');
    lease.renew(1000);
    assert.equal(fake.untilMs, 1500);
    assert.equal(fake.revoked, false);
    assert.deepEqual(lease.view(1499), { state: 'held', ttlMs: 500, remainingMs: 1, renewals: 1, reason: '' });
    assert.equal(lease.view(1500).state, 'expired', 'at the deadline the kernel drops');
    lease.renew(1400);
    assert.equal(lease.view(1899).state, 'held');
    lease.revoke();
    assert.equal(fake.revoked, true);
    assert.equal(lease.view(1500).state, 'revoked');
    lease.setTiming({ intervalMs: 10, lostThreshold: 3 });
    lease.renew(2000);
    assert.equal(fake.untilMs, 2020);
    lease.close();
    assert.equal(fake.closed, true);
});
test('only ports presenting a virtual MAC are fenced', () => {
    const device = new FakeFenceDevice();
    const lease = new Lease(device, settings, log);
    lease.setPorts(plan);
    assert.deepEqual(device.fence.ports, [{ name: 'port1', ifname: 'port1', mac: vmac }]);
});
test('a kernel that cannot fence: the lease says why and renewals do nothing; a port that cannot be fenced is logged', () => {
    const device = new FakeFenceDevice();
    device.openError = new HalError('fence', 'attach', E.EINVAL, 'tcx needs Linux 6.6');
    const lease = new Lease(device, settings, log);
    lease.setPorts(plan);
    lease.renew(10);
    const v = lease.view(10);
    assert.equal(v.state, 'unavailable');
    assert.match(v.reason, /tcx needs Linux 6.6/);
    const refusing = new FakeFenceDevice();
    refusing.fence.attachErrno = E.EINVAL;
    const withBadPort = new Lease(refusing, settings, log);
    assert.doesNotThrow(() => withBadPort.setPorts(plan));
    withBadPort.renew(0);
    assert.equal(withBadPort.view(0).state, 'held');
});
//# sourceMappingURL=lease.test.js.map