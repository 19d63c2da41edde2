import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { FakeIcmp } from '../../hal/icmp/icmp.fake.js';
import { setLogSink } from '../log/logger.js';
import { FakeTimers } from '../time/timers.fake.js';
import { DRAIN_PERIOD_MS, RemoteLinkMonitor } from './remote-link-monitor.js';
const logged = [];
setLogSink((r) => logged.push(r));
const A = '198.18.2.254';
const B = '198.18.2.253';
const MIN = 60_000;
const T0 = 1000;
function wan(overrides = {}) {
    return {
        name: 'wan-check',
        srcintf: 'port2',
        server: [A, B],
        intervalMs: 500,
        failtime: 5,
        recoverytime: 3,
        haPriority: 1,
        ...overrides,
    };
}
function settings(overrides = {}) {
    return { pingserverMonitorInterface: ['port2'], pingserverFailoverThreshold: 0, pingserverFlipTimeoutMin: 6, ...overrides };
}
const sourceOf = (port) => (port === 'port2' ? '198.18.2.1' : undefined);
function setup(monitors = [wan()], ha = settings()) {
    const clock = new FakeClock(T0);
    const timers = new FakeTimers(clock);
    const icmp = new FakeIcmp(clock);
    const ports = [
        { name: 'port1', ifname: 'eth1' },
        { name: 'port2', ifname: 'eth2' },
    ];
    const mon = new RemoteLinkMonitor({ icmp, clock, timers, ports, idBase: 0x4000 });
    const verdicts = [];
    mon.onVerdict((failed, reason) => verdicts.push({ failed, reason, atMs: clock.nowMs() }));
    mon.configure(monitors, ha, sourceOf);
    logged.length = 0;
    return { clock, timers, icmp, mon, verdicts };
}
const serverStates = (mon, i = 0) => mon.views().monitors[i]?.servers.map((s) => s.state);
test('a secondary sends nothing; the primary probes every server each interval from its port and address', () => {
    const { timers, icmp, mon } = setup();
    timers.advance(10_000);
    assert.equal(icmp.opened.length, 0);
    mon.setActive(true);
    assert.equal(icmp.opened.length, 1);
    const p = icmp.opened[0];
    assert.deepEqual([p.ifname, p.source, p.id], ['eth2', '198.18.2.1', 0x4000]);
    assert.deepEqual(p.probes, [
        { dst: A, seq: 1 },
        { dst: B, seq: 1 },
    ]);
    timers.advance(499);
    assert.equal(p.probes.length, 2);
    timers.advance(1);
    assert.deepEqual(p.probes.slice(2), [
        { dst: A, seq: 2 },
        { dst: B, seq: 2 },
    ]);
    assert.equal(mon.views().monitors[0]?.probing, true);
});
test('failtime: the verdict fails exactly when the failtime-th probe of every server is judged lost', () => {
    const { timers, mon, verdicts } = setup();
    mon.setActive(true);
    timers.advance(5 * 500 - 1);
    assert.equal(verdicts.length, 0);
    assert.deepEqual(serverStates(mon), ['alive', 'alive']);
    assert.equal(mon.failed, false);
    timers.advance(1);
    assert.deepEqual(verdicts, [
        {
            failed: true,
            reason: 'link-monitor wan-check (port2) lost every server: failed weight 1 >= pingserver-failover-threshold 0',
            atMs: T0 + 2500,
        },
    ]);
    assert.equal(mon.failed, true);
    const events = logged.filter((r) => r.event).map((r) => `${r.level} ${r.message}`);
    assert.deepEqual(events, [
        `warn link-monitor wan-check: server ${A} is dead (5 probes lost in a row)`,
        `warn link-monitor wan-check: server ${B} is dead (5 probes lost in a row)`,
        'warn link-monitor wan-check on port2 has failed: every server is dead',
        `warn remote link failed: ${verdicts[0]?.reason}`,
    ]);
});
test('one server of two answering keeps the monitor, and the unit, up', () => {
    const { timers, icmp, mon, verdicts } = setup();
    icmp.reachable.add(B);
    mon.setActive(true);
    timers.advance(60_000);
    assert.deepEqual(serverStates(mon), ['dead', 'alive']);
    assert.deepEqual(verdicts, []);
    const [a, b] = mon.views().monitors[0].servers;
    assert.deepEqual([a?.sent, a?.replies, a?.lost, a?.lastRttMs], [121, 0, 120, null]);
    assert.deepEqual([b?.sent, b?.replies, b?.lost, b?.lastRttMs], [121, 120, 0, 1.5], 'the last reply is still on its way');
});
test('flip timeout: held failed until it runs out; a link still bad fails again failtime probes later', () => {
    const { timers, mon, verdicts } = setup();
    mon.setActive(true);
    timers.advance(2500);
    const failedAt = T0 + 2500;
    assert.equal(mon.views().holdRemainingMs, 6 * MIN);
    timers.advance(6 * MIN - 1);
    assert.equal(verdicts.length, 1);
    assert.equal(mon.views().holdRemainingMs, 1);
    timers.advance(1);
    assert.deepEqual(verdicts[1], {
        failed: false,
        reason: 'pingserver-flip-timeout (6 min) has run out: eligible again',
        atMs: failedAt + 6 * MIN,
    });
    assert.deepEqual(serverStates(mon), ['alive', 'alive'], 'the monitors start afresh');
    timers.advance(2499);
    assert.equal(verdicts.length, 2);
    timers.advance(1);
    assert.deepEqual(verdicts.map((v) => [v.failed, v.atMs]), [
        [true, failedAt],
        [false, failedAt + 6 * MIN],
        [true, failedAt + 6 * MIN + 2500],
    ]);
});
test('a link that recovers during the hold shows alive, but the verdict is held until the flip timeout', () => {
    const { timers, icmp, mon, verdicts } = setup();
    mon.setActive(true);
    timers.advance(2500);
    icmp.reachable.add(A);
    // Probes from +500 on answer: the third reply in a row (to +1500) is taken by the next drain.
    timers.advance(1500 + DRAIN_PERIOD_MS - 1);
    assert.deepEqual(serverStates(mon), ['dead', 'dead']);
    timers.advance(1);
    assert.deepEqual(serverStates(mon), ['alive', 'dead']);
    assert.ok(logged.some((r) => r.message === 'link-monitor wan-check on port2 is up again'));
    assert.equal(mon.failed, true);
    timers.advance(6 * MIN);
    assert.deepEqual(verdicts.map((v) => v.failed), [true, false]);
    timers.advance(10 * MIN);
    assert.equal(verdicts.length, 2, 'the link stays good');
    assert.equal(mon.failed, false);
});
test('losing the primary role closes the socket and freezes the states; regaining it starts afresh with a new id', () => {
    const { timers, icmp, mon } = setup();
    mon.setActive(true);
    timers.advance(2500);
    mon.setActive(false);
    assert.equal(icmp.open.length, 0);
    const frozen = mon.views().monitors[0];
    assert.equal(frozen.probing, false);
    assert.deepEqual(frozen.servers.map((s) => s.state), ['dead', 'dead']);
    timers.advance(5000);
    assert.equal(icmp.opened[0]?.probes.length, 12, 'no probe after losing the role');
    assert.equal(mon.failed, true, 'the hold runs on');
    mon.setActive(true);
    assert.equal(icmp.open.length, 1);
    assert.equal(icmp.open[0]?.id, 0x4001);
    assert.deepEqual(serverStates(mon), ['alive', 'alive']);
});
test('no socket (a missing port): probes are send errors and lost; logged once; probing resumes when it opens', () => {
    const { timers, icmp, mon, verdicts } = setup();
    icmp.openErrno = 19;
    mon.setActive(true);
    timers.advance(2500);
    assert.equal(verdicts[0]?.failed, true);
    const view = mon.views().monitors[0];
    assert.equal(view.socketError, 'icmp eth2: openPinger: SO_BINDTODEVICE failed (errno 19, ENODEV (No such device))');
    assert.deepEqual([view.servers[0]?.sent, view.servers[0]?.sendErrors, view.servers[0]?.lost], [0, 6, 5]);
    const cannot = logged.filter((r) => r.event && r.message.includes('cannot probe'));
    assert.deepEqual(cannot.map((r) => r.message), [`link-monitor wan-check: cannot probe from port2: ${view.socketError}`]);
    icmp.openErrno = 0;
    timers.advance(500);
    assert.equal(icmp.open.length, 1);
    assert.equal(mon.views().monitors[0]?.socketError, '');
    assert.ok(logged.some((r) => r.message === 'link-monitor wan-check: probing from port2 again'));
});
test('a port the board does not have opens no socket; the monitor says which port and which exist', () => {
    const { timers, icmp, mon } = setup([wan({ srcintf: 'port9' })]);
    mon.setActive(true);
    timers.advance(2500);
    assert.equal(icmp.opened.length, 0);
    assert.equal(mon.views().monitors[0]?.socketError, 'no port "port9" on this board, its ports: port1, port2');
});
test('failed sends (the source address not there yet) count as lost probes', () => {
    const { timers, icmp, mon, verdicts } = setup();
    icmp.reachable.add(A);
    icmp.sendFails = true;
    mon.setActive(true);
    timers.advance(2500);
    assert.equal(verdicts[0]?.failed, true);
    assert.equal(mon.views().monitors[0]?.servers[0]?.sendErrors, 6);
});
test('threshold: monitors add their ha-priority; the unit fails only when the sum reaches the threshold', () => {
    const isp = (name, srcintf, server) => wan({ name, srcintf, server: [server], haPriority: 5 });
    const monitors = [isp('isp-a', 'port1', A), isp('isp-b', 'port2', B)];
    const { timers, icmp, mon, verdicts } = setup(monitors, settings({ pingserverMonitorInterface: ['port1', 'port2'], pingserverFailoverThreshold: 10 }));
    icmp.reachable.add(B);
    mon.setActive(true);
    timers.advance(10_000);
    assert.deepEqual(mon.views().monitors.map((m) => m.failed), [true, false]);
    assert.equal(mon.views().failedWeight, 5);
    assert.equal(verdicts.length, 0);
    icmp.reachable.delete(B);
    // The probe sent at this instant is answered; the next five are lost, the fifth judged 3000 ms on.
    timers.advance(2999);
    assert.equal(verdicts.length, 0);
    timers.advance(1);
    assert.equal(verdicts.length, 1);
    assert.equal(mon.views().failedWeight, 10);
    assert.deepEqual(icmp.opened.map((p) => [p.ifname, p.source]), [
        ['eth1', undefined],
        ['eth2', '198.18.2.1'],
    ]);
});
test('a monitor whose port is not on pingserver-monitor-interface is probed and shown, but never fails the unit', () => {
    const { timers, mon, verdicts } = setup([wan()], settings({ pingserverMonitorInterface: ['port1'] }));
    mon.setActive(true);
    timers.advance(60_000);
    const view = mon.views();
    assert.deepEqual([view.monitors[0]?.counted, view.monitors[0]?.failed, view.failedWeight], [false, true, 0]);
    assert.deepEqual(verdicts, []);
});
test('configure: an unchanged monitor keeps its state, a changed one starts afresh, a removed one stops', () => {
    const other = wan({ name: 'lan-check', srcintf: 'port1', server: ['198.18.1.254'] });
    const { timers, icmp, mon, verdicts } = setup([wan(), other], settings({ pingserverFlipTimeoutMin: 60 }));
    mon.setActive(true);
    timers.advance(2000);
    mon.configure([wan(), { ...other, failtime: 10 }], settings({ pingserverFlipTimeoutMin: 60 }), sourceOf);
    assert.deepEqual(mon.views().monitors.map((m) => m.servers[0]?.consecutiveLost), [4, 0]);
    timers.advance(500);
    assert.equal(verdicts.length, 1, 'wan-check kept its count and failed on time');
    const lanSocket = icmp.open.find((p) => p.ifname === 'eth1');
    mon.configure([wan()], settings({ pingserverFlipTimeoutMin: 60 }), sourceOf);
    assert.equal(lanSocket.closed, true);
    assert.deepEqual(mon.views().monitors.map((m) => m.name), ['wan-check']);
});
test('configure: a changed source address reopens the socket at the next round', () => {
    const { timers, icmp, mon } = setup();
    mon.setActive(true);
    mon.configure([wan()], settings(), () => '198.18.2.9');
    assert.equal(icmp.opened[0]?.closed, true);
    timers.advance(500);
    assert.deepEqual(icmp.open.map((p) => p.source), ['198.18.2.9']);
});
test('configure: emptying pingserver-monitor-interface releases a hold at once', () => {
    const { timers, mon, verdicts } = setup();
    mon.setActive(true);
    timers.advance(2500);
    mon.configure([wan()], settings({ pingserverMonitorInterface: [] }), sourceOf);
    assert.deepEqual(verdicts.map((v) => [v.failed, v.reason]), [
        [true, verdicts[0]?.reason],
        [false, 'pingserver-monitor-interface is empty: remote link failover is off'],
    ]);
});
test('the longest flip timeout never asks for a timer longer than setTimeout allows', () => {
    const { timers, mon } = setup([wan()], settings({ pingserverFlipTimeoutMin: 2147483647 }));
    mon.setActive(true);
    timers.advance(2500);
    mon.setActive(false);
    assert.equal(mon.failed, true);
    timers.advance(0x7fffffff);
    assert.equal(mon.failed, true);
    assert.equal(timers.armed, 1, 'the hold timer, re-armed');
    assert.ok((mon.views().holdRemainingMs ?? 0) > 1e14);
});
test('stop closes every socket and cancels every timer', () => {
    const { timers, icmp, mon } = setup();
    mon.setActive(true);
    timers.advance(2500);
    mon.stop();
    assert.deepEqual(icmp.open, []);
    assert.equal(timers.armed, 0);
});
test('a listener that throws is logged and the rounds go on', () => {
    const { timers, icmp, mon, verdicts } = setup();
    mon.onVerdict(() => {
        throw new Error('worker gone');
    });
    mon.setActive(true);
    timers.advance(2500);
    assert.equal(verdicts.length, 1);
    assert.ok(logged.some((r) => r.level === 'error' && r.message === 'verdict listener failed: worker gone'));
    const sent = icmp.opened[0]?.probes.length ?? 0;
    timers.advance(500);
    assert.equal(icmp.opened[0]?.probes.length, sent + 2);
});
//# sourceMappingURL=remote-link-monitor.test.js.map