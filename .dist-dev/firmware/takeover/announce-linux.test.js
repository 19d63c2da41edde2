/**
 * The announcements against the real kernel: two namespaces joined by a veth, the sender's
 * end carrying the virtual MAC, the receiver a plain Linux host that already holds neighbour
 * entries for the announced addresses at an old MAC. Frames go out through the NIC driver's
 * RawPort; `ip -j neigh` on the receiver shows whether the kernel accepted and applied them.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ipJson, ipRun, kernelAvailable, kernelUnavailable } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../../hal/netns.js';
import { createLinuxNic } from '../../hal/nic/linux.js';
import { ETHERTYPE_ARP, ETHERTYPE_IPV6, formatMac } from '../../lib/ethernet.js';
import { writeGratuitousArp } from './arp-frames.js';
import { writeUnsolicitedNa } from './na-frames.js';
import { virtualMac } from './virtual-mac.js';
const nsTx = `tgtx${process.pid}`;
const nsRx = `tgrx${process.pid}`;
const ifTx = `tgt${process.pid}`;
const ifRx = `tgr${process.pid}`;
const OLD_MAC = '02:00:00:00:00:01';
const VMAC = virtualMac(7, 0, 1);
const nic = createLinuxNic();
function neighbour(address) {
    return ipJson(nsRx, ['neigh', 'show', 'to', address, 'dev', ifRx])[0];
}
function plantOldEntry(address) {
    ipRun(nsRx, ['neigh', 'replace', address, 'lladdr', OLD_MAC, 'dev', ifRx, 'nud', 'stale']);
    assert.equal(neighbour(address)?.lladdr, OLD_MAC);
}
async function waitForMac(address, mac) {
    const deadline = Date.now() + 10_000;
    for (;;) {
        const seen = neighbour(address);
        if (seen?.lladdr === mac)
            return;
        if (Date.now() > deadline)
            assert.fail(`receiver's entry for ${address} is ${JSON.stringify(seen)}, expected lladdr ${mac}`);
        await sleep(10);
    }
}
function rxSysctl(path, value) {
    const file = `/proc/sys/net/${path}`;
    return withNetns(nsRx, () => {
        if (value !== undefined)
            writeFileSync(file, value);
        return readFileSync(file, 'utf8').trim();
    });
}
describe('announcements accepted by a Linux host', () => {
    const ports = [];
    const frame = new Uint8Array(128);
    const openPort = (ethertype) => {
        const port = withNetns(nsTx, () => nic.openPort(ifTx, ethertype));
        ports.push(port);
        return port;
    };
    const sendGarp = (port, address, form) => {
        const length = writeGratuitousArp(frame, 0, VMAC, address, form);
        assert.equal(port.send(frame, length), true, `send failed, errno ${port.counters.lastTxErrno}`);
    };
    before(async () => {
        if (kernelUnavailable())
            return;
        addNetns(nsTx);
        addNetns(nsRx);
        ipRun(nsTx, ['link', 'add', ifTx, 'type', 'veth', 'peer', 'name', ifRx, 'netns', nsRx]);
        withNetns(nsTx, () => nic.setMac(ifTx, VMAC));
        ipRun(nsTx, ['link', 'set', ifTx, 'up']);
        ipRun(nsRx, ['link', 'set', ifRx, 'up']);
        ipRun(nsRx, ['addr', 'add', '198.18.7.2/24', 'dev', ifRx]);
        ipRun(nsRx, ['addr', 'add', '2001:2:7::2/64', 'dev', ifRx, 'nodad']);
        // Until the receiver routes ff00::/8 it drops every multicast NA (Ip6InNoRoutes); a fresh
        // veth gets that route only once IPv6 is configured on it.
        const deadline = Date.now() + 10_000;
        const routes = () => ipJson(nsRx, ['-6', 'route', 'show', 'table', 'local', 'dev', ifRx]);
        while (!routes().some((r) => r.dst === 'ff00::/8')) {
            if (Date.now() > deadline)
                assert.fail(`no ff00::/8 route on ${ifRx} after 10 s`);
            await sleep(10);
        }
    });
    after(() => {
        for (const port of ports)
            port.close();
        if (kernelUnavailable())
            return;
        deleteNetns(nsTx);
        deleteNetns(nsRx);
    });
    for (const form of ['request', 'reply']) {
        it(`a gratuitous ARP ${form} moves an existing entry to the virtual MAC with arp_accept 0`, async (t) => {
            if (!kernelAvailable(t))
                return;
            assert.equal(rxSysctl(`ipv4/conf/${ifRx}/arp_accept`), '0', 'the default');
            const port = openPort(ETHERTYPE_ARP);
            assert.equal(formatMac(port.mac), formatMac(VMAC), 'the sender port carries the virtual MAC');
            plantOldEntry('198.18.7.1');
            // Within the entry's locktime (1 s) Linux takes a new MAC only from a frame it deems
            // gratuitous, so this also checks that both forms pass its arp_is_garp test.
            sendGarp(port, '198.18.7.1', form);
            await waitForMac('198.18.7.1', formatMac(VMAC));
        });
    }
    it('a gratuitous ARP creates no entry with arp_accept 0, and does with arp_accept 1', async (t) => {
        if (!kernelAvailable(t))
            return;
        const port = openPort(ETHERTYPE_ARP);
        plantOldEntry('198.18.7.1');
        sendGarp(port, '198.18.7.9', 'request');
        sendGarp(port, '198.18.7.1', 'request');
        await waitForMac('198.18.7.1', formatMac(VMAC));
        await sleep(200);
        assert.equal(neighbour('198.18.7.9'), undefined, 'an unknown address was learned with arp_accept 0');
        rxSysctl(`ipv4/conf/${ifRx}/arp_accept`, '1');
        try {
            sendGarp(port, '198.18.7.9', 'request');
            await waitForMac('198.18.7.9', formatMac(VMAC));
        }
        finally {
            rxSysctl(`ipv4/conf/${ifRx}/arp_accept`, '0');
        }
    });
    for (const address of ['2001:2:7::1', 'fe80::254:44ff:fe07:1']) {
        it(`an unsolicited NA moves an existing entry for ${address} to the virtual MAC with default sysctls`, async (t) => {
            if (!kernelAvailable(t))
                return;
            assert.equal(rxSysctl(`ipv6/conf/${ifRx}/drop_unsolicited_na`), '0', 'the default');
            const port = openPort(ETHERTYPE_IPV6);
            plantOldEntry(address);
            const length = writeUnsolicitedNa(frame, 0, VMAC, address);
            assert.equal(port.send(frame, length), true, `send failed, errno ${port.counters.lastTxErrno}`);
            await waitForMac(address, formatMac(VMAC));
        });
    }
});
//# sourceMappingURL=announce-linux.test.js.map