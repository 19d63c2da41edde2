import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../clock/clock-device.fake.js';
import { E, HalError } from '../errors.js';
import { FakeNic } from './nic.fake.js';
const errno = (n) => (e) => e instanceof HalError && e.errno === n;
function frame(ethertype, fill, length = 60) {
    const f = new Uint8Array(length).fill(fill);
    f[12] = ethertype >> 8;
    f[13] = ethertype & 0xff;
    return f;
}
test('an interface that does not exist is ENODEV, a name that cannot be one EINVAL', () => {
    const nic = new FakeNic(new FakeClockDevice());
    assert.throws(() => nic.openPort('port9', 0x8890), errno(E.ENODEV));
    assert.throws(() => nic.linkState('port9'), errno(E.ENODEV));
    assert.throws(() => nic.setMac('port9', Uint8Array.of(2, 0, 0, 0, 0, 1)), errno(E.ENODEV));
    assert.throws(() => nic.addAddress('port9', '198.18.1.1/24'), errno(E.ENODEV));
    assert.throws(() => nic.openPort('a-name-far-too-long', 0x8890), errno(E.EINVAL));
    nic.addLink('port1');
    assert.throws(() => nic.openPort('port1', 0x100), errno(E.EINVAL));
    assert.throws(() => nic.setMac('port1', Uint8Array.of(3, 0, 0, 0, 0, 1)), errno(E.EINVAL), 'a multicast MAC');
    assert.throws(() => nic.addAddress('port1', '198.18.1.1/33'), errno(E.EINVAL));
    assert.throws(() => nic.replaceRoute({ dst: '2001:db8::/64', ifname: 'port1', metric: 1 }), errno(E.EINVAL));
});
test('frames of the port Ethertype queue until read; recv is -1 when none has arrived', () => {
    const dev = new FakeClockDevice();
    const nic = new FakeNic(dev);
    nic.addLink('ha1');
    const port = nic.openPort('ha1', 0x8890);
    const sender = nic.openSender('ha1');
    const buf = new Uint8Array(1514);
    assert.equal(port.recv(buf), -1);
    assert.equal(nic.deliver('ha1', frame(0x0800, 1)), 0, 'another Ethertype is not for this port');
    assert.equal(nic.deliver('ha1', frame(0x8890, 2), 50), 1);
    assert.equal(port.recv(buf), -1, 'not arrived yet');
    const poller = dev.openPoller();
    poller.watch([port, sender]);
    assert.equal(poller.wait(1000), 1);
    assert.equal(dev.nowMs(), 50, 'the wait ends when the frame arrives');
    assert.equal(poller.readable(0), true);
    assert.equal(poller.readable(1), false, 'a send-only port is handed nothing');
    assert.equal(port.recv(new Uint8Array(10)), 10, 'truncated to the buffer, as recv(2) does');
    assert.equal(port.recv(buf), -1);
    assert.equal(port.counters.rxFrames, 1);
    nic.rxQueueFrames = 1;
    nic.deliver('ha1', frame(0x8890, 3));
    assert.equal(nic.deliver('ha1', frame(0x8890, 4)), 0, 'the receive buffer is full');
    assert.equal(port.rx.dropped, 1);
});
test('link changes arrive through the link monitor; a down link sends nothing (ENETDOWN), a deleted one ENXIO', () => {
    const dev = new FakeClockDevice();
    const nic = new FakeNic(dev);
    nic.addLink('ha1');
    const monitor = nic.openLinkMonitor();
    const port = nic.openPort('ha1', 0x8890);
    const poller = dev.openPoller();
    poller.watch([monitor]);
    nic.setLink('ha1', { carrier: false });
    assert.equal(poller.wait(1000), 1);
    assert.equal(dev.nowMs(), 0);
    assert.deepEqual(monitor.read(), [{ ifname: 'ha1', ifindex: 2, up: true, carrier: false }]);
    assert.deepEqual(monitor.read(), []);
    assert.equal(nic.deliver('ha1', frame(0x8890, 1)), 0, 'no carrier, no frame');
    assert.equal(port.send(frame(0x8890, 1), 60), true, 'admin up without carrier: the kernel takes it');
    nic.setLink('ha1', { up: false });
    assert.equal(port.send(frame(0x8890, 1), 60), false);
    assert.equal(port.counters.lastTxErrno, E.ENETDOWN);
    nic.removeLink('ha1');
    assert.equal(port.send(frame(0x8890, 1), 60), false);
    assert.equal(port.counters.lastTxErrno, E.ENXIO);
    assert.deepEqual(monitor.read().at(-1), { ifname: 'ha1', ifindex: 2, up: false, carrier: false });
    port.close();
    assert.equal(port.send(frame(0x8890, 1), 60), false);
    assert.equal(port.counters.lastTxErrno, E.EBADF);
    assert.equal(port.counters.txErrors, 3);
});
test('configuration is recorded in order, idempotent where the kernel is, and fails as injected', () => {
    const nic = new FakeNic(new FakeClockDevice());
    nic.addLink('port1');
    nic.setMac('port1', Uint8Array.of(2, 0x54, 0x44, 7, 0, 0));
    nic.addAddress('port1', '198.18.1.1/24');
    nic.addAddress('port1', '198.18.1.1/24');
    nic.removeAddress('port1', '198.18.9.9/24');
    nic.setIpv4Forwarding(true);
    assert.deepEqual(nic.link('port1')?.addresses, ['198.18.1.1/24']);
    assert.deepEqual(nic.journal, [
        'setMac port1 02:54:44:07:00:00',
        'addAddress port1 198.18.1.1/24',
        'addAddress port1 198.18.1.1/24',
        'removeAddress port1 198.18.9.9/24',
        'forwarding on',
    ]);
    nic.failWith('addAddress', 'port1', E.EINVAL);
    assert.throws(() => nic.addAddress('port1', '198.18.1.2/24'), /nic port1: addAddress failed \(errno 22/);
    nic.failWith('addAddress', 'port1', null);
    nic.addAddress('port1', '198.18.1.2/24');
    nic.failWith('setIpv4Forwarding', '', 13);
    assert.throws(() => nic.setIpv4Forwarding(false), errno(13));
    assert.equal(nic.forwarding, true);
});
test('a UDP port is bound once (EADDRINUSE), its datagrams queue, a bad destination fails the send', () => {
    const nic = new FakeNic(new FakeClockDevice());
    const udp = nic.openUdp(703);
    assert.throws(() => nic.openUdp(703), errno(E.EADDRINUSE));
    assert.throws(() => nic.openUdp(70000), errno(E.EINVAL));
    assert.equal(udp.sendTo('198.18.5.2', 703, new Uint8Array(8), 8), true);
    assert.equal(udp.sendTo('not-an-address', 703, new Uint8Array(8), 8), false);
    assert.equal(udp.counters.lastTxErrno, E.EINVAL);
    assert.equal(nic.deliverUdp(703, Uint8Array.of(1, 2, 3)), true);
    assert.equal(udp.recv(new Uint8Array(16)), 3);
    assert.equal(udp.recv(new Uint8Array(16)), -1);
    udp.close();
    assert.doesNotThrow(() => nic.openUdp(703), 'free again once closed');
});
test('policy routing: a table route needs a connected gateway (ENETUNREACH), rules are idempotent, both fail as the kernel does', () => {
    const nic = new FakeNic(new FakeClockDevice());
    nic.addLink('mgmt');
    nic.addLink('port1');
    const route = { dst: '198.18.200.0/24', gateway: '198.18.3.10', ifname: 'mgmt', metric: 0, table: 100 };
    assert.throws(() => nic.replaceRoute(route), errno(E.ENETUNREACH), 'no address on mgmt yet');
    nic.addAddress('mgmt', '198.18.3.11/24');
    assert.throws(() => nic.replaceRoute({ ...route, gateway: '198.18.4.1' }), errno(E.ENETUNREACH), 'not the network of mgmt');
    assert.throws(() => nic.replaceRoute({ ...route, ifname: 'port1' }), errno(E.ENETUNREACH), 'connected through another port');
    assert.throws(() => nic.replaceRoute({ ...route, table: 254 }), errno(E.EINVAL));
    nic.replaceRoute({ ...route, gateway: '198.18.4.1', table: undefined });
    nic.replaceRoute(route);
    nic.replaceRoute({ ...route, gateway: '198.18.3.20' });
    assert.deepEqual(nic.routes.map((r) => [r.gateway, r.table]), [
        ['198.18.4.1', undefined],
        ['198.18.3.20', 100],
    ], 'the main table onlink as ever; in table 100 the same prefix and metric is replaced');
    nic.setLink('mgmt', { up: false });
    assert.throws(() => nic.replaceRoute(route), errno(E.ENETUNREACH), 'an interface admin down connects nothing');
    nic.removeRoute({ ...route, gateway: '198.18.3.20' });
    nic.removeRoute(route);
    assert.deepEqual(nic.routes.map((r) => r.table), [undefined]);
    const rule = { from: '198.18.3.11/32', table: 100, priority: 100 };
    nic.addRule(rule);
    nic.addRule(rule);
    nic.addRule({ ...rule, priority: 101 });
    assert.deepEqual(nic.rules.map((r) => r.priority), [100, 101]);
    nic.removeRule(rule);
    nic.removeRule(rule);
    assert.deepEqual(nic.rules, [{ ...rule, priority: 101 }]);
    assert.throws(() => nic.addRule({ ...rule, from: '198.18.3.11' }), errno(E.EINVAL));
    assert.throws(() => nic.addRule({ ...rule, table: 255 }), errno(E.EINVAL));
    nic.failWith('addRule', '', E.ENOBUFS);
    assert.throws(() => nic.addRule(rule), errno(E.ENOBUFS));
    assert.deepEqual(nic.journal.slice(-5), [
        'addRule from 198.18.3.11/32 lookup 100 priority 100',
        'addRule from 198.18.3.11/32 lookup 100 priority 100',
        'addRule from 198.18.3.11/32 lookup 100 priority 101',
        'removeRule from 198.18.3.11/32 lookup 100 priority 100',
        'removeRule from 198.18.3.11/32 lookup 100 priority 100',
    ]);
});
//# sourceMappingURL=nic.fake.test.js.map