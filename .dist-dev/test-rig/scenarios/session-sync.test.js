/**
 * Sessions survive (issue 8): with `session-pickup enable` and a strict ruleset (no policy lets
 * a TCP session start without its SYN), the secondary's kernel holds every stream before any
 * failover, and long-lived TCP streams carry on through a kill -9 and a power loss of the
 * primary, with no reset and no lost message (the streams check the continuity of every
 * record). A restarted unit is resynced in full, and under override it takes the role back
 * only once it holds every session. The control: with pickup off, the same kind of streams
 * stall for good after a failover, so these steps can fail; the new primary drops their
 * mid-stream packets as TCP sessions without SYN, and counts them. Without
 * `session-pickup-connectionless` a UDP flow is not synced, and its server's push after the
 * failover (the flow's first packet there, from the side no policy lets open a session) is
 * dropped: the control of the UDP flow that survives with it (session-sync-nat-loss.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TABLE_FAMILY, TABLE_NAME } from '../../firmware/dataplane/ruleset.js';
import { TCP_WITHOUT_SYN_COUNTER } from '../../firmware/dataplane/tcp-without-syn.js';
import { boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { run } from '../shell.js';
import { GROUP_ID, VMAC_WAN } from './gateway-checks.testkit.js';
import { learntOn } from './probes.testkit.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf } from './scenario-rig.testkit.js';
import { lastHeard, streamTuples, udpEntries } from './stream-sessions.testkit.js';
import { openUdpFlow } from './udp-flow.testkit.js';
const STREAMS = 200;
/** How long streams must keep flowing after a takeover. */
const AFTER_MS = 3000;
/** How long every stream has to be heard from again after a takeover. */
const RESUME_MS = 20_000;
/** How long after a takeover the server pushes before its push counts as dropped. */
const PUSH_WINDOW_MS = 3000;
const strict = gatewayConfig({ policies: [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }] });
// Age decides (margin 1 s), so a unit that boots again joins as the secondary.
const common = { groupId: GROUP_ID, marginS: 1, haLines: ['set session-pickup enable'], extra: strict };
const steps = [];
const step = (name, body) => steps.push([name, body]);
/** A UDP flow opened before the first failover; its server pushes from the takeover on. */
const udp = { flow: null, push: null };
async function untilSessions(sr, board, count, what) {
    let seen = -1;
    for (const until = Date.now() + 20_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
        seen = (await streamTuples(sr.name, board)).length;
        if (seen >= count)
            return;
    }
    assert.fail(`${what}: ${board}'s kernel holds ${seen} of the ${count} stream sessions`);
}
async function streamsFlowing(sr) {
    await sr.rig.traffic.start({ streams: STREAMS });
    await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
}
/**
 * Every stream heard from again well after `tookAtMs`, and none broken. A stream whose segments
 * were lost around the takeover waits out TCP's doubling retransmission timeout, seconds on a
 * loaded machine, so the check waits for every stream (at most RESUME_MS) rather than taking
 * one report at a fixed time; a stream that stalled for good (what pickup prevents) fails it.
 */
