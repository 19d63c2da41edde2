/**
 * The Linux NIC driver against the real kernel: a veth pair inside a network namespace of its
 * own, with the driver's sockets opened in that namespace through withNetns.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLinuxClock } from '../clock/linux.js';
import { HalError } from '../errors.js';
import { ipJson, ipRun, kernelAvailable, kernelUnavailable } from '../kernel-gate.testkit.js';
import { libc, PACKET_IGNORE_OUTGOING, SOL_PACKET } from '../libc.js';
import { deleteNetns, withNetns } from '../netns.js';
import { createLinuxNic } from './linux.js';
import { openRawPort } from './packet-socket.js';
import { ethernetFrame as frame, recvWithin, scratchVethPair } from './veth.testkit.js';
const ns = `tnic${process.pid}`;
const ifA = `tva${process.pid}`;
const ifB = `tvb${process.pid}`;
const ET = 0x88b5;
const ET_OTHER = 0x88b6;
const nic = createLinuxNic();
const clock = createLinuxClock();
const inNs = (fn) => withNetns(ns, fn);
function eventsUntil(monitor, match, ms) {
    const poller = clock.openPoller();
    poller.watch([monitor]);
    const seen = [];
    const deadline = clock.nowMs() + ms;
    for (;;) {
        const batch = monitor.read();
        seen.push(...batch);
        if (batch.some(match))
            return seen;
        const left = deadline - clock.nowMs();
        if (left <= 0)
            assert.fail(`no matching link event within ${ms} ms; saw ${JSON.stringify(seen)}`);
        poller.wait(left);
    }
}
async function waitFor(cond, ms, what) {
    const deadline = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > deadline)
            assert.fail(`timed out after ${ms} ms waiting for ${what}`);
        await sleep(5);
    }
}
function addrsOf(ifname) {
    const [link] = ipJson(ns, ['addr', 'show', 'dev', ifname]);
    return link.addr_info;
}
describe('linux nic on a veth pair', () => {
    const opened = [];
    const open = (item) => {
        opened.push(item);
        return item;
    };
    const receivers = [];
    before(() => {
        if (kernelUnavailable())
            return;
        scratchVethPair(ns, ifA, ifB);
    });
    after(async () => {
        for (const item of opened)
            item.close();
        try {
            await Promise.allSettled(receivers.map((r) => r.close()));
        }
        finally {
            if (!kernelUnavailable())
                deleteNetns(ns);
        }
    });
    it('sends a frame from one end that arrives whole at the other, in both directions', (t) => {
        if (!kernelAvailable(t))
            return;
        const a = open(inNs(() => nic.openPort(ifA, ET)));
        const b = open(inNs(() => nic.openPort(ifB, ET)));
        const macB = ipJson(ns, ['link', 'show', ifB])[0].address;
        assert.equal(Array.from(b.mac, (x) => x.toString(16).padStart(2, '0')).join(':'), macB);
        assert.equal(b.ifindex, ipJson(ns, ['link', 'show', ifB])[0].ifindex);
        const out = frame(b.mac, a.mac, ET, [1, 2, 3, 0xfe, 0xff, 0]);
        assert.equal(a.send(out, out.length), true);
        assert.deepEqual(recvWithin(b, 3000), out);
        const back = frame(a.mac, b.mac, ET, [9, 8, 7]);
        assert.equal(b.send(back, back.length), true);
        assert.deepEqual(recvWithin(a, 3000), back);
        assert.equal(a.counters.txFrames, 1);
        assert.equal(b.counters.rxFrames, 1);
    });
    it('a sender sends frames of any Ethertype and is handed none', (t) => {
        if (!kernelAvailable(t))
            return;
        const sender = open(inNs(() => nic.openSender(ifA)));
        const listener = open(inNs(() => nic.openPort(ifA, ET)));
        const b = open(inNs(() => nic.openPort(ifB, ET)));
        const other = open(inNs(() => nic.openPort(ifB, ET_OTHER)));
        const out = frame(b.mac, sender.mac, ET, [0x11]);
        const out2 = frame(b.mac, sender.mac, ET_OTHER, [0x22]);
        assert.equal(sender.send(out, out.length), true);
        assert.equal(sender.send(out2, out2.length), true);
        assert.deepEqual(recvWithin(b, 3000), out);
        assert.deepEqual(recvWithin(other, 3000), out2);
        const back = frame(sender.mac, b.mac, ET, [0x33]);
        assert.equal(b.send(back, back.length), true);
        assert.deepEqual(recvWithin(listener, 3000), back, 'the frame came in');
        assert.equal(recvWithin(sender, 200), null, 'the sender was handed a frame');
    });
    it('does not receive its own frames', (t) => {
        if (!kernelAvailable(t))
            return;
        const a = open(inNs(() => nic.openPort(ifA, ET)));
        const b = open(inNs(() => nic.openPort(ifB, ET)));
        const out = frame(b.mac, a.mac, ET, [0x55]);
        assert.equal(a.send(out, out.length), true);
        assert.deepEqual(recvWithin(b, 3000), out, 'the frame went out');
        assert.equal(recvWithin(a, 200), null, 'the sender saw its own frame');
    });
    it('without PACKET_IGNORE_OUTGOING (qemu-user, kernels before 4.20) a port reads no frame going out', (t) => {
        if (!kernelAvailable(t))
            return;
        // The kernel never hands a socket the frames it sent itself; what could reach a port is
        // what another socket (another process's port) sends out of the same interface.
        const a = open(inNs(() => openRawPort(ifA, ET)));
        const other = open(inNs(() => nic.openPort(ifA, ET)));
        const b = open(inNs(() => nic.openPort(ifB, ET)));
        assert.equal(libc.setsockopt(a.fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, new Int32Array([0]), 4), 0);
        const out = frame(b.mac, a.mac, ET, [0x66]);
        assert.equal(other.send(out, out.length), true);
        assert.deepEqual(recvWithin(b, 3000), out, 'the frame went out');
        assert.equal(recvWithin(a, 200), null, 'the port read a frame going out');
        const back = frame(a.mac, b.mac, ET, [0x67]);
        assert.equal(b.send(back, back.length), true);
        assert.deepEqual(recvWithin(a, 3000), back, 'frames from the peer still arrive');
    });
    it('does not receive frames of another Ethertype', (t) => {
        if (!kernelAvailable(t))
            return;
        const a = open(inNs(() => nic.openPort(ifA, ET_OTHER)));
        const b = open(inNs(() => nic.openPort(ifB, ET)));
        const bOther = open(inNs(() => nic.openPort(ifB, ET_OTHER)));
        const out = frame(b.mac, a.mac, ET_OTHER, [0x66]);
        assert.equal(a.send(out, out.length), true);
        assert.deepEqual(recvWithin(bOther, 3000), out, 'the frame went out');
        assert.equal(recvWithin(b, 200), null, 'a port of another Ethertype got the frame');
    });
    it('counts a failed send instead of throwing', (t) => {
        if (!kernelAvailable(t))
            return;
        const a = inNs(() => nic.openPort(ifA, ET));
        const out = frame(a.mac, a.mac, ET, [1]);
        assert.equal(a.send(out, out.length + 1), false);
        assert.equal(a.counters.lastTxErrno, 22);
        a.close();
        assert.equal(a.send(out, out.length), false);
        assert.equal(a.counters.txErrors, 2);
        assert.equal(a.recv(new Uint8Array(64)), -1);
    });
    it('rejects a missing interface and a bad Ethertype with HalError', (t) => {
        if (!kernelAvailable(t))
            return;
        assert.throws(() => inNs(() => nic.openPort('nosuch0', ET)), (e) => e instanceof HalError && e.errno === 19);
        assert.throws(() => inNs(() => nic.openPort(ifA, 0x10)), (e) => e instanceof HalError && e.errno === 22);
    });
    it('reports link state and carrier loss when the peer goes down', (t) => {
        if (!kernelAvailable(t))
            return;
        assert.deepEqual(inNs(() => nic.linkState(ifA)), {
            ifname: ifA,
            ifindex: ipJson(ns, ['link', 'show', ifA])[0].ifindex,
            up: true,
            carrier: true,
        });
        ipRun(ns, ['link', 'set', ifB, 'down']);
        try {
            assert.equal(inNs(() => nic.linkState(ifA)).carrier, false);
            assert.equal(inNs(() => nic.linkState(ifA)).up, true);
            assert.equal(inNs(() => nic.linkState(ifB)).up, false);
        }
        finally {
            ipRun(ns, ['link', 'set', ifB, 'up']);
        }
        assert.equal(inNs(() => nic.linkState(ifA)).carrier, true);
        assert.throws(() => inNs(() => nic.linkState('nosuch0')), (e) => e instanceof HalError && e.errno === 19);
    });
    it('monitors carrier down and up when the peer end is set down and up', (t) => {
        if (!kernelAvailable(t))
            return;
        const monitor = open(inNs(() => nic.openLinkMonitor()));
        assert.deepEqual(monitor.read(), []);
        ipRun(ns, ['link', 'set', ifB, 'down']);
        const down = eventsUntil(monitor, (e) => e.ifname === ifA && !e.carrier, 5000);
        assert.ok(down.some((e) => e.ifname === ifB && !e.up));
        assert.ok(down.filter((e) => e.ifname === ifA).every((e) => e.up));
        ipRun(ns, ['link', 'set', ifB, 'up']);
        eventsUntil(monitor, (e) => e.ifname === ifA && e.up && e.carrier, 5000);
    });
    it('sets the MAC, seen by ip link', (t) => {
        if (!kernelAvailable(t))
            return;
        const mac = Uint8Array.from([0x02, 0x09, 0x0f, 0x12, 0x34, 0x56]);
        inNs(() => nic.setMac(ifA, mac));
        assert.equal(ipJson(ns, ['link', 'show', ifA])[0].address, '02:09:0f:12:34:56');
        assert.throws(() => inNs(() => nic.setMac(ifA, mac.subarray(0, 5))), (e) => e instanceof HalError && e.errno === 22);
        assert.throws(() => inNs(() => nic.setMac('nosuch0', mac)), /nic nosuch0: setMac/);
    });
    for (const [family, cidr, local, prefixlen] of [
        ['IPv4', '198.18.200.1/24', '198.18.200.1', 24],
        ['IPv6', '2001:2::1/64', '2001:2::1', 64],
    ]) {
        it(`adds and removes an ${family} address idempotently, seen by ip addr`, (t) => {
            if (!kernelAvailable(t))
                return;
            inNs(() => nic.addAddress(ifA, cidr));
            inNs(() => nic.addAddress(ifA, cidr));
            assert.deepEqual(addrsOf(ifA)
                .filter((a) => a.local === local)
                .map((a) => a.prefixlen), [prefixlen]);
            inNs(() => nic.removeAddress(ifA, cidr));
            inNs(() => nic.removeAddress(ifA, cidr));
            assert.equal(addrsOf(ifA).filter((a) => a.local === local).length, 0);
        });
    }
    it('rejects a malformed address and a missing interface with HalError', (t) => {
        if (!kernelAvailable(t))
            return;
        assert.throws(() => inNs(() => nic.addAddress(ifA, '198.18.0.1/33')), /expected IPv4/);
        assert.throws(() => inNs(() => nic.addAddress('nosuch0', '198.18.0.1/24')), (e) => e instanceof HalError && e.errno === 19);
    });
    it('adds several addresses in one exchange: each verdict in order, one failing keeps no other out', (t) => {
        if (!kernelAvailable(t))
            return;
        inNs(() => nic.addAddress(ifA, '198.18.201.2/24'));
        const results = inNs(() => nic.addAddresses([
            { ifname: ifA, cidr: '198.18.201.1/24' },
            { ifname: ifA, cidr: '198.18.201.2/24' },
            { ifname: ifA, cidr: '198.18.0.1/33' },
            { ifname: 'nosuch0', cidr: '198.18.202.1/24' },
            { ifname: ifA, cidr: '2001:3::1/64' },
        ]));
        assert.deepEqual(results.map((r) => r?.errno ?? 0), [0, 0, 22, 19, 0], 'added, present already (EEXIST from the kernel is success), malformed, no such interface, added');
        const locals = addrsOf(ifA).map((a) => a.local);
        for (const a of ['198.18.201.1', '198.18.201.2', '2001:3::1'])
            assert.ok(locals.includes(a), a);
        for (const cidr of ['198.18.201.1/24', '198.18.201.2/24', '2001:3::1/64'])
            inNs(() => nic.removeAddress(ifA, cidr));
    });
    it('sends and receives UDP datagrams, counting failures instead of throwing', (t) => {
        if (!kernelAvailable(t))
            return;
        const hb = open(inNs(() => nic.openUdp(703)));
        const peer = open(inNs(() => nic.openUdp(708)));
        const data = Uint8Array.from([0, 1, 2, 0xff, 0xfe, 9, 9, 9]);
        assert.equal(hb.sendTo('127.0.0.1', 708, data, 5), true);
        assert.deepEqual(recvWithin(peer, 3000), data.subarray(0, 5));
        assert.equal(peer.sendTo('127.0.0.1', 703, data, data.length), true);
        assert.deepEqual(recvWithin(hb, 3000), data);
        assert.equal(recvWithin(hb, 50), null);
        assert.deepEqual([hb.counters.txFrames, hb.counters.rxFrames, peer.counters.rxFrames], [1, 1, 1]);
        assert.equal(hb.sendTo('198.18.0.300', 708, data, 1), false);
        assert.equal(hb.counters.lastTxErrno, 22);
        assert.equal(hb.sendTo('198.19.250.1', 708, data, 1), false, 'no route in the namespace');
        assert.equal(hb.counters.lastTxErrno, 101);
        assert.equal(hb.counters.txErrors, 2);
        assert.throws(() => inNs(() => nic.openUdp(703)), (e) => e instanceof HalError && e.errno === 98);
        assert.throws(() => inNs(() => nic.openUdp(70000)), (e) => e instanceof HalError && e.errno === 22);
    });
    it('receives on a worker and hands frames over in batches of at most 64', async (t) => {
        if (!kernelAvailable(t))
            return;
        const batches = [];
        const receiver = inNs(() => nic.receive([ifB], ET, (ifname, frames) => {
            assert.equal(ifname, ifB);
            batches.push(frames);
        }));
        receivers.push(receiver);
        const a = open(inNs(() => nic.openPort(ifA, ET)));
        const macB = inNs(() => nic.openPort(ifB, ET_OTHER));
        const dst = macB.mac;
        macB.close();
        // Sent before the worker has even started: the frames queue up and must come out batched.
        const count = 200;
        for (let i = 0; i < count; i++) {
            const out = frame(dst, a.mac, ET, [i >> 8, i & 0xff]);
            assert.equal(a.send(out, out.length), true);
        }
        const total = () => batches.reduce((n, b) => n + b.length, 0);
        await waitFor(() => total() >= count, 10000, `${count} frames`);
        await receiver.close();
        assert.equal(total(), count);
        assert.ok(batches.every((b) => b.length >= 1 && b.length <= 64), `batch sizes ${batches.map((b) => b.length)}`);
        assert.ok(batches.some((b) => b.length === 64), `no full batch: ${batches.map((b) => b.length)}`);
        const frames = batches.flat();
        frames.forEach((f, i) => {
            assert.equal(f.length, 60);
            assert.equal((f[14] << 8) | f[15], i, 'frames in order');
            assert.deepEqual(f.subarray(6, 12), a.mac);
        });
        const late = frame(dst, a.mac, ET, [0xff, 0xff]);
        a.send(late, late.length);
        await sleep(100);
        assert.equal(total(), count, 'a closed receiver delivered a frame');
        await receiver.close();
    });
    it('receives on several ports with one worker, each batch named by its port', async (t) => {
        if (!kernelAvailable(t))
            return;
        const got = {};
        const receiver = inNs(() => nic.receive([ifA, ifB], ET, (ifname, frames) => {
            for (const f of frames)
                (got[ifname] ??= []).push(f[14] ?? -1);
        }));
        receivers.push(receiver);
        const a = open(inNs(() => nic.openSender(ifA)));
        const b = open(inNs(() => nic.openSender(ifB)));
        const broadcast = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        for (let i = 0; i < 30; i++) {
            const fromA = frame(broadcast, a.mac, ET, [1]);
            const fromB = frame(broadcast, b.mac, ET, [2]);
            assert.equal(a.send(fromA, fromA.length), true);
            assert.equal(b.send(fromB, fromB.length), true);
        }
        const other = frame(broadcast, a.mac, ET_OTHER, [3]);
        a.send(other, other.length);
        await waitFor(() => (got[ifA]?.length ?? 0) + (got[ifB]?.length ?? 0) >= 60, 10000, '60 frames');
        await receiver.close();
        // What A sent arrives on B's end and the other way round; nothing of another Ethertype.
        assert.deepEqual(got[ifB], Array(30).fill(1));
        assert.deepEqual(got[ifA], Array(30).fill(2));
    });
    it('rejects receive on a missing interface at once', (t) => {
        if (!kernelAvailable(t))
            return;
        assert.throws(() => inNs(() => nic.receive([ifB, 'nosuch0'], ET, () => undefined)), (e) => e instanceof HalError);
    });
});
//# sourceMappingURL=linux.test.js.map