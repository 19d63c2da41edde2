import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { E } from '../../hal/errors.js';
import { FakeNotify } from '../../hal/notify/notify.fake.js';
import { helloSnapshot, pairSnapshot, standaloneSnapshot } from '../console/views.fixture.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { FakeTimers } from '../time/timers.fake.js';
import { haStatusLine, ServiceNotifications } from './notifications.js';
const SOCKET = '/run/systemd/notify';
function setup(socket) {
    const notify = new FakeNotify();
    const events = [];
    setLogSink((r) => events.push(r));
    const timers = new FakeTimers(new FakeClock());
    const notifications = new ServiceNotifications({ device: notify, socket, timers, log: createLogger('service') });
    return { notify, events, timers, notifications };
}
test('READY with the first STATUS, a STATUS only when the line changes, STOPPING with why', () => {
    const s = setup(SOCKET);
    assert.equal(s.notifications.socket, SOCKET);
    s.notifications.ready('HA A-P hello, primary none');
    s.notifications.status('HA A-P hello, primary none');
    s.notifications.status('HA A-P secondary, primary TDSIM00000000001');
    s.notifications.status('HA A-P secondary, primary TDSIM00000000001');
    s.notifications.stopping('SIGTERM: leaving the cluster and shutting down');
    assert.deepEqual(s.notify.states(), [
        'READY=1\nSTATUS=HA A-P hello, primary none',
        'STATUS=HA A-P secondary, primary TDSIM00000000001',
        'STOPPING=1\nSTATUS=SIGTERM: leaving the cluster and shutting down',
    ]);
});
test('a line break or NUL in a status cannot add an assignment or void the datagram', () => {
    const s = setup(SOCKET);
    s.notifications.ready('HA A-P secondary, primary EVIL\nSTOPPING=1');
    s.notifications.status('HA A-P secondary, primary EV\0IL');
    assert.deepEqual(s.notify.states(), [
        'READY=1\nSTATUS=HA A-P secondary, primary EVIL STOPPING=1',
        'STATUS=HA A-P secondary, primary EV IL',
    ]);
});
test('without a manager nothing is sent; a refused NOTIFY_SOCKET is said once and then ignored', () => {
    const none = setup(undefined);
    assert.equal(none.notifications.socket, null);
    none.notifications.ready('standalone');
    assert.deepEqual(none.notify.sent, []);
    assert.deepEqual(none.events, []);
    const bad = setup('run/notify');
    assert.equal(bad.notifications.socket, null);
    bad.notifications.ready('standalone');
    assert.deepEqual(bad.notify.sent, []);
    assert.equal(bad.events.length, 1);
    assert.match(bad.events[0]?.message ?? '', /cannot notify the service manager: notify run\/notify: .*errno 22/);
});
test('a READY that fails is sent again until it goes through, with the newest status; logged once per errno', () => {
    const s = setup(SOCKET);
    s.notify.failWith = E.EAGAIN;
    s.notifications.ready('HA A-P hello, primary none');
    s.notifications.status('HA A-P secondary, primary TDSIM00000000001');
    s.timers.advance(249);
    assert.deepEqual(s.notify.sent, []);
    s.timers.advance(1);
    s.timers.advance(250);
    s.notify.failWith = 0;
    s.timers.advance(249);
    assert.deepEqual(s.notify.sent, [], 'tried again every 250 ms');
    s.timers.advance(1);
    assert.deepEqual(s.notify.states(), ['READY=1\nSTATUS=HA A-P secondary, primary TDSIM00000000001']);
    assert.equal(s.timers.armed, 0, 'nothing owed, nothing armed');
    assert.deepEqual(s.events.map((e) => e.message), [`notifying the service manager at ${SOCKET} failed (errno 11); trying again`]);
});
test('STOPPING supersedes a READY still owed; the stop line stays while the HA state changes', () => {
    const s = setup(SOCKET);
    s.notify.failWith = E.ECONNREFUSED;
    s.notifications.ready('standalone');
    s.notifications.stopping('SIGTERM: leaving the cluster and shutting down');
    s.notify.failWith = 0;
    s.timers.advance(250);
    s.notifications.status('HA A-P hello, primary none');
    assert.deepEqual(s.notify.states(), ['STOPPING=1\nSTATUS=SIGTERM: leaving the cluster and shutting down']);
});
test('the status line: standalone, or the mode, this unit role and the primary', () => {
    assert.equal(haStatusLine(standaloneSnapshot()), 'standalone');
    assert.equal(haStatusLine(helloSnapshot()), 'HA A-P hello, primary none');
    assert.equal(haStatusLine(pairSnapshot()), 'HA A-P primary, primary TDSIM00000000001');
    const secondary = { ...pairSnapshot(), serial: 'TDSIM00000000002', state: 'standby' };
    assert.equal(haStatusLine(secondary), 'HA A-P secondary, primary TDSIM00000000001');
    const staleElection = { ...pairSnapshot(), state: 'hello' };
    assert.equal(haStatusLine(staleElection), 'HA A-P hello, primary none', 'in hello an earlier election names nobody');
});
//# sourceMappingURL=notifications.test.js.map