/**
 * A mixed pair (issue 10): board A runs this machine's build, board B the arm64 release bundle
 * under qemu-aarch64-static. They form a cluster, the pair carries traffic, and it fails over
 * both ways: kill -9 of A hands the traffic to B, and with A back, kill -9 of B hands it to A.
 *
 * B's firmware and its heartbeat worker both run emulated (TANDEM_EXEC_WRAPPER), so B's
 * heartbeats come from an emulated process; the default lost threshold (6 × 100 ms) holds: a
 * minute of the idle pair lost no heartbeat either way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { releaseAvailable } from '../release/release.testkit.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { boardStatus } from '../status.js';
import { carriesTraffic, GROUP_ID } from './gateway-checks.testkit.js';
import { onePrimary, scenarioRig, stateOf } from './scenario-rig.testkit.js';
/** B under qemu takes seconds more than A for anything that needs its CPU. */
const EMULATED_MS = 60_000;
const cmdline = (pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
/** B is the emulator running the bundle's Node, and so is its heartbeat worker; A is not. */
function assertEmulated(s) {
    const [a, b] = [boardStatus(s, 'A').pid, boardStatus(s, 'B').pid];
    assert.ok(a !== null && b !== null, 'both boards run');
    assert.doesNotMatch(cmdline(a), /qemu/);
    assert.match(cmdline(b), /^qemu-aarch64-static -L \S+ \S+\/boards\/B\/flash\/slot-a\/node\/bin\/node .*dist\/firmware\/main\.js/);
    const children = readFileSync(`/proc/${b}/task/${b}/children`, 'utf8').trim().split(' ').map(Number);
    assert.ok(children.some((c) => /^qemu-aarch64-static .*\/bundle\/node\/bin\/node .*worker\.js/.test(cmdline(c))), `B's heartbeat worker runs under qemu: ${children.map(cmdline).join('; ')}`);
}
async function killAndTakeOver(sr, dead, heir) {
    await sr.rig.fault('kill', dead);
    await sr.until((x) => stateOf(x, heir) === 'work', `${heir} takes over from ${dead}`, EMULATED_MS);
    await carriesTraffic(sr, heir);
    assert.match(sr.log(heir), /took over the data ports in [\d.]+ ms/);
}
test('a mixed pair: A native, B the arm64 bundle under qemu', async (t) => {
    if (!(await releaseAvailable(t, 'arm64', { qemu: true })))
        return;
    // A's priority breaks the tie when both boot within the margin.
    const config = (i, priority) => rigConfig(i, { groupId: GROUP_ID, extra: gatewayConfig(), marginS: 1, priority });
    const started = performance.now();
    const sr = await scenarioRig(t, [config(0, 200), config(1, 128)], 'formed', { arm64: ['B'] });
    if (!sr)
        return;
    t.after(() => sr.down());
    t.diagnostic(`up with B emulated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assertEmulated(await sr.rig.status());
    await t.test('the pair forms and A carries the traffic', async () => {
        await sr.until((x) => onePrimary(x, ['A', 'B']), 'one primary', EMULATED_MS);
        await carriesTraffic(sr, 'A');
    });
    await t.test('kill -9 of A: B, emulated, takes over and carries the traffic', async () => {
        await killAndTakeOver(sr, 'A', 'B');
    });
    await t.test('A restarts and joins; kill -9 of B: A takes over and carries the traffic', async () => {
        await sr.rig.fault('restart', 'A');
        await sr.until((x) => onePrimary(x, ['A', 'B']) && stateOf(x, 'B') === 'work', 'A back as secondary', EMULATED_MS);
        await killAndTakeOver(sr, 'B', 'A');
    });
});
//# sourceMappingURL=mixed-arch.test.js.map