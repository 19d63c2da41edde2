/**
 * Routes and the forwarding switch against the real kernel, in throwaway network namespaces:
 * what the driver installs is read back with `ip -j route` and `sysctl`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, afterEach, before, describe, it } from 'node:test';
import { HalError } from '../errors.js';
import { ipJson, ipRun, kernelAvailable, kernelUnavailable } from '../kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../netns.js';
import { createLinuxNic } from './linux.js';
import { RTPROT_TANDEM } from './route.js';
function ipForward(ns) {
    return execFileSync('ip', ['netns', 'exec', ns, 'sysctl', '-n', 'net.ipv4.ip_forward'], { encoding: 'utf8' }).trim();
}
describe('routes', () => {
    const ns = `troute${process.pid}`;
    const port = `trp${process.pid}`;
    const other = `tro${process.pid}`;
    const nic = createLinuxNic();
    const inNs = (fn) => withNetns(ns, fn);
    const routes = () => ipJson(ns, ['route', 'show', 'table', 'main']);
    const routesTo = (dst) => routes().filter((r) => r.dst === dst);
    before(() => {
        if (kernelUnavailable())
            return;
        addNetns(ns);
        ipRun(ns, ['link', 'add', port, 'type', 'veth', 'peer', 'name', other]);
        ipRun(ns, ['link', 'set', port, 'up']);
        ipRun(ns, ['link', 'set', other, 'up']);
        // As on a board. A namespace whose lo never came up has no local table, and the kernel
        // then refuses every onlink gateway ("Nexthop has invalid gateway").
        ipRun(ns, ['link', 'set', 'lo', 'up']);
    });
    afterEach(() => {
        if (!kernelUnavailable())
            ipRun(ns, ['route', 'flush', 'table', 'main', 'proto', String(RTPROT_TANDEM)]);
    });
    after(() => {
        if (!kernelUnavailable())
            deleteNetns(ns);
    });
    it('installs a gateway route onlink on a port with no address, with its protocol and metric', (t) => {
        if (!kernelAvailable(t))
            return;
        const addrs = ipJson(ns, ['-4', 'addr', 'show', 'dev', port]);
        assert.deepEqual(addrs[0]?.addr_info ?? [], [], 'the port holds no IPv4 address');
        inNs(() => nic.replaceRoute({ dst: '198.18.5.0/24', gateway: '198.18.4.1', ifname: port, metric: 10 }));
        const [r, extra] = routesTo('198.18.5.0/24');
        assert.equal(extra, undefined);
        assert.equal(r.gateway, '198.18.4.1');
        assert.equal(r.dev, port);
        assert.equal(Number(r.protocol), 0x54, `protocol ${r.protocol}`);
        assert.equal(RTPROT_TANDEM, 0x54);
        assert.equal(r.metric, 10);
        assert.ok(r.flags.includes('onlink'), `flags ${r.flags}`);
        assert.equal(r.scope ?? 'global', 'global');
    });
    it('installs the default route (prefix length 0)', (t) => {
        if (!kernelAvailable(t))
            return;
        inNs(() => nic.replaceRoute({ dst: '0.0.0.0/0', gateway: '198.18.4.1', ifname: port, metric: 5 }));
        const [r, extra] = routesTo('default');
        assert.equal(extra, undefined);
        assert.equal(r.gateway, '198.18.4.1');
        assert.equal(r.metric, 5);
        assert.equal(Number(r.protocol), 0x54);
    });
    it('installs a device route (no gateway) with scope link', (t) => {
        if (!kernelAvailable(t))
            return;
        inNs(() => nic.replaceRoute({ dst: '198.18.6.0/24', ifname: port, metric: 20 }));
        const [r, extra] = routesTo('198.18.6.0/24');
        assert.equal(extra, undefined);
        assert.equal(r.gateway, undefined);
        assert.equal(r.dev, port);
        assert.equal(r.scope, 'link');
        assert.equal(r.metric, 20);
        assert.equal(Number(r.protocol), 0x54);
    });
    it('replaces a route of the same prefix and metric; one of another metric stands beside it', (t) => {
        if (!kernelAvailable(t))
            return;
        const route = { dst: '198.18.7.0/24', gateway: '198.18.4.1', ifname: port, metric: 10 };
        inNs(() => nic.replaceRoute(route));
        inNs(() => nic.replaceRoute({ ...route, gateway: '198.18.4.2' }));
        assert.deepEqual(routesTo('198.18.7.0/24').map((r) => [r.gateway, r.metric]), [['198.18.4.2', 10]]);
        inNs(() => nic.replaceRoute({ ...route, ifname: other }));
        assert.deepEqual(routesTo('198.18.7.0/24').map((r) => [r.dev, r.gateway, r.metric]), [[other, '198.18.4.1', 10]], 'same prefix and metric on another port replaces too');
        inNs(() => nic.replaceRoute({ ...route, metric: 30 }));
        assert.deepEqual(routesTo('198.18.7.0/24')
            .map((r) => [r.dev, r.gateway, r.metric])
            .sort((a, b) => Number(a[2]) - Number(b[2])), [
            [other, '198.18.4.1', 10],
            [port, '198.18.4.1', 30],
        ]);
    });
    it('removes a route, and removing one that is absent is not an error', (t) => {
        if (!kernelAvailable(t))
            return;
        const gw = { dst: '198.18.8.0/24', gateway: '198.18.4.1', ifname: port, metric: 10 };
        const dev = { dst: '198.18.9.0/24', ifname: port, metric: 10 };
        inNs(() => {
            nic.replaceRoute(gw);
            nic.replaceRoute(dev);
        });
        inNs(() => nic.removeRoute(gw));
        assert.deepEqual(routesTo('198.18.8.0/24'), []);
        assert.equal(routesTo('198.18.9.0/24').length, 1, 'the other route stays');
        inNs(() => nic.removeRoute(dev));
        assert.deepEqual(routesTo('198.18.9.0/24'), []);
        inNs(() => {
            nic.removeRoute(gw);
            nic.removeRoute(dev);
            nic.removeRoute({ dst: '0.0.0.0/0', gateway: '198.18.4.1', ifname: port, metric: 99 });
        });
    });
    it('removes only the route of the given metric', (t) => {
        if (!kernelAvailable(t))
            return;
        const route = { dst: '198.18.10.0/24', gateway: '198.18.4.1', ifname: port, metric: 10 };
        inNs(() => {
            nic.replaceRoute(route);
            nic.replaceRoute({ ...route, metric: 20 });
            nic.removeRoute({ ...route, metric: 20 });
        });
        assert.deepEqual(routesTo('198.18.10.0/24').map((r) => r.metric), [10]);
    });
    const bad = [
        ['an IPv6 prefix', { dst: '2001:db8::/64', ifname: port, metric: 1 }, '2001:db8::/64'],
        ['an IPv6 gateway', { dst: '198.18.11.0/24', gateway: '2001:db8::1', ifname: port, metric: 1 }, '2001:db8::1'],
        ['a prefix without length', { dst: '198.18.11.0', ifname: port, metric: 1 }, '198.18.11.0'],
        ['a prefix that is no address', { dst: 'nonsense/24', ifname: port, metric: 1 }, 'nonsense/24'],
        ['a prefix length over 32', { dst: '198.18.11.0/33', ifname: port, metric: 1 }, '198.18.11.0/33'],
        ['a gateway that is no address', { dst: '198.18.11.0/24', gateway: '198.18.4', ifname: port, metric: 1 }, '198.18.4'],
        ['an unknown interface', { dst: '198.18.11.0/24', gateway: '198.18.4.1', ifname: 'tdmnosuch0', metric: 1 }, 'tdmnosuch0'],
        ['host bits in the prefix', { dst: '198.18.11.1/24', ifname: port, metric: 1 }, '198.18.11.1/24'],
    ];
    for (const [what, route, named] of bad) {
        it(`refuses ${what} with a HalError naming ${named}`, (t) => {
            if (!kernelAvailable(t))
                return;
            const isNamed = (e) => e instanceof HalError && e.message.includes(named);
            assert.throws(() => inNs(() => nic.replaceRoute(route)), isNamed);
            assert.throws(() => inNs(() => nic.removeRoute(route)), isNamed);
            assert.deepEqual(routes().filter((r) => Number(r.protocol) === RTPROT_TANDEM), []);
        });
    }
});
describe('forwarding', () => {
    const nsA = `tfwa${process.pid}`;
    const nsB = `tfwb${process.pid}`;
    let hostBefore = '';
    const hostForward = () => readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();
    before(() => {
        if (kernelUnavailable())
            return;
        hostBefore = hostForward();
        addNetns(nsA);
        addNetns(nsB);
    });
    after(() => {
        if (kernelUnavailable())
            return;
        try {
            deleteNetns(nsA);
            deleteNetns(nsB);
        }
        finally {
            // Only a broken switch writes the host's; undo that rather than leave the host changed.
            if (hostForward() !== hostBefore)
                writeFileSync('/proc/sys/net/ipv4/ip_forward', hostBefore);
        }
    });
    const checkHost = (t) => assert.equal(hostForward(), hostBefore, `${t.name}: the host's ip_forward changed`);
    it("flips the namespace's ip_forward where its first call ran, not the host's", (t) => {
        if (!kernelAvailable(t))
            return;
        const nic = createLinuxNic();
        assert.equal(ipForward(nsA), '0', 'a new namespace starts with forwarding off');
        withNetns(nsA, () => nic.setIpv4Forwarding(true));
        assert.equal(ipForward(nsA), '1');
        checkHost(t);
        withNetns(nsA, () => nic.setIpv4Forwarding(false));
        assert.equal(ipForward(nsA), '0');
        withNetns(nsA, () => nic.setIpv4Forwarding(true));
        withNetns(nsA, () => nic.setIpv4Forwarding(true));
        assert.equal(ipForward(nsA), '1', 'setting it twice is harmless');
        checkHost(t);
    });
    it('keeps to that namespace when later called from another thread namespace', (t) => {
        if (!kernelAvailable(t))
            return;
        const nic = createLinuxNic();
        // Ask for the host's own value from the host, so even a switch that followed the calling
        // thread would leave the host as it was.
        const host = hostForward() === '1';
        withNetns(nsA, () => nic.setIpv4Forwarding(!host));
        assert.equal(ipForward(nsA), host ? '0' : '1');
        nic.setIpv4Forwarding(host);
        assert.equal(ipForward(nsA), host ? '1' : '0', 'the call from the host namespace went to the first namespace');
        withNetns(nsB, () => nic.setIpv4Forwarding(!host));
        assert.equal(ipForward(nsA), host ? '0' : '1');
        assert.equal(ipForward(nsB), '0', 'a namespace the switch was not opened in is untouched');
        checkHost(t);
    });
    it('each NIC instance has its own switch', (t) => {
        if (!kernelAvailable(t))
            return;
        const a = createLinuxNic();
        const b = createLinuxNic();
        withNetns(nsA, () => a.setIpv4Forwarding(false));
        withNetns(nsB, () => b.setIpv4Forwarding(true));
        assert.equal(ipForward(nsA), '0');
        assert.equal(ipForward(nsB), '1');
        withNetns(nsB, () => a.setIpv4Forwarding(true));
        withNetns(nsA, () => b.setIpv4Forwarding(false));
        assert.equal(ipForward(nsA), '1');
        assert.equal(ipForward(nsB), '0');
        checkHost(t);
    });
});
//# sourceMappingURL=route.test.js.map