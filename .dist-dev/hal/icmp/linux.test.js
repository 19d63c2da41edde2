/**
 * The Linux ICMP driver against the real kernel: two throwaway namespaces joined by two veth
 * pairs. "client" probes; "server" answers from 198.18.62.1 on its loopback, reachable over
 * either pair, while client's only route to it goes over the first. Frames arriving at the
 * server's ends are captured with AF_PACKET, so the test sees which way each probe left.
 *
 *   client  c1 198.18.60.1/24 + .9/24 ═══ s1 198.18.60.2/24  server (lo 198.18.62.1/32)
 *           c2 198.18.61.1/24         ═══ s2 198.18.61.2/24
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { formatIpv4 } from '../../lib/ip-text.js';
import { HalError } from '../errors.js';
import { ipRun, kernelAvailable, kernelUnavailable } from '../kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../netns.js';
import { createLinuxNic } from '../nic/linux.js';
import { createLinuxIcmp } from './linux.js';
const pid = process.pid;
const client = `ticc${pid}`;
const server = `tics${pid}`;
const c1 = `ic1${pid}`;
const c2 = `ic2${pid}`;
const s1 = `is1${pid}`;
const s2 = `is2${pid}`;
const TARGET = '198.18.62.1';
const ETH_IPV4 = 0x0800;
const icmp = createLinuxIcmp();
const nic = createLinuxNic();
async function waitFor(cond, ms, what) {
    const deadline = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > deadline)
            assert.fail(`timed out after ${ms} ms waiting for ${what}`);
        await sleep(10);
    }
}
/** Drains the echo requests captured on a server port, as "id source>destination". */
function echoRequests(port) {
    const seen = [];
    const buf = new Uint8Array(2048);
    for (let n = port.recv(buf); n >= 0; n = port.recv(buf)) {
        const ip = 14;
        const icmpAt = ip + (buf[ip] & 0x0f) * 4;
        if (n < icmpAt + 8 || buf[ip + 9] !== 1 || buf[icmpAt] !== 8)
            continue;
        const id = (buf[icmpAt + 4] << 8) | buf[icmpAt + 5];
        seen.push(`${id.toString(16)} ${formatIpv4(buf, ip + 12)}>${formatIpv4(buf, ip + 16)}`);
    }
    return seen;
}
describe('linux icmp driver between two namespaces', () => {
    const opened = [];
    const open = (item) => {
        opened.push(item);
        return item;
    };
    const pinger = (ifname, id, source) => open(withNetns(client, () => icmp.openPinger({ ifname, id, ...(source ? { source } : {}) })));
    const capture = (ifname) => open(withNetns(server, () => nic.openPort(ifname, ETH_IPV4)));
    /** Sends `count` probes to TARGET 50 ms apart and collects the replies until `settleMs` after the last. */
    async function probe(p, count, settleMs) {
        const replies = [];
        for (let seq = 1; seq <= count; seq++) {
            p.send(TARGET, seq);
            await sleep(50);
            replies.push(...p.receive());
        }
        await sleep(settleMs);
        replies.push(...p.receive());
        return replies;
    }
    before(() => {
        if (kernelUnavailable())
            return;
        addNetns(client);
        addNetns(server);
        ipRun(undefined, ['link', 'add', c1, 'netns', client, 'type', 'veth', 'peer', 'name', s1, 'netns', server]);
        ipRun(undefined, ['link', 'add', c2, 'netns', client, 'type', 'veth', 'peer', 'name', s2, 'netns', server]);
        ipRun(client, ['addr', 'add', '198.18.60.1/24', 'dev', c1]);
        ipRun(client, ['addr', 'add', '198.18.60.9/24', 'dev', c1]);
        ipRun(client, ['addr', 'add', '198.18.61.1/24', 'dev', c2]);
        ipRun(server, ['addr', 'add', '198.18.60.2/24', 'dev', s1]);
        ipRun(server, ['addr', 'add', '198.18.61.2/24', 'dev', s2]);
        ipRun(server, ['addr', 'add', `${TARGET}/32`, 'dev', 'lo']);
        for (const [ns, ifs] of [
            [client, ['lo', c1, c2]],
            [server, ['lo', s1, s2]],
        ]) {
            for (const ifname of ifs)
                ipRun(ns, ['link', 'set', ifname, 'up']);
        }
        ipRun(client, ['route', 'add', `${TARGET}/32`, 'via', '198.18.60.2', 'dev', c1]);
    });
    after(() => {
        for (const item of opened)
            item.close();
        if (kernelUnavailable())
            return;
        deleteNetns(client);
        deleteNetns(server);
    });
    it('receives and counts the echo replies, with the kernel-measured round trip', async (t) => {
        if (!kernelAvailable(t))
            return;
        const p = pinger(c1, 0x5101);
        const replies = await probe(p, 5, 0);
        await waitFor(() => {
            replies.push(...p.receive());
            return replies.length >= 5;
        }, 5000, 'five echo replies');
        assert.deepEqual(replies.map((r) => [r.from, r.seq]), [1, 2, 3, 4, 5].map((seq) => [TARGET, seq]));
        for (const r of replies)
            assert.ok(r.rttMs >= 0 && r.rttMs < 1000, `round trip ${r.rttMs} ms`);
        assert.deepEqual(p.counters, { sent: 5, sendErrors: 0, lastSendErrno: 0, received: 5, ignored: 0 });
    });
    it('measures the round trip when the reply arrived, not when it was drained', async (t) => {
        if (!kernelAvailable(t))
            return;
        const p = pinger(c1, 0x5109);
        p.send(TARGET, 1);
        await sleep(400);
        const [reply] = p.receive();
        assert.ok(reply && reply.rttMs >= 0 && reply.rttMs < 200, `round trip ${reply?.rttMs} ms, drained after 400 ms`);
    });
    it('a peer that is down gives lost probes: sent, never answered', async (t) => {
        if (!kernelAvailable(t))
            return;
        const p = pinger(c1, 0x5102);
        ipRun(server, ['link', 'set', s1, 'down']);
        try {
            const replies = await probe(p, 4, 500);
            assert.deepEqual(replies, []);
            assert.equal(p.counters.sent + p.counters.sendErrors, 4);
            assert.equal(p.counters.received, 0);
        }
        finally {
            ipRun(server, ['link', 'set', s1, 'up']);
        }
        await waitFor(() => {
            p.send(TARGET, 99);
            return p.receive().some((r) => r.seq === 99);
        }, 10_000, 'replies once the peer is up again');
    });
    it('a probe bound to one interface leaves by it, not by the one the route names', async (t) => {
        if (!kernelAvailable(t))
            return;
        const onS1 = capture(s1);
        const onS2 = capture(s2);
        const viaC2 = pinger(c2, 0x5103);
        const viaC1 = pinger(c1, 0x5104);
        const replies2 = await probe(viaC2, 3, 300);
        const replies1 = await probe(viaC1, 3, 300);
        assert.equal(replies2.length, 3, 'replies over the second pair');
        assert.equal(replies1.length, 3, 'replies over the first pair');
        assert.deepEqual(echoRequests(onS2), Array(3).fill(`5103 198.18.61.1>${TARGET}`));
        assert.deepEqual(echoRequests(onS1), Array(3).fill(`5104 198.18.60.1>${TARGET}`), 'a probe bound to c2 left by c1');
    });
    it('probes carry the bound source address; each pinger sees only replies to its address and id', async (t) => {
        if (!kernelAvailable(t))
            return;
        const onS1 = capture(s1);
        const second = pinger(c1, 0x5105, '198.18.60.9');
        const first = pinger(c1, 0x5105, '198.18.60.1');
        const otherId = pinger(c1, 0x5106, '198.18.60.9');
        const replies = await probe(second, 3, 300);
        assert.equal(replies.length, 3);
        assert.deepEqual(echoRequests(onS1), Array(3).fill(`5105 198.18.60.9>${TARGET}`));
        assert.deepEqual(first.receive(), [], 'a pinger bound to another address saw the replies');
        assert.deepEqual(otherId.receive(), [], 'a pinger with another id took the replies');
        assert.ok(otherId.counters.ignored >= 3, 'replies to another id are counted as ignored');
    });
    it('may be bound to an address not configured yet: sends fail until it is added', async (t) => {
        if (!kernelAvailable(t))
            return;
        const p = pinger(c1, 0x5107, '198.18.60.20');
        assert.equal(p.send(TARGET, 1), false);
        assert.equal(p.counters.sendErrors, 1);
        assert.notEqual(p.counters.lastSendErrno, 0);
        ipRun(client, ['addr', 'add', '198.18.60.20/24', 'dev', c1]);
        await waitFor(() => {
            p.send(TARGET, 2);
            return p.receive().some((r) => r.seq === 2 && r.from === TARGET);
        }, 5000, 'a reply once the address exists');
    });
    it('never throws on send and receive, also after close', (t) => {
        if (!kernelAvailable(t))
            return;
        const p = pinger(c1, 0x5108);
        assert.equal(p.send('not-an-address', 1), false);
        assert.equal(p.counters.lastSendErrno, 22);
        p.close();
        assert.equal(p.send(TARGET, 2), false);
        assert.deepEqual(p.receive(), []);
        p.close();
    });
    it('open refuses bad options and a missing interface with a HalError', (t) => {
        if (!kernelAvailable(t))
            return;
        const refuses = (options, errno, text) => assert.throws(() => withNetns(client, () => icmp.openPinger(options)), (err) => err instanceof HalError && err.errno === errno && text.test(err.message));
        refuses({ ifname: 'nosuch0', id: 1 }, 19, /icmp nosuch0: openPinger: SO_BINDTODEVICE nosuch0 failed \(errno 19, ENODEV/);
        refuses({ ifname: c1, id: 1, source: '198.18.60' }, 22, /source 198\.18\.60: must be an IPv4 address/);
        refuses({ ifname: c1, id: 65536 }, 22, /id 65536: must be an integer 0\.\.65535/);
        refuses({ ifname: 'a-name-too-long-0', id: 1 }, 22, /must be 1\.\.15 bytes/);
    });
});
//# sourceMappingURL=linux.test.js.map