async function assertCarriedOn(sr, tookAtMs, what) {
    const heardSince = tookAtMs + AFTER_MS / 2;
    const resumed = (x) => x.nowMs > tookAtMs + AFTER_MS && x.streams.list.every((s) => s.state === 'broken' || lastHeard(s) >= heardSince);
    let r;
    try {
        r = await sr.rig.traffic.waitFor(resumed, RESUME_MS, `${what}: every stream heard from after the takeover`);
    }
    catch {
        r = await sr.rig.traffic.report();
    }
    const broken = r.streams.list.filter((s) => s.state === 'broken');
    assert.equal(broken.length, 0, `${what}: streams broken: ${JSON.stringify(broken.slice(0, 5).map((s) => s.reason))}`);
    const silent = r.streams.list.filter((s) => lastHeard(s) < heardSince);
    assert.equal(silent.length, 0, `${what}: ${silent.length} streams silent since the takeover (${RESUME_MS / 1000} s)`);
    return r;
}
/** Packets the board's ruleset dropped as TCP sessions without SYN (tcp-without-syn.ts). */
async function withoutSynDrops(sr, board) {
    const list = ['list', 'counter', TABLE_FAMILY, TABLE_NAME, TCP_WITHOUT_SYN_COUNTER];
    const { stdout } = await run('ip', ['netns', 'exec', boardNamespace(sr.name, board), 'nft', '-j', ...list]);
    const items = JSON.parse(stdout).nftables;
    const counter = items.find((i) => i.counter)?.counter;
    assert.ok(counter, `no counter ${TCP_WITHOUT_SYN_COUNTER} on ${board}: ${stdout}`);
    return counter.packets;
}
async function tookOver(sr, board, what) {
    const s = await sr.until((x) => stateOf(x, board) === 'work', what, 30_000);
    return s.boards.find((b) => b.board === board)?.ha?.stateSinceMs ?? s.nowMs;
}
step('the secondary holds every stream before any failover, and no UDP flow', async (sr) => {
    await primaryOnForming(sr, 'A');
    udp.flow = await openUdpFlow(sr.name);
    assert.equal(await udp.flow.exchange(5, 50), 5, 'the UDP flow carries both ways through A');
    await streamsFlowing(sr);
    await untilSessions(sr, 'B', STREAMS, 'synced to B');
    assert.match(await sr.rig.exec('A', 'get system ha status'), /ses_pickup: enable/);
    assert.deepEqual(await udpEntries(sr.name, 'B', udp.flow.port), [], 'the UDP flow synced without -connectionless');
});
step('kill -9 of the primary: every stream carries on through B', async (sr) => {
    await sr.rig.fault('kill', 'A');
    const took = await tookOver(sr, 'B', 'B takes over');
    // The killed firmware's kernel still forwards until its lease runs out; the push starts once
    // the WAN switch sends the gateway's frames to B, so what it tests is B's table alone.
    await learntOn(sr.name, VMAC_WAN, 'B-port1');
    udp.push = udp.flow?.push(PUSH_WINDOW_MS) ?? null;
    await assertCarriedOn(sr, took, 'after kill -9 of A');
});
step("without session-pickup-connectionless, the UDP flow's server push after the takeover is dropped", async (sr) => {
    assert.ok(udp.flow && udp.push, 'the flow was opened and the push started');
    assert.equal(await udp.push, null, 'the push reached the client although the flow was not synced');
    assert.deepEqual(await udpEntries(sr.name, 'B', udp.flow.port), [], 'B let the push open a session');
    udp.flow.close();
});
step('A boots again, is resynced in full as the secondary, and carries the streams after a power loss of B', async (sr) => {
    const mark = sr.mark('A');
    await sr.rig.fault('restart', 'A');
    await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'A back as secondary', 40_000);
    await untilSessions(sr, 'A', STREAMS, 'resynced to A');
    assert.match(sr.log('A', mark), /sessions in sync with/);
    await sr.rig.fault('power-loss', 'B');
    await assertCarriedOn(sr, await tookOver(sr, 'A', 'A takes over'), 'after the power loss of B');
    await sr.rig.traffic.stop();
});
test('sessions survive a failover (session pickup)', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    t.after(() => udp.flow?.close());
    for (const [name, body] of steps)
        await t.test(name, () => body(sr));
});
// On a rig of its own: streams of earlier steps, ended by killed agents, leave entries whose
// tuples new streams may reuse, and the take-back must not be judged on those.
test('override take-back: A comes back with the higher priority and takes the role only once it holds every stream', async (t) => {
    const both = { ...common, override: true };
    const sr = await scenarioRig(t, [rigConfig(0, { ...both, priority: 200 }), rigConfig(1, { ...both, priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary (priority 200, override)');
    await streamsFlowing(sr);
    await untilSessions(sr, 'B', STREAMS, 'synced to B');
    await sr.rig.fault('kill', 'A');
    await tookOver(sr, 'B', 'B takes over');
    const mark = sr.mark('A');
    await sr.rig.fault('restart', 'A');
    const tookBack = await tookOver(sr, 'A', 'A takes the role back');
    const log = sr.log('A', mark);
    const synced = log.indexOf('sessions in sync with');
    const working = log.indexOf('-> work');
    assert.ok(synced >= 0 && synced < working, `A took the role back before its sessions were in sync:\n${log}`);
    await assertCarriedOn(sr, tookBack, 'after the take-back');
    await sr.rig.traffic.stop();
});
// The control, on a rig of its own so nothing synced before can linger: without session pickup
// a new primary drops the streams' packets (the ruleset is strict), so they stall for good.
// That is the live check that a mid-stream TCP packet for an unknown session is dropped: B
// counts the drops and adopts no stream.
test('the control: with session pickup off, streams stall for good after a failover', async (t) => {
    const off = { ...common, haLines: [] };
    const sr = await scenarioRig(t, [rigConfig(0, { ...off, priority: 200 }), rigConfig(1, { ...off, priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await primaryOnForming(sr, 'A');
    await streamsFlowing(sr);
    assert.deepEqual(await streamTuples(sr.name, 'B'), [], 'nothing synced');
    const dropsBefore = await withoutSynDrops(sr, 'B');
    await sr.rig.fault('kill', 'A');
    const took = await tookOver(sr, 'B', 'B takes over');
    const r = await sr.rig.traffic.waitFor((x) => x.nowMs > took + AFTER_MS, 30_000, 'after the takeover');
    const flowing = r.streams.list.filter((s) => lastHeard(s) > took + AFTER_MS / 2);
    assert.equal(flowing.length, 0, `${flowing.length} streams flowed on without their sessions: the strict ruleset let them through`);
    const drops = (await withoutSynDrops(sr, 'B')) - dropsBefore;
    assert.ok(drops >= STREAMS, `B dropped ${drops} packets as TCP sessions without SYN, fewer than one a stream`);
    t.diagnostic(`B dropped ${drops} mid-stream packets of ${STREAMS} streams`);
    assert.deepEqual(await streamTuples(sr.name, 'B'), [], 'B adopted streams from mid-stream packets');
    await sr.rig.traffic.stop();
});
//# sourceMappingURL=session-sync.test.js.map