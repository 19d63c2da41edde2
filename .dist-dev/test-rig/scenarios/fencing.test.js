/**
 * Self-fencing (issue 7): a frozen primary's kernel stops forwarding and sending with the
 * virtual MAC once its lease runs out, before its peer takes over; on the thaw the lease comes
 * back only if the election keeps it primary. Counted on the switch side, per board, with the
 * prober running through the pair. Heartbeats 100 ms × 6: the lease lasts 500 ms.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { GATEWAY_LAN, gatewayConfig } from '../rig-gateway.js';
import { GROUP_ID, VMAC_LAN } from './gateway-checks.testkit.js';
import { arpAnswers } from './probes.testkit.js';
import { onePrimary, primaryOnForming, scenarioRig, stateOf, untilTime } from './scenario-rig.testkit.js';
import { VmacCounters } from './vmac-counters.testkit.js';
const LOST_AFTER_MS = 600;
const LEASE_MS = 500;
/** Frames already queued or in flight when the lease ends, and the status poll's granularity. */
const SLACK_MS = 30;
/** How late a heartbeat tick may be served on a loaded rig (the jitter bench's worst is under this). */
const TICK_LATE_MS = 20;
// Override on: A (priority 200) takes the role back after each thaw. Without it, a thawed unit
// whose peer took over rejoins with its age reset and the successor keeps the role.
const common = { groupId: GROUP_ID, override: true, marginS: 1, monitor: ['port1'], extra: gatewayConfig() };
const steps = [];
const step = (name, body) => steps.push([name, body]);
async function leaseOf(sr, board) {
    return (await sr.rig.snapshot(board)).lease?.state ?? 'none';
}
step('the primary holds the lease, the secondary does not', async (sr) => {
    await primaryOnForming(sr, 'A');
    assert.equal(await leaseOf(sr, 'A'), 'held');
    assert.equal(await leaseOf(sr, 'B'), 'revoked');
    assert.match(await sr.rig.exec('A', 'diagnose sys ha status'), /self-fencing lease: held, \d+ ms left of 500 ms/);
});
step('frozen with nobody to take over: once the lease runs out A forwards nothing and sends nothing with the virtual MAC', async (sr, counters) => {
    await sr.rig.traffic.start({ streams: 0 });
    try {
        await sr.rig.traffic.flowing();
        // B frozen too: the prober's frames keep arriving at A's ports, so an unfenced kernel would forward them.
        await sr.rig.fault('freeze', 'B');
        const before = await counters.read();
        const frozen = await sr.rig.fault('freeze', 'A');
        await untilTime(sr, frozen.atMs + LEASE_MS + SLACK_MS);
        const fenced = await counters.read();
        assert.ok((fenced.A ?? 0) > (before.A ?? 0), 'A forwarded until its lease ran out');
        await untilTime(sr, frozen.atMs + LEASE_MS + SLACK_MS + 1000);
        const later = await counters.read();
        assert.equal(later.A, fenced.A, `A's kernel sent ${(later.A ?? 0) - (fenced.A ?? 0)} frames with the virtual MAC while fenced`);
        assert.equal(later.B, before.B, 'B, frozen as secondary, sent nothing with it either');
        await sr.rig.fault('thaw', 'B');
        await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over');
        await sr.rig.fault('thaw', 'A');
        await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary again (override)');
        assert.equal(await leaseOf(sr, 'A'), 'held');
        assert.equal(await leaseOf(sr, 'B'), 'revoked');
        await sr.rig.traffic.waitFor((r) => r.outages.every((o) => o.endMs !== null), 10_000, 'traffic back');
        assert.ok(((await counters.read()).A ?? 0) > (later.A ?? 0), 'A forwards with the virtual MAC again');
    }
    finally {
        await sr.rig.traffic.stop();
        // Thawing a running board is a no-op: a failed check must not leave the next steps frozen.
        for (const b of ['A', 'B'])
            await sr.rig.fault('thaw', b);
    }
});
step('frozen alone: the lease runs out before B takes over', async (sr) => {
    const frozen = await sr.rig.fault('freeze', 'A');
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over', 10_000);
    const tookOverMs = (await sr.rig.snapshot('B')).stateSinceMs;
    // The lease runs out (lost threshold − 1) intervals after A's last renewal, B takes over a
    // threshold after the last heartbeat it heard, and A renews on every turn, a heartbeat at
    // least every interval. The freeze stands for the last renewal; but when it lands between a
    // tick's deadline and the heartbeat of that late turn, B's last heartbeat is an interval
    // older, and so is A's last renewal: B then takes over less than LEASE_MS after the freeze,
    // still after the lease ran out. TICK_LATE_MS bounds that lateness on a loaded rig.
    assert.ok(tookOverMs > frozen.atMs + LEASE_MS - TICK_LATE_MS, `B took over ${(tookOverMs - frozen.atMs).toFixed(0)} ms after the freeze, the lease lasts ${LEASE_MS} ms`);
    await sr.rig.fault('thaw', 'A');
    await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'A') === 'work', 'A primary again');
});
step('frozen, and its monitored port fails meanwhile: thawed, it loses the election and stays fenced', async (sr, counters) => {
    const frozen = await sr.rig.fault('freeze', 'A');
    await sr.until((x) => stateOf(x, 'B') === 'work', 'B takes over');
    await sr.rig.fault('port-down', 'A:port1');
    await untilTime(sr, frozen.atMs + 3 * LOST_AFTER_MS);
    const beforeThaw = await counters.read();
    const thawed = await sr.rig.fault('thaw', 'A');
    await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'B stays primary');
    await untilTime(sr, thawed.atMs + 1000);
    assert.equal(await leaseOf(sr, 'A'), 'revoked');
    assert.equal((await counters.read()).A, beforeThaw.A, 'A never sent with the virtual MAC after the thaw');
    await sr.rig.fault('port-up', 'A:port1');
});
step('killed (kill -9): the pinned fence outlives the firmware, so its kernel goes quiet too; restarted, it takes the pins over', async (sr, counters) => {
    const s = await sr.until((x) => onePrimary(x, ['A', 'B']), 'one primary');
    const [dead, peer] = stateOf(s, 'A') === 'work' ? ['A', 'B'] : ['B', 'A'];
    await sr.rig.traffic.start({ streams: 0 });
    try {
        await sr.rig.traffic.flowing();
        const killed = await sr.rig.fault('kill', dead);
        await sr.until((x) => stateOf(x, peer) === 'work', `${peer} takes over`);
        await untilTime(sr, killed.atMs + LEASE_MS + SLACK_MS);
        const quiet = await counters.read();
        // Asked for the gateway, an unfenced kernel would answer beside the new primary.
        assert.deepEqual(await arpAnswers(sr.name, GATEWAY_LAN), [VMAC_LAN]);
        await untilTime(sr, killed.atMs + LEASE_MS + SLACK_MS + 1000);
        const later = await counters.read();
        assert.equal(later[dead], quiet[dead], "the dead firmware's kernel sent nothing with the virtual MAC");
        assert.ok((later[peer] ?? 0) > (quiet[peer] ?? 0), `${peer} answered`);
        await sr.rig.traffic.waitFor((r) => r.outages.every((o) => o.endMs !== null), 10_000, `traffic through ${peer}`);
    }
    finally {
        await sr.rig.traffic.stop();
    }
    const mark = sr.mark(dead);
    await sr.rig.fault('restart', dead);
    await sr.until((x) => onePrimary(x, ['A', 'B']), `${dead} rejoins`);
    assert.doesNotMatch(sr.log(dead, mark), /self-fencing is not pinned|self-fencing:/, 'the pins were taken over');
});
test('self-fencing: a hung primary stops forwarding before its peer takes over', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return;
    const counters = await VmacCounters.start(sr.name, GROUP_ID, ['A', 'B']);
    t.after(async () => {
        await counters.stop();
        await sr.down();
    });
    for (const [name, body] of steps)
        await t.test(name, () => body(sr, counters));
});
//# sourceMappingURL=fencing.test.js.map