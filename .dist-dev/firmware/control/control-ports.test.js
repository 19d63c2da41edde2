import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { E } from '../../hal/errors.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { ControlPorts } from './control-ports.js';
import { CONTROL_CHANNEL } from './frames.js';
function setUp() {
    const nic = new FakeNic(new FakeClockDevice());
    for (const ifname of ['eth1', 'eth2', 'eth3'])
        nic.addLink(ifname);
    const lines = [];
    const line = (m) => lines.push(m);
    const log = { debug: line, info: line, warn: line, error: line, event: line };
    const ports = new ControlPorts(nic, log);
    const relayed = [];
    const hbdev = [
        { name: 'ha1', ifname: 'eth1', priority: 50 },
        { name: 'ha2', ifname: 'eth2', priority: 50 },
        { name: 'ha3', ifname: 'eth3', priority: 10 },
    ];
    ports.configure(hbdev, (f) => relayed.push(f) > 0);
    return { nic, ports, relayed, lines, hbdev };
}
const view = (name, up = true, carrier = true) => ({
    name,
    hbPriority: 0,
    up,
    carrier,
    txFrames: 0,
    txErrors: 0,
    rxFrames: 0,
    rxAccepted: 0,
    lastRxAgoMs: null,
});
/** Sends one frame with a 3-byte payload through the port picked; false when none was or it failed. */
function sendOne(ports, payload) {
    const out = ports.pick();
    if (!out)
        return false;
    const buf = new Uint8Array(out.payloadOffset + 3);
    buf.set([payload, payload, payload], out.payloadOffset);
    return out.send(buf, buf.length);
}
test('frames go on the up hbdevs of the highest priority, in turn, to the control group as Ethertype 0x8893', () => {
    const { nic, ports } = setUp();
    ports.update([view('ha1'), view('ha2'), view('ha3'), view('unicast')]);
    assert.deepEqual(ports.inUse(), ['ha1', 'ha2']);
    for (let i = 0; i < 4; i++)
        assert.ok(sendOne(ports, i));
    const on1 = nic.sentOn('eth1');
    const on2 = nic.sentOn('eth2');
    assert.deepEqual([on1.length, on2.length, nic.sentOn('eth3').length], [2, 2, 0]);
    const f = on1[0];
    assert.deepEqual(f.subarray(0, 6), CONTROL_CHANNEL.group);
    assert.deepEqual(f.subarray(6, 12), nic.link('eth1')?.mac);
    assert.deepEqual([f[12], f[13]], [0x88, 0x93]);
    assert.deepEqual([...on1, ...on2].map((x) => x[14]).sort(), [0, 1, 2, 3]);
});
test('a port without carrier or down is skipped; a lower priority serves when the top ones are gone; then the relay; then none', () => {
    const { ports, relayed, lines } = setUp();
    ports.update([view('ha1', true, false), view('ha2'), view('ha3')]);
    assert.deepEqual(ports.inUse(), ['ha2']);
    ports.update([view('ha1', false), view('ha2', true, false), view('ha3')]);
    assert.deepEqual(ports.inUse(), ['ha3']);
    ports.update([view('ha3', true, false)]);
    assert.deepEqual(ports.inUse(), ['udp']);
    assert.ok(sendOne(ports, 9));
    assert.deepEqual(relayed, [Uint8Array.of(9, 9, 9)], 'the relay gets the HA payload alone');
    ports.configure([], null);
    assert.deepEqual(ports.inUse(), []);
    assert.equal(ports.pick(), null);
    // Before the first snapshot no port is known up: the relay, with unicast-hb.
    assert.deepEqual(lines, [
        'control ports in use: udp',
        'control ports in use: ha2',
        'control ports in use: ha3',
        'control ports in use: udp',
        'control ports in use: none',
    ]);
});
test('a port that cannot be opened is logged once, skipped, and tried again at the next snapshot', () => {
    const { nic, ports, lines } = setUp();
    nic.failWith('openSender', 'eth1', E.ENODEV);
    ports.update([view('ha1'), view('ha2')]);
    ports.update([view('ha1'), view('ha2')]);
    assert.deepEqual(ports.inUse(), ['ha2']);
    assert.equal(lines.filter((l) => l.startsWith('control port ha1 (eth1) unavailable')).length, 1);
    nic.failWith('openSender', 'eth1', null);
    ports.update([view('ha1'), view('ha2')]);
    assert.deepEqual(ports.inUse(), ['ha1', 'ha2']);
});
//# sourceMappingURL=control-ports.test.js.map