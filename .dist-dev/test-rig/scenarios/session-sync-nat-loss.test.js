/**
 * Session sync beyond plain TCP (issue 8). NAT'd sessions go with their mapping only with
 * `session-pickup-nat`, each way on a rig of its own so one cannot leak into the other: TCP
 * streams translated to an ippool, and a UDP flow masqueraded behind the WAN interface's
 * address (which only the primary holds, so both units translate to the same address), whose
 * server pushes first after the failover. Sync over a dedicated `session-sync-dev` port losing
 * 10 % of its frames still converges: the secondary's kernel ends with exactly the streams the
 * primary has, tuple for tuple. On that rig (no NAT, `session-pickup-connectionless`) a UDP flow
 * idle for more than half its timeout on the primary is still on the secondary, and its server
 * push after a failover gets through although the policy lets no session start from the server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { ALL_TCP, GATEWAY_WAN, gatewayConfig } from '../rig-gateway.js';
import { sysctlIn } from '../shell.js';
import { GROUP_ID } from './gateway-checks.testkit.js';
import { primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
import { lastHeard, streamTuples, udpEntries } from './stream-sessions.testkit.js';
import { openUdpFlow } from './udp-flow.testkit.js';
const STREAMS = 50;
const AFTER_MS = 3000;
/** How long after a takeover the server pushes before its push counts as dropped. */
const PUSH_WINDOW_MS = 3000;
/** nf_conntrack_udp_timeout_stream on both boards of the loss rig, so idling past half of it takes seconds. */
const UDP_STREAM_TIMEOUT_S = 5;
const BOARDS = ['A', 'B'];
const natPolicies = [
    { id: 1, action: 'accept', service: [ALL_TCP], natPool: true, tcpSessionWithoutSyn: false },
    { id: 2, action: 'accept', masquerade: true, tcpSessionWithoutSyn: false },
];
async function pair(t, haLines, nat) {
    const policies = nat ? natPolicies : [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }];
    const extra = gatewayConfig({ policies });
    const common = { groupId: GROUP_ID, marginS: 1, haLines, extra };
    return scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
}
async function tookOver(sr, board) {
    const s = await sr.until((x) => stateOf(x, board) === 'work', `${board} takes over`, 30_000);
    return s.boards.find((b) => b.board === board)?.ha?.stateSinceMs ?? s.nowMs;
}
/**
 * A masqueraded UDP flow and streams through A, then kill -9 of A: what B carries on. The
 * flow's server pushes from the takeover on, the client silent.
 */
