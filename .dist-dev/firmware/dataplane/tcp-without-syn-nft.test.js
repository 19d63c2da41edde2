/**
 * The strict TCP rule against the real kernel. Three namespaces: a client, a router that loads
 * the rendered ruleset through the nft driver, a server. A TCP connection through (or to) the
 * router is made, then the router's conntrack table is flushed, which leaves the router where a
 * new primary stands after a failover without session sync: the next data packet of the
 * stream belongs to no session it knows. The kernel keeps `nf_conntrack_tcp_loose=1`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { conntrackAvailable } from '../../hal/kernel-gate.testkit.js';
import { ifnameOf, ROUTER_LAN, routerRig, SERVER } from './router-netns.testkit.js';
import { dataPlane, policy } from './ruleset.fixture.js';
import { renderRuleset } from './ruleset.js';
import { TCP_WITHOUT_SYN_COUNTER } from './tcp-without-syn.js';
const PORT = 5001;
const SERVER_SCRIPT = (address) => `require('node:net').createServer((s) => s.pipe(s)).listen(${PORT}, '${address}', () => console.log('listening'));`;
/** Sends each stdin line over one TCP connection and prints every line echoed back as `echo <line>`. */
const CLIENT_SCRIPT = (address) => `
const s = require('node:net').connect(${PORT}, '${address}', () => console.log('connected'));
s.setNoDelay(true);
s.on('data', (d) => process.stdout.write(String(d).split('\\n').filter(Boolean).map((l) => 'echo ' + l + '\\n').join('')));
s.on('error', (e) => console.log('error ' + e.code));
process.stdin.on('data', (d) => s.write(d));`;
function rig(t) {
    const r = routerRig(t, 'syn');
    return {
        ...r,
        load: (tcpSessionWithoutSyn) => r.firewall.apply(renderRuleset(dataPlane([policy(1, { srcaddr: ['all'], service: ['ALL'], tcpSessionWithoutSyn })]), { ifnameOf })),
        sessions: () => r
            .inRouter(['conntrack', '-L', '-p', 'tcp'])
            .split('\n')
            .filter((l) => l.includes(`dport=${PORT} `)),
        flush: () => void r.inRouter(['conntrack', '-F']),
        dropped() {
            const json = JSON.parse(r.inRouter(['nft', '-j', 'list', 'counter', 'inet', 'tandem', TCP_WITHOUT_SYN_COUNTER]));
            const counter = json.nftables.find((x) => x.counter)?.counter;
            assert.ok(counter, 'the named counter is in the table');
            return counter.packets;
        },
    };
}
/** A connection from the client to `address` carries a line, then the router forgets it. */
async function connectThenForget(r, serverNs, address) {
    const server = r.peer(serverNs, SERVER_SCRIPT(address));
    assert.ok(await server.printed('listening', 10_000), 'the server listens');
    const client = r.peer(r.client, CLIENT_SCRIPT(address));
    assert.ok(await client.printed('connected', 10_000), `the SYN passes: ${client.out}`);
    client.send('one');
    assert.ok(await client.printed('echo one', 5_000), 'a session opened by a SYN carries data');
    assert.equal(r.sessions().length, 1, 'the router tracks it');
    assert.equal(r.dropped(), 0, 'nothing of it was dropped');
    // Let the client's delayed ACK of the echo go by while the session is still known.
    await sleep(300);
    r.flush();
    assert.deepEqual(r.sessions(), [], 'flushed');
    return client;
}
/** The client's next line never arrives: its packet and the retransmissions are dropped, counted, and leave no session. */
async function nextLineDropped(r, client) {
    client.send('two');
    assert.equal(await client.printed('echo two', 1_500), false, 'the data packet and its retransmissions do not pass');
    assert.ok(r.dropped() >= 1, `counted: ${r.dropped()}`);
    assert.deepEqual(r.sessions(), [], 'the dropped packets opened no session');
}
test('a mid-stream TCP packet for no known session is dropped and counted, and leaves no conntrack entry', async (t) => {
    if (!conntrackAvailable(t))
        return;
    const r = rig(t);
    await r.load(false);
    assert.equal(r.inRouter(['cat', '/proc/sys/net/netfilter/nf_conntrack_tcp_loose']).trim(), '1', 'the kernel default the ruleset builds on');
    await nextLineDropped(r, await connectThenForget(r, r.server, SERVER));
});
test('with tcp-session-without-syn enable the same packet opens a tracked session and the stream goes on', async (t) => {
    if (!conntrackAvailable(t))
        return;
    const r = rig(t);
    await r.load(false);
    const client = await connectThenForget(r, r.server, SERVER);
    client.send('two');
    assert.equal(await client.printed('echo two', 1_000), false, 'dropped while the policy does not allow it');
    await r.load(true);
    // The next retransmission of "two" is the first packet the router sees of this stream.
    assert.ok(await client.printed('echo two', 10_000), 'the retransmission passes');
    assert.equal(r.dropped(), 0, 'through the exemption, not the drop');
    const sessions = r.sessions();
    assert.equal(sessions.length, 1, 'a conntrack entry for the stream');
    assert.match(sessions[0] ?? '', /ESTABLISHED/);
    client.send('three');
    assert.ok(await client.printed('echo three', 5_000), 'the stream carries on');
});
test('to the router itself a mid-stream packet is dropped and counted, tcp-session-without-syn or not', async (t) => {
    if (!conntrackAvailable(t))
        return;
    const r = rig(t);
    // The policy's option governs forwarding only: the unit's own services take no exemption.
    await r.load(true);
    await nextLineDropped(r, await connectThenForget(r, r.router, ROUTER_LAN));
});
//# sourceMappingURL=tcp-without-syn-nft.test.js.map