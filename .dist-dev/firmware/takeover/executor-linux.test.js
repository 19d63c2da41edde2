/**
 * The takeover executor against the real kernel: the unit's data port is one end of a veth in
 * a namespace of its own, the other end sits in a second namespace that plays the segment and
 * listens for the announcement. Every executor call runs inside the unit's namespace, as the
 * NIC driver acts in the namespace of the calling thread; each test has fresh namespaces and a
 * fresh NIC, whose forwarding switch belongs to the namespace of its first use.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { ipJson, ipRun, kernelAvailable } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../../hal/netns.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { recvWithin } from '../../hal/nic/veth.testkit.js';
import { ETHERTYPE_ARP, formatMac } from '../../lib/ethernet.js';
import { formatIpv4 } from '../../lib/ip-text.js';
import { TakeoverExecutor } from './executor.js';
import { isVirtualMac } from './plan.js';
const VMAC = '02:54:44:07:00:01';
const clock = createLinuxClock();
let rigs = 0;
const macBytes = (text) => Uint8Array.from(text.split(':'), (h) => Number.parseInt(h, 16));
function planOf(ports, announce = true) {
    return { ports, announce, routes: [] };
}
function rig(t, serial = 'FG100ETK00000001') {
    const k = rigs++;
    const ns = `texu${process.pid}-${k}`;
    const peerNs = `texp${process.pid}-${k}`;
    const ifname = `txu${process.pid}`.slice(0, 15);
    const peerIfname = `txp${process.pid}`.slice(0, 15);
    const nic = createLinuxNic();
    const logged = [];
    const log = {
        debug: () => { },
        info: () => { },
        warn: () => { },
        error: () => { },
        event: (m, level = 'info') => logged.push(`${level}: ${m}`),
    };
    const executor = new TakeoverExecutor(nic, serial, log);
    const listeners = [];
    // Registered before anything is made, so a failure half-way still removes what was.
    t.after(() => {
        try {
            executor.close();
            for (const l of listeners)
                l.close();
        }
        finally {
            deleteNetns(ns);
            deleteNetns(peerNs);
        }
    });
    addNetns(ns);
    addNetns(peerNs);
    ipRun(ns, ['link', 'add', ifname, 'type', 'veth', 'peer', 'name', peerIfname, 'netns', peerNs]);
    ipRun(ns, ['link', 'set', 'lo', 'up']);
    ipRun(ns, ['link', 'set', ifname, 'up']);
    ipRun(peerNs, ['link', 'set', peerIfname, 'up']);
    const mac = () => ipJson(ns, ['link', 'show', ifname])[0].address;
    const ownMac = mac();
    assert.equal(isVirtualMac(macBytes(ownMac)), false, 'the kernel gave the veth a MAC of its own');
    return {
        ns,
        peerNs,
        ifname,
        peerIfname,
        ownMac,
        executor,
        logged,
        inUnit: (fn) => withNetns(ns, fn),
        port: (ipv4, fields = {}) => ({ name: 'port2', ifname, virtualMac: macBytes(VMAC), ipv4, ipv6: [], ...fields }),
        mac,
        addresses: () => {
            const [link] = ipJson(ns, ['-4', 'addr', 'show', 'dev', ifname]);
            return (link?.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`).sort();
        },
        ipForward: () => execFileSync('ip', ['netns', 'exec', ns, 'sysctl', '-n', 'net.ipv4.ip_forward'], { encoding: 'utf8' }).trim(),
        listen: () => {
            const port = withNetns(peerNs, () => nic.openPort(peerIfname, ETHERTYPE_ARP));
            listeners.push(port);
            return port;
        },
    };
}
function parseArp(f) {
    if (f.length < 42 || f[12] !== 0x08 || f[13] !== 0x06)
        return null;
    return {
        ethDst: formatMac(f.subarray(0, 6)),
        ethSrc: formatMac(f.subarray(6, 12)),
        op: (f[20] << 8) | f[21],
        senderMac: formatMac(f.subarray(22, 28)),
        senderIp: formatIpv4(f, 28),
        targetIp: formatIpv4(f, 38),
    };
}
/** Waits (blocking, polled) up to `ms` for an ARP frame announcing `ipv4`; every ARP seen on the way is returned too. */
function awaitAnnouncement(port, ipv4, ms) {
    const seen = [];
    const deadline = clock.nowMs() + ms;
    for (let f = recvWithin(port, ms); f; f = recvWithin(port, deadline - clock.nowMs())) {
        const arp = parseArp(f);
        if (arp)
            seen.push(arp);
        if (arp && arp.senderIp === ipv4 && arp.targetIp === ipv4)
            return { found: arp, seen };
    }
    return { found: null, seen };
}
test('armed while not active, the executor releases what the plan would own', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    // What a unit restarted as primary finds: the address and forwarding still on.
    ipRun(r.ns, ['addr', 'add', '198.18.9.1/24', 'dev', r.ifname]);
    execFileSync('ip', ['netns', 'exec', r.ns, 'sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
    assert.deepEqual(r.addresses(), ['198.18.9.1/24']);
    assert.deepEqual(r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.1/24'])]))), []);
    assert.equal(r.executor.active, false);
    assert.deepEqual(r.addresses(), []);
    assert.equal(r.mac(), r.ownMac);
    assert.equal(r.ipForward(), '0');
});
test('a port found holding a virtual MAC gets a stable own MAC from the serial, outside the virtual range', (t) => {
    if (!kernelAvailable(t))
        return;
    const macs = [];
    for (const serial of ['FG100ETK00000001', 'FG100ETK00000001', 'FG100ETK00000002']) {
        const r = rig(t, serial);
        ipRun(r.ns, ['link', 'set', r.ifname, 'address', VMAC]);
        assert.deepEqual(r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.1/24'])]))), []);
        const mac = macBytes(r.mac());
        assert.equal(isVirtualMac(mac), false, `${r.mac()} after arming`);
        assert.equal(mac[0] & 0x03, 0x02, 'locally administered unicast');
        macs.push(r.mac());
    }
    assert.equal(macs[0], macs[1], 'the same serial gives the same MAC');
    assert.notEqual(macs[0], macs[2], 'another serial another');
});
test('takeOver presents the virtual MAC, adds the address, forwards and announces it from the virtual MAC', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    assert.deepEqual(r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.1/24'])]))), []);
    const listener = r.listen();
    const result = r.inUnit(() => r.executor.takeOver());
    assert.deepEqual(result, { announced: 1, failures: [] });
    assert.equal(r.executor.active, true);
    assert.equal(r.mac(), VMAC);
    assert.deepEqual(r.addresses(), ['198.18.9.1/24']);
    assert.equal(r.ipForward(), '1');
    const { found, seen } = awaitAnnouncement(listener, '198.18.9.1', 10_000);
    assert.ok(found, `no gratuitous ARP for 198.18.9.1 within 10 s; ARP seen: ${JSON.stringify(seen)}`);
    assert.deepEqual(found, {
        ethDst: 'ff:ff:ff:ff:ff:ff',
        ethSrc: VMAC,
        op: 1,
        senderMac: VMAC,
        senderIp: '198.18.9.1',
        targetIp: '198.18.9.1',
    });
    assert.deepEqual(r.logged, []);
});
test('without gratuitous-arps takeOver announces nothing', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.1/24'])], false)));
    assert.deepEqual(r.inUnit(() => r.executor.takeOver()), { announced: 0, failures: [] });
    assert.equal(r.mac(), VMAC);
});
test('giveUp puts the own MAC back, removes the address and stops forwarding', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.1/24', '198.18.9.50/32'])])));
    assert.deepEqual(r.inUnit(() => r.executor.takeOver()).failures, []);
    assert.deepEqual(r.addresses(), ['198.18.9.1/24', '198.18.9.50/32']);
    assert.deepEqual(r.inUnit(() => r.executor.giveUp()), []);
    assert.equal(r.executor.active, false);
    assert.equal(r.mac(), r.ownMac);
    assert.deepEqual(r.addresses(), []);
    assert.equal(r.ipForward(), '0');
    assert.deepEqual(r.inUnit(() => r.executor.takeOver()).failures, [], 'and takes over again');
    assert.equal(r.mac(), VMAC);
    assert.deepEqual(r.addresses(), ['198.18.9.1/24', '198.18.9.50/32']);
    assert.equal(r.ipForward(), '1');
});
test('static routes survive giving up: the kernel flushes them with the last address, the executor puts them back', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    const route = { dst: '198.18.77.0/24', gateway: '198.18.9.254', ifname: r.ifname, metric: 10 };
    const routes = () => execFileSync('ip', ['-n', r.ns, 'route', 'show', '198.18.77.0/24'], { encoding: 'utf8' }).trim();
    const plan = { ...planOf([r.port(['198.18.9.1/24'])]), routes: [route] };
    r.inUnit(() => r.executor.arm(plan));
    assert.match(routes(), /via 198\.18\.9\.254 dev \S+ .*onlink/, 'a secondary holds the route too');
    assert.deepEqual(r.inUnit(() => r.executor.takeOver()).failures, []);
    assert.match(routes(), /via 198\.18\.9\.254/);
    r.inUnit(() => r.executor.giveUp());
    assert.deepEqual(r.addresses(), []);
    assert.match(routes(), /via 198\.18\.9\.254/, 'still there after the last address went');
    r.inUnit(() => r.executor.takeOver());
    assert.match(routes(), /via 198\.18\.9\.254/);
});
test('re-armed while active with a changed address, the executor swaps the address and keeps the rest', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.1/24'])])));
    r.inUnit(() => r.executor.takeOver());
    assert.deepEqual(r.addresses(), ['198.18.9.1/24']);
    assert.deepEqual(r.inUnit(() => r.executor.arm(planOf([r.port(['198.18.9.2/24'])]))), []);
    assert.equal(r.executor.active, true);
    assert.deepEqual(r.addresses(), ['198.18.9.2/24']);
    assert.equal(r.mac(), VMAC);
    assert.equal(r.ipForward(), '1');
    assert.deepEqual(r.inUnit(() => r.executor.giveUp()), []);
    assert.deepEqual(r.addresses(), [], 'giving up removes the address of the plan in force');
    assert.equal(r.mac(), r.ownMac);
});
test('a failing step is reported and logged, and the other ports are still taken over', (t) => {
    if (!kernelAvailable(t))
        return;
    const r = rig(t);
    const missing = r.port(['198.18.10.1/24'], { name: 'port9', ifname: 'tdmnosuch9', virtualMac: macBytes('02:54:44:07:00:09') });
    const good = r.port(['198.18.9.1/24']);
    const plan = planOf([missing, good]);
    const onlyPort9 = (failures, what) => {
        for (const f of failures) {
            assert.match(f, /port9/, `${what}: ${f}`);
            assert.doesNotMatch(f, /port2/, `${what}: ${f}`);
        }
    };
    const armed = r.inUnit(() => r.executor.arm(plan));
    onlyPort9(armed, 'arm');
    const listener = r.listen();
    r.logged.length = 0;
    const result = r.inUnit(() => r.executor.takeOver());
    assert.ok(result.failures.length > 0, 'the missing port is reported');
    onlyPort9(result.failures, 'takeOver');
    assert.ok(result.failures.some((f) => f.startsWith('virtual MAC 02:54:44:07:00:09 on port9: ') && f.includes('tdmnosuch9')), `the MAC step names the port and the interface: ${result.failures.join(' | ')}`);
    assert.ok(result.failures.some((f) => f.startsWith('add 198.18.10.1/24 to port9: ')), result.failures.join(' | '));
    assert.deepEqual(r.logged, result.failures.map((f) => `error: takeover step failed: ${f}`));
    assert.equal(r.mac(), VMAC, 'the good port after the bad one is claimed');
    assert.deepEqual(r.addresses(), ['198.18.9.1/24']);
    assert.equal(r.ipForward(), '1');
    assert.equal(result.announced, 1, 'the good port announces');
    assert.ok(awaitAnnouncement(listener, '198.18.9.1', 10_000).found, 'the announcement went out');
    const gaveUp = r.inUnit(() => r.executor.giveUp());
    onlyPort9(gaveUp, 'giveUp');
    assert.equal(r.mac(), r.ownMac);
    assert.deepEqual(r.addresses(), []);
    assert.equal(r.ipForward(), '0');
});
//# sourceMappingURL=executor-linux.test.js.map