/**
 * The armed plan built from the data plane and the board's port list: which ports move, with
 * which virtual MAC, and which addresses (the interface's and the ippool addresses it must
 * answer ARP for).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simBoard } from '../../board/sim/index.js';
import { formatMac } from '../../lib/ethernet.js';
import { isVirtualMac, MAX_POOL_ADDRESSES, samePorts, takeoverPlan } from './plan.js';
import { virtualMac } from './virtual-mac.js';
const SIM_PORTS = simBoard({ dir: '/nonexistent', serial: 'SIM0', tty: '/dev/null' }).ports;
const HA = { groupId: 7, vcluster: 0, gratuitousArps: true };
function iface(name, cidr, fields = {}) {
    const [address, bits] = cidr?.split('/') ?? [];
    return {
        name,
        address: cidr === undefined ? undefined : { address, prefixLength: Number(bits) },
        ipv6: undefined,
        allowaccess: [],
        role: 'undefined',
        alias: '',
        perUnit: false,
        ...fields,
    };
}
function pool(name, startIp, endIp) {
    return { name, type: 'overload', startIp, endIp };
}
function dataPlane(interfaces, pools = []) {
    return { interfaces, routes: [], addresses: [], services: [], pools, policies: [], linkMonitors: [] };
}
function port(ports, name) {
    const found = ports.find((p) => p.name === name);
    assert.ok(found, `${name} is not in the plan (${ports.map((p) => p.name).join(', ')})`);
    return found;
}
const macOf = (p) => (p.virtualMac ? formatMac(p.virtualMac) : null);
test('every data port of the sim board is planned, with the virtual MAC of its board index; sync and heartbeat ports are not', () => {
    const plan = takeoverPlan(dataPlane([]), SIM_PORTS, HA);
    assert.deepEqual(plan.ports.map((p) => [p.name, p.ifname, macOf(p)]), [
        ['port1', 'port1', '02:54:44:07:00:00'],
        ['port2', 'port2', '02:54:44:07:00:01'],
    ]);
    for (const p of plan.ports) {
        assert.deepEqual(p.ipv4, [], `${p.name} has no address configured`);
        assert.deepEqual(p.ipv6, []);
    }
});
test('the port index counts every board port before the data port, whatever its role', () => {
    const ports = [
        { name: 'mgmt', ifname: 'eth0', role: 'mgmt' },
        { name: 'ha1', ifname: 'eth1', role: 'heartbeat' },
        { name: 'port1', ifname: 'eth2', role: 'data' },
        { name: 'port3', ifname: 'eth3', role: 'sync' },
        { name: 'port2', ifname: 'eth4', role: 'data' },
    ];
    const plan = takeoverPlan(dataPlane([iface('mgmt', '198.18.100.5/24', { perUnit: true })]), ports, {
        groupId: 200,
        vcluster: 1,
        gratuitousArps: false,
    });
    assert.deepEqual(plan.ports.map((p) => [p.name, p.ifname, macOf(p)]), [
        ['port1', 'eth2', '02:54:44:c8:01:02'],
        ['port2', 'eth4', '02:54:44:c8:01:04'],
    ], 'the mgmt port never moves');
});
test('standalone (no group-id): the ports keep their own MACs', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/24')]), SIM_PORTS, { ...HA, groupId: null });
    assert.deepEqual(plan.ports.map((p) => [p.name, p.virtualMac]), [
        ['port1', null],
        ['port2', null],
    ]);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.1/24'], 'addresses move all the same');
});
test('interface addresses are planned as CIDR on their own port', () => {
    const plan = takeoverPlan(dataPlane([iface('port2', '198.18.2.1/24'), iface('port1', '198.18.1.254/25')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.254/25']);
    assert.deepEqual(port(plan.ports, 'port2').ipv4, ['198.18.2.1/24']);
});
test('a per-unit data port (reserved by ha-mgmt-interfaces) is not planned: it keeps its own MAC and address; the others keep their index', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/24', { perUnit: true }), iface('port2', '198.18.2.1/24')], [pool('p', '198.18.1.10', '198.18.1.11')]), SIM_PORTS, HA);
    assert.deepEqual(plan.ports.map((p) => [p.name, macOf(p), p.ipv4]), [['port2', '02:54:44:07:00:01', ['198.18.2.1/24']]], 'neither port1, its address nor the pools in its subnet');
});
test('an interface without an address plans no pool addresses', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', undefined)], [pool('p', '198.18.1.10', '198.18.1.12')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, []);
});
test('ippool addresses inside a port subnet become /32s on that port, after its own address', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/24'), iface('port2', '198.18.2.1/24')], [pool('wan', '198.18.2.50', '198.18.2.52'), pool('one', '198.18.1.60', '198.18.1.60')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.1/24', '198.18.1.60/32']);
    assert.deepEqual(port(plan.ports, 'port2').ipv4, ['198.18.2.1/24', '198.18.2.50/32', '198.18.2.51/32', '198.18.2.52/32']);
});
test('a pool straddling the subnet edge contributes only the addresses inside it', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/30')], [pool('edge', '198.18.0.254', '198.18.1.5')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.1/30', '198.18.1.0/32', '198.18.1.2/32', '198.18.1.3/32']);
});
test('pool addresses outside every port subnet are on no port', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/24'), iface('port2', '198.18.2.1/24')], [pool('far', '198.19.5.1', '198.19.5.3')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.1/24']);
    assert.deepEqual(port(plan.ports, 'port2').ipv4, ['198.18.2.1/24']);
});
test("the interface's own address in a pool is not planned twice", () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.5/24')], [pool('p', '198.18.1.4', '198.18.1.6')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.5/24', '198.18.1.4/32', '198.18.1.6/32']);
});
test(`a pool of ${MAX_POOL_ADDRESSES} addresses is planned, one more is skipped`, () => {
    assert.equal(MAX_POOL_ADDRESSES, 256);
    const fits = takeoverPlan(dataPlane([iface('port1', '198.18.0.1/16')], [pool('p', '198.18.4.0', '198.18.4.255')]), SIM_PORTS, HA);
    const planned = port(fits.ports, 'port1').ipv4;
    assert.equal(planned.length, 1 + 256);
    assert.equal(planned[1], '198.18.4.0/32');
    assert.equal(planned[256], '198.18.4.255/32');
    const tooBig = takeoverPlan(dataPlane([iface('port1', '198.18.0.1/16')], [pool('big', '198.18.4.0', '198.18.5.0'), pool('small', '198.18.9.9', '198.18.9.9')]), SIM_PORTS, HA);
    assert.deepEqual(port(tooBig.ports, 'port1').ipv4, ['198.18.0.1/16', '198.18.9.9/32'], 'the big pool only is skipped');
});
test('a /32 interface holds nothing but its own address', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/32')], [pool('p', '198.18.1.0', '198.18.1.2')]), SIM_PORTS, HA);
    assert.deepEqual(port(plan.ports, 'port1').ipv4, ['198.18.1.1/32']);
});
test('announce follows gratuitous-arps', () => {
    assert.equal(takeoverPlan(dataPlane([]), SIM_PORTS, HA).announce, true);
    assert.equal(takeoverPlan(dataPlane([]), SIM_PORTS, { ...HA, gratuitousArps: false }).announce, false);
});
test('the plan survives structured cloning unchanged (it is posted to the heartbeat worker)', () => {
    const plan = takeoverPlan(dataPlane([iface('port1', '198.18.1.1/24')], [pool('p', '198.18.1.9', '198.18.1.9')]), SIM_PORTS, HA);
    assert.deepEqual(structuredClone(plan), plan);
});
test('isVirtualMac: the 02:54:44 range only', () => {
    assert.equal(isVirtualMac(virtualMac(7, 0, 1)), true);
    assert.equal(isVirtualMac(virtualMac(0, 0, 0)), true);
    assert.equal(isVirtualMac(Uint8Array.of(0x02, 0x54, 0x53, 0x07, 0x00, 0x01)), false, 'a fallback own MAC');
    assert.equal(isVirtualMac(Uint8Array.of(0x00, 0x54, 0x44, 0x07, 0x00, 0x01)), false);
    assert.equal(isVirtualMac(Uint8Array.of(0x02, 0x55, 0x44, 0x07, 0x00, 0x01)), false);
    assert.equal(isVirtualMac(Uint8Array.of(0x52, 0x54, 0x00, 0x12, 0x34, 0x56)), false, 'a QEMU MAC');
});
test('an interface IPv6 address is planned for neighbour advertisements', () => {
    const dp = dataPlane([iface('port2', '198.18.1.1/24', { ipv6: '2001:db8:1::1/64' })]);
    const port2 = takeoverPlan(dp, SIM_PORTS, HA).ports.find((p) => p.name === 'port2');
    assert.deepEqual(port2?.ipv6, ['2001:db8:1::1/64']);
});
test('samePorts: equal MACs and addresses on the same ports, whatever else differs', () => {
    const dp = dataPlane([iface('port2', '198.18.1.1/24')]);
    const a = takeoverPlan(dp, SIM_PORTS, HA);
    assert.equal(samePorts(a, takeoverPlan(dp, SIM_PORTS, { ...HA, gratuitousArps: false })), true);
    assert.equal(samePorts(a, takeoverPlan(dataPlane([iface('port2', '198.18.1.2/24')]), SIM_PORTS, HA)), false);
    assert.equal(samePorts(a, takeoverPlan(dp, SIM_PORTS, { ...HA, groupId: 8 })), false);
});
//# sourceMappingURL=plan.test.js.map