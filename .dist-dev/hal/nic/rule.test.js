/**
 * Policy routing against the real kernel, in a throwaway network namespace: routes in a table
 * of their own and the rules that send a source address there, read back with `ip -j`.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { E, HalError } from '../errors.js';
import { ipJson, ipRun, kernelAvailable, kernelUnavailable } from '../kernel-gate.testkit.js';
import { deleteNetns, withNetns } from '../netns.js';
import { createLinuxNic } from './linux.js';
import { RTPROT_TANDEM } from './route.js';
import { scratchVethPair } from './veth.testkit.js';
const TABLE = 100;
describe('policy routing', () => {
    const ns = `trule${process.pid}`;
    const port = `tmg${process.pid}`;
    const other = `tmo${process.pid}`;
    const nic = createLinuxNic();
    const inNs = (fn) => withNetns(ns, fn);
    const tableRoutes = (table = TABLE) => ipJson(ns, ['route', 'show', 'table', String(table)]);
    const ours = () => ipJson(ns, ['-d', 'rule', 'show']).filter((r) => Number(r.protocol) === RTPROT_TANDEM);
    const errno = (n, named) => (e) => e instanceof HalError && e.errno === n && e.message.includes(named);
    before(() => {
        if (kernelUnavailable())
            return;
        scratchVethPair(ns, port, other);
        ipRun(ns, ['addr', 'add', '198.18.3.11/24', 'dev', port]);
    });
    afterEach(() => {
        if (kernelUnavailable())
            return;
        ipRun(ns, ['route', 'flush', 'table', String(TABLE)]);
        for (const r of ours())
            ipRun(ns, ['rule', 'del', 'priority', String(r.priority)]);
    });
    after(() => {
        if (!kernelUnavailable())
            deleteNetns(ns);
    });
    it('installs a route in its table, not onlink, and leaves the main table alone', (t) => {
        if (!kernelAvailable(t))
            return;
        inNs(() => nic.replaceRoute({ dst: '198.18.200.0/24', gateway: '198.18.3.10', ifname: port, metric: 0, table: TABLE }));
        const [r, extra] = tableRoutes();
        assert.equal(extra, undefined);
        assert.deepEqual([r.dst, r.gateway, r.dev, Number(r.protocol)], ['198.18.200.0/24', '198.18.3.10', port, RTPROT_TANDEM]);
        assert.ok(!r.flags.includes('onlink'), `flags ${r.flags}`);
        assert.deepEqual(tableRoutes('main').filter((m) => m.dst === '198.18.200.0/24'), []);
    });
    it('installs the default route and a table past 255 (carried in RTA_TABLE)', (t) => {
        if (!kernelAvailable(t))
            return;
        const big = 70000;
        inNs(() => nic.replaceRoute({ dst: '0.0.0.0/0', gateway: '198.18.3.10', ifname: port, metric: 0, table: big }));
        try {
            assert.deepEqual(tableRoutes(big).map((r) => [r.dst, r.gateway]), [['default', '198.18.3.10']]);
            assert.deepEqual(tableRoutes(), [], 'not in table 100 (the one byte of the header would say 70000 % 256)');
        }
        finally {
            ipRun(ns, ['route', 'flush', 'table', String(big)]);
        }
    });
    it('replaces a route of the same table, prefix and metric; removes it; removing it again is not an error', (t) => {
        if (!kernelAvailable(t))
            return;
        const route = { dst: '198.18.201.0/24', gateway: '198.18.3.10', ifname: port, metric: 0, table: TABLE };
        inNs(() => {
            nic.replaceRoute(route);
            nic.replaceRoute({ ...route, gateway: '198.18.3.20' });
        });
        assert.deepEqual(tableRoutes().map((r) => r.gateway), ['198.18.3.20']);
        inNs(() => nic.removeRoute({ ...route, gateway: '198.18.3.20' }));
        assert.deepEqual(tableRoutes(), []);
        inNs(() => nic.removeRoute(route));
        inNs(() => nic.removeRoute({ ...route, table: 4321 }));
    });
    it('refuses a gateway that is not on a network connected to the interface with ENETUNREACH', (t) => {
        if (!kernelAvailable(t))
            return;
        const route = { dst: '198.18.202.0/24', gateway: '198.18.5.1', ifname: port, metric: 0, table: TABLE };
        assert.throws(() => inNs(() => nic.replaceRoute(route)), errno(E.ENETUNREACH, '198.18.5.1'));
        assert.throws(() => inNs(() => nic.replaceRoute({ ...route, gateway: '198.18.3.10', ifname: other })), errno(E.ENETUNREACH, 'table 100'), 'the network is connected, but through another interface');
        assert.deepEqual(tableRoutes(), []);
    });
    it("refuses a table of the kernel's own or out of range, naming it", (t) => {
        if (!kernelAvailable(t))
            return;
        for (const table of [0, 253, 254, 255, 2 ** 32, 1.5]) {
            const route = { dst: '198.18.203.0/24', gateway: '198.18.3.10', ifname: port, metric: 0, table };
            assert.throws(() => inNs(() => nic.replaceRoute(route)), errno(E.EINVAL, `table ${table}`));
        }
    });
    it('adds a rule with its source, table, priority and protocol; adding it again leaves one', (t) => {
        if (!kernelAvailable(t))
            return;
        const rule = { from: '198.18.3.11/32', table: TABLE, priority: 100 };
        inNs(() => {
            nic.addRule(rule);
            nic.addRule(rule);
        });
        const [r, extra] = ours();
        assert.equal(extra, undefined, 'one rule');
        assert.deepEqual([r.priority, r.src, r.table, Number(r.protocol)], [100, '198.18.3.11', String(TABLE), RTPROT_TANDEM]);
        inNs(() => nic.addRule({ ...rule, priority: 101 }));
        assert.deepEqual(ours().map((x) => x.priority), [100, 101], 'another priority is another rule');
    });
    it("a rule sends its source to the table: the route lookup from that address finds the table's route", (t) => {
        if (!kernelAvailable(t))
            return;
        inNs(() => {
            nic.replaceRoute({ dst: '198.18.204.0/24', gateway: '198.18.3.10', ifname: port, metric: 0, table: TABLE });
            nic.addRule({ from: '198.18.3.11/32', table: TABLE, priority: 100 });
        });
        const [viaRule] = ipJson(ns, ['route', 'get', '198.18.204.7', 'from', '198.18.3.11']);
        assert.equal(viaRule?.gateway, '198.18.3.10');
        assert.throws(() => ipJson(ns, ['route', 'get', '198.18.204.7']), /unreachable/i, 'without the source address the main table has no route');
    });
    it('removes a rule; removing one that is absent is not an error', (t) => {
        if (!kernelAvailable(t))
            return;
        const rule = { from: '198.18.3.11/32', table: TABLE, priority: 100 };
        inNs(() => nic.addRule(rule));
        inNs(() => nic.removeRule(rule));
        assert.deepEqual(ours(), []);
        inNs(() => {
            nic.removeRule(rule);
            nic.removeRule({ ...rule, from: '198.18.9.9/32' });
        });
    });
    const bad = [
        ['a source without a length', { from: '198.18.3.11', table: TABLE, priority: 100 }, '198.18.3.11'],
        ['an IPv6 source', { from: '2001:db8::1/128', table: TABLE, priority: 100 }, '2001:db8::1/128'],
        ['the main table', { from: '198.18.3.11/32', table: 254, priority: 100 }, 'table 254'],
        ['a negative priority', { from: '198.18.3.11/32', table: TABLE, priority: -1 }, 'priority -1'],
    ];
    for (const [what, rule, named] of bad) {
        it(`refuses a rule with ${what}, naming ${named}`, (t) => {
            if (!kernelAvailable(t))
                return;
            assert.throws(() => inNs(() => nic.addRule(rule)), errno(E.EINVAL, named));
            assert.throws(() => inNs(() => nic.removeRule(rule)), errno(E.EINVAL, named));
            assert.deepEqual(ours(), []);
        });
    }
});
//# sourceMappingURL=rule.test.js.map