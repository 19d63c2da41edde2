import assert from 'node:assert/strict';
import { test } from 'node:test';
import { servicePings } from './service-watchdog.js';
const SOCKET = '/run/systemd/notify';
test('WatchdogSec=10: WATCHDOG_USEC 10000000 pings every 5 s, whether or not WATCHDOG_PID names this process', () => {
    assert.deepEqual(servicePings(SOCKET, { WATCHDOG_USEC: '10000000' }, 4242), { socket: SOCKET, intervalMs: 5000 });
    assert.deepEqual(servicePings(SOCKET, { WATCHDOG_USEC: '10000000', WATCHDOG_PID: '4242' }, 4242), {
        socket: SOCKET,
        intervalMs: 5000,
    });
    assert.deepEqual(servicePings(SOCKET, { WATCHDOG_USEC: '3' }, 1), { socket: SOCKET, intervalMs: 0.0015 });
});
test('no pings for another process, without WatchdogSec, without a manager, or for values that are no numbers', () => {
    const off = (socket, env) => {
        const r = servicePings(socket, env, 4242);
        assert.ok('off' in r, JSON.stringify(env));
        return r.off;
    };
    assert.equal(off(SOCKET, { WATCHDOG_USEC: '10000000', WATCHDOG_PID: '4243' }), 'WATCHDOG_PID 4243 is not this process (4242)');
    assert.equal(off(SOCKET, {}), 'no WatchdogSec (WATCHDOG_USEC is not set)');
    assert.equal(off(SOCKET, { WATCHDOG_USEC: '' }), 'no WatchdogSec (WATCHDOG_USEC is not set)');
    assert.equal(off(null, { WATCHDOG_USEC: '10000000' }), 'no service manager to ping (NOTIFY_SOCKET is not set)');
    assert.match(off(SOCKET, { WATCHDOG_USEC: '0' }), /WATCHDOG_USEC "0" is not a positive number/);
    assert.match(off(SOCKET, { WATCHDOG_USEC: '10s' }), /WATCHDOG_USEC "10s" is not/);
    assert.match(off(SOCKET, { WATCHDOG_USEC: '-5' }), /WATCHDOG_USEC "-5" is not/);
    assert.equal(off(SOCKET, { WATCHDOG_USEC: '10000000', WATCHDOG_PID: 'self' }), 'WATCHDOG_PID "self" is not a pid');
});
//# sourceMappingURL=service-watchdog.test.js.map