async function killPrimary(sr, flow) {
    await primaryOnForming(sr, 'A');
    assert.equal(await flow.exchange(5, 50), 5, 'the UDP flow carries both ways through A');
    assert.match(flow.seenFrom(), new RegExp(`^${GATEWAY_WAN}:\\d+$`), 'the UDP flow is masqueraded behind the WAN address');
    await sr.rig.traffic.start({ streams: STREAMS });
    await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
    await new Promise((r) => setTimeout(r, 1000));
    await sr.rig.fault('kill', 'A');
    const took = await tookOver(sr, 'B');
    const [pushMs, report] = await Promise.all([
        flow.push(PUSH_WINDOW_MS),
        sr.rig.traffic.waitFor((x) => x.nowMs > took + AFTER_MS, 30_000, 'after the takeover'),
    ]);
    await sr.rig.traffic.stop();
    return { flowing: report.streams.list.filter((x) => lastHeard(x) > took + AFTER_MS / 2).length, report, pushMs };
}
const withConnectionless = ['set session-pickup enable', 'set session-pickup-connectionless enable'];
test('NAT: translated streams (ippool) and a masqueraded UDP flow survive a failover with session-pickup-nat', async (t) => {
    const sr = await pair(t, [...withConnectionless, 'set session-pickup-nat enable'], true);
    if (!sr)
        return;
    t.after(() => sr.down());
    const flow = await openUdpFlow(sr.name);
    t.after(() => flow.close());
    const { flowing, report, pushMs } = await killPrimary(sr, flow);
    const broken = report.streams.list.filter((s) => s.state === 'broken');
    assert.equal(broken.length, 0, `streams broken: ${JSON.stringify(broken.slice(0, 3).map((s) => s.reason))}`);
    assert.equal(flowing, STREAMS, 'every translated stream carries on through B');
    const seen = flow.seenFrom();
    assert.notEqual(pushMs, null, "the masqueraded flow's server push did not reach the client through B");
    t.diagnostic(`the push reached the client ${pushMs} ms after B was seen working`);
    assert.equal(await flow.exchange(3, 50), 3, 'the masqueraded flow carries both ways through B');
    assert.equal(flow.seenFrom(), seen, 'B translates the flow to the address and port A did');
});
test('NAT: without session-pickup-nat the translated streams stall and the masqueraded flow loses its server push', async (t) => {
    const sr = await pair(t, withConnectionless, true);
    if (!sr)
        return;
    t.after(() => sr.down());
    const flow = await openUdpFlow(sr.name);
    t.after(() => flow.close());
    const { flowing, pushMs } = await killPrimary(sr, flow);
    assert.equal(flowing, 0, 'translated streams flowed on although their sessions were not synced');
    assert.equal(pushMs, null, 'the server push got through although the masqueraded session was not synced');
    assert.deepEqual(await udpEntries(sr.name, 'B', flow.port), [], "B's kernel holds an entry of the masqueraded flow");
});
const steps = [];
const step = (name, body) => steps.push([name, body]);
step('10 % loss on the session-sync-dev port: the secondary still converges on the primary', async (sr) => {
    await primaryOnForming(sr, 'A');
    assert.match(await sr.rig.exec('A', 'diagnose sys ha status'), /ports in use: port3/);
    await sr.rig.fault('loss', 'port3', 10);
    await sr.rig.traffic.start({ streams: STREAMS });
    await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
    let a = [];
    let b = ['none yet'];
    for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
        [a, b] = [await streamTuples(sr.name, 'A'), await streamTuples(sr.name, 'B')];
        if (a.length >= STREAMS && a.join() === b.join())
            break;
    }
    assert.ok(a.length >= STREAMS, `A holds ${a.length} stream sessions`);
    assert.deepEqual(b, a, "B's stream sessions are A's, tuple for tuple");
    await sr.rig.traffic.stop();
    await sr.rig.fault('loss', 'port3', 0);
});
/** Polls A's entry of the flow until less than half its timeout is left (the whole seconds shown round down). */
async function idleOverHalf(sr, flow) {
    let seen = [];
    for (const until = Date.now() + 2 * UDP_STREAM_TIMEOUT_S * 1000; Date.now() < until;) {
        seen = await udpEntries(sr.name, 'A', flow.port);
        const entry = seen[0];
        if (entry && entry.timeoutS + 1 <= UDP_STREAM_TIMEOUT_S / 2)
            return entry;
        await new Promise((r) => setTimeout(r, 200));
    }
    assert.fail(`A's entry of the flow never showed less than half of ${UDP_STREAM_TIMEOUT_S} s left: ${JSON.stringify(seen)}`);
}
step('a UDP flow idle for more than half its timeout on A is still on B, and its server push gets through after a failover', async (sr, t) => {
    await Promise.all(BOARDS.map((b) => sysctlIn(boardNamespace(sr.name, b), { 'net.netfilter.nf_conntrack_udp_timeout_stream': UDP_STREAM_TIMEOUT_S })));
    const flow = await openUdpFlow(sr.name);
    try {
        // Both ways for longer than the kernel's 2 s, so the flow counts as a stream; the entry on
        // B was last told of anything then, so B keeping it past A's timeout from then shows that
        // B does not time it out on its own.
        assert.equal(await flow.exchange(50, 100), 50, 'the UDP flow carries both ways through A');
        const source = flow.seenFrom();
        const onA = await idleOverHalf(sr, flow);
        const onB = await udpEntries(sr.name, 'B', flow.port);
        assert.deepEqual(onB.map((e) => e.source), [onA.source], `B's entries of the flow idle on A (${onA.timeoutS} s left of ${UDP_STREAM_TIMEOUT_S} s)`);
        await sr.rig.fault('kill', 'A');
        await tookOver(sr, 'B');
        const pushMs = await flow.push(PUSH_WINDOW_MS);
        assert.notEqual(pushMs, null, "the server's push did not reach the client through B");
        t.diagnostic(`the push reached the client ${pushMs} ms after B was seen working; A's entry had ${onA.timeoutS} s left`);
        assert.equal(await flow.exchange(3, 50), 3, 'the flow carries both ways through B');
        assert.equal(flow.seenFrom(), source, 'the server hears the client from the same source');
    }
    finally {
        flow.close();
    }
});
test('session-sync-dev with 10 % loss, and UDP with session-pickup-connectionless', async (t) => {
    const haLines = [...withConnectionless, 'set session-sync-dev "port3"'];
    const sr = await pair(t, haLines, false);
    if (!sr)
        return;
    t.after(() => sr.down());
    for (const [name, body] of steps)
        await t.test(name, (st) => body(sr, st));
});
//# sourceMappingURL=session-sync-nat-loss.test.js.map