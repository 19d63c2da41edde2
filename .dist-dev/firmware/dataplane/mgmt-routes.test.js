/**
 * Management routes from a configuration, and the reconciling of the kernel (the fake NIC,
 * which fails the way the kernel does) to them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClockDevice } from '../../hal/clock/clock-device.fake.js';
import { E } from '../../hal/errors.js';
import { FakeNic } from '../../hal/nic/nic.fake.js';
import { directSource, MGMT_RULE_PRIORITY, MGMT_TABLE, mgmtPlan, NO_MGMT_ROUTING, reconcileMgmtRouting, } from './mgmt-routes.js';
const PORTS = [
    { name: 'port1', ifname: 'eth1', role: 'data' },
    { name: 'port2', ifname: 'eth2', role: 'data' },
    { name: 'mgmt', ifname: 'eth0', role: 'mgmt' },
];
function iface(name, address, prefixLength = 24) {
    return {
        name,
        address: address === undefined ? undefined : { address, prefixLength },
        ipv6: undefined,
        allowaccess: [],
        role: 'undefined',
        alias: '',
        perUnit: name === 'mgmt',
    };
}
const DP = {
    interfaces: [iface('port1', '198.18.1.1'), iface('port2'), iface('mgmt', '198.18.3.11')],
    routes: [],
    addresses: [],
    services: [],
    pools: [],
    policies: [],
    linkMonitors: [],
};
const entry = (id, iface, dst, gateway) => ({ id, interface: iface, dst, gateway });
const on = (...mgmtInterfaces) => ({ haMgmtStatus: true, mgmtInterfaces });
const text = (routes) => routes.map((r) => `${r.dst} via ${r.gateway ?? '-'} dev ${r.ifname} table ${r.table ?? 'main'}`);
test('ha-mgmt-status disable: no route, no rule, whatever the table holds', () => {
    const off = { haMgmtStatus: false, mgmtInterfaces: [entry(1, 'port1', '0.0.0.0/0', '198.18.1.254')] };
    assert.deepEqual(mgmtPlan(off, DP, PORTS), { routes: [], rules: [], problems: [] });
});
test("each entry's dst via its gateway in table 100, beside the interface's own network, and one rule per source address", () => {
    const plan = mgmtPlan(on(entry(1, 'mgmt', '198.18.200.0/24', '198.18.3.10'), entry(2, 'mgmt', '198.18.201.7/24', '198.18.3.10'), entry(3, 'port1', '0.0.0.0/0', '198.18.1.254'), entry(4, 'port1', '198.18.4.0/24', '0.0.0.0')), DP, PORTS);
    assert.deepEqual(text(plan.routes), [
        '198.18.3.0/24 via - dev eth0 table 100',
        '198.18.200.0/24 via 198.18.3.10 dev eth0 table 100',
        '198.18.201.0/24 via 198.18.3.10 dev eth0 table 100',
        '198.18.1.0/24 via - dev eth1 table 100',
        '0.0.0.0/0 via 198.18.1.254 dev eth1 table 100',
        '198.18.4.0/24 via - dev eth1 table 100',
    ]);
    assert.ok(plan.routes.every((r) => r.table === MGMT_TABLE && r.metric === 0));
    assert.deepEqual(plan.rules, [
        { from: '198.18.3.11/32', table: MGMT_TABLE, priority: MGMT_RULE_PRIORITY },
        { from: '198.18.1.1/32', table: MGMT_TABLE, priority: MGMT_RULE_PRIORITY },
    ]);
    assert.ok(MGMT_RULE_PRIORITY > 0 && MGMT_RULE_PRIORITY < 32766, 'after local, before main');
    assert.deepEqual(plan.problems, []);
});
test('entries that cannot be routed are left out, each with its reason; the others stand', () => {
    const plan = mgmtPlan(on(entry(1, 'port9', '198.18.200.0/24', '198.18.3.10'), entry(2, 'port2', '198.18.200.0/24', '198.18.3.10'), entry(3, 'mgmt', '198.18.200.0', '198.18.3.10'), entry(4, 'mgmt', '198.18.200.0/24', '198.18.3.10'), entry(5, 'mgmt', '198.18.200.0/24', '198.18.3.20'), entry(6, 'mgmt', '198.18.3.0/24', '198.18.3.20')), DP, PORTS);
    assert.deepEqual(plan.problems, [
        'ha-mgmt-interfaces 1: interface "port9" is not a port of this board',
        'ha-mgmt-interfaces 2: interface "port2" has no address to manage this unit from',
        'ha-mgmt-interfaces 3: dst "198.18.200.0" is not an IPv4 prefix a.b.c.d/0-32',
        'ha-mgmt-interfaces 5: dst 198.18.200.0/24 is already reached through 198.18.3.10',
        "ha-mgmt-interfaces 6: dst 198.18.3.0/24 is already reached through mgmt's own network",
    ]);
    assert.deepEqual(text(plan.routes), [
        '198.18.3.0/24 via - dev eth0 table 100',
        '198.18.200.0/24 via 198.18.3.10 dev eth0 table 100',
    ]);
});
function kernel() {
    const nic = new FakeNic(new FakeClockDevice());
    for (const p of PORTS)
        nic.addLink(p.ifname);
    nic.addAddress('eth0', '198.18.3.11/24');
    nic.addAddress('eth1', '198.18.1.1/24');
    return nic;
}
test('reconciling installs the plan, then takes away what a later plan drops and replaces what it changes', () => {
    const nic = kernel();
    const first = mgmtPlan(on(entry(1, 'mgmt', '198.18.200.0/24', '198.18.3.10'), entry(2, 'port1', '0.0.0.0/0', '198.18.1.254')), DP, PORTS);
    const a = reconcileMgmtRouting(nic, NO_MGMT_ROUTING, first);
    assert.deepEqual(a.failures, []);
    assert.deepEqual(a.installed, { routes: first.routes, rules: first.rules });
    assert.deepEqual(text(nic.routes), text(first.routes));
    assert.deepEqual(nic.rules, first.rules);
    const second = mgmtPlan(on(entry(1, 'mgmt', '198.18.200.0/24', '198.18.3.20')), DP, PORTS);
    const b = reconcileMgmtRouting(nic, a.installed, second);
    assert.deepEqual(b.failures, []);
    assert.deepEqual(text(nic.routes), [
        '198.18.3.0/24 via - dev eth0 table 100',
        '198.18.200.0/24 via 198.18.3.20 dev eth0 table 100',
    ]);
    assert.deepEqual(nic.rules, [{ from: '198.18.3.11/32', table: MGMT_TABLE, priority: MGMT_RULE_PRIORITY }]);
    const c = reconcileMgmtRouting(nic, b.installed, NO_MGMT_ROUTING);
    assert.deepEqual(c, { installed: NO_MGMT_ROUTING, failures: [] });
    assert.deepEqual(nic.routes, []);
    assert.deepEqual(nic.rules, []);
});
test('what the kernel refuses is reported and remembered as it stands: a failed removal is tried again, a failed add is not counted', () => {
    const nic = kernel();
    const plan = mgmtPlan(on(entry(1, 'mgmt', '198.18.200.0/24', '198.18.3.10'), entry(2, 'mgmt', '198.18.201.0/24', '198.18.9.1')), DP, PORTS);
    const a = reconcileMgmtRouting(nic, NO_MGMT_ROUTING, plan);
    assert.equal(a.failures.length, 1);
    assert.match(a.failures[0] ?? '', /^route 198\.18\.201\.0\/24 via 198\.18\.9\.1 table 100: nic eth0: replaceRoute failed \(errno 101/);
    assert.deepEqual(text(a.installed.routes), [
        '198.18.3.0/24 via - dev eth0 table 100',
        '198.18.200.0/24 via 198.18.3.10 dev eth0 table 100',
    ]);
    nic.failWith('removeRule', '', E.ENOBUFS);
    const b = reconcileMgmtRouting(nic, a.installed, NO_MGMT_ROUTING);
    assert.deepEqual(b.failures, [
        'remove rule from 198.18.3.11/32 lookup 100 priority 100: nic rules: removeRule failed (errno 105, errno 105)',
    ]);
    assert.deepEqual(b.installed, { routes: [], rules: a.installed.rules }, 'the rule stays to be removed next time');
    const other = kernel();
    other.failWith('addRule', '', E.ENOBUFS);
    const fresh = reconcileMgmtRouting(other, NO_MGMT_ROUTING, mgmtPlan(on(entry(1, 'port1', '0.0.0.0/0', '198.18.1.254')), DP, PORTS));
    assert.deepEqual(fresh.installed.rules, [], 'kept out of what is installed when adding it failed');
    assert.equal(fresh.installed.routes.length, 2, 'the routes went in all the same');
    nic.failWith('removeRule', '', null);
    const c = reconcileMgmtRouting(nic, b.installed, NO_MGMT_ROUTING);
    assert.deepEqual(c, { installed: NO_MGMT_ROUTING, failures: [] });
    assert.deepEqual(nic.rules, []);
});
test('ha-direct: management traffic leaves from the first reserved interface, only with ha-mgmt-status', () => {
    const reserved = on(entry(1, 'mgmt', '198.18.200.0/24', '198.18.3.10'));
    assert.equal(directSource({ ...reserved, haDirect: true }, DP), '198.18.3.11');
    assert.equal(directSource({ ...reserved, haDirect: false }, DP), undefined);
    assert.equal(directSource({ ...reserved, haDirect: true, haMgmtStatus: false }, DP), undefined);
    assert.equal(directSource({ ...on(entry(1, 'port2', '0.0.0.0/0', '198.18.3.10')), haDirect: true }, DP), undefined, 'no address');
});
//# sourceMappingURL=mgmt-routes.test.js.map