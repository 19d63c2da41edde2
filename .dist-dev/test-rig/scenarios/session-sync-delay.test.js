/**
 * session-pickup-delay on real kernels (issue 8): with `set session-pickup-delay enable` the
 * secondary's kernel holds no stream session before it has lived 30 s on the primary; the
 * long-lived streams appear there from their 30th second, and connections that closed younger
 * never do (their TIME_WAIT entries stay on the primary alone).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { gatewayConfig } from '../rig-gateway.js';
import { run } from '../shell.js';
import { SRV_HOST } from '../topology.js';
import { STREAM_PORT } from '../traffic/protocol.js';
import { GROUP_ID } from './gateway-checks.testkit.js';
import { primaryOnForming, scenarioRig } from './scenario-rig.testkit.js';
import { streamTuples } from './stream-sessions.testkit.js';
const STREAMS = 20;
const SHORT = 20;
const DELAY_MS = 30_000;
/** Sync lag and the polling's own period, on top of the delay. */
const SLACK_MS = 3000;
/** Opens `count` TCP connections from the client to the streams' server and closes each at once. */
async function shortConnections(rig, count) {
    const server = SRV_HOST.address.split('/')[0];
    const script = `for i in $(seq ${count}); do exec 3<>/dev/tcp/${server}/${STREAM_PORT}; exec 3>&-; done`;
    await run('ip', ['netns', 'exec', cliNamespace(rig), 'bash', '-c', script]);
}
/** `diagnose sys session stat`'s delay counters on A, once `ready` holds for them (the status is published every 500 ms). */
async function delayCounters(sr, ready) {
    let c = {};
    for (const until = Date.now() + 5000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
        const line = /session-pickup-delay: (.*)$/m.exec(await sr.rig.exec('A', 'diagnose sys session stat'))?.[1] ?? '';
        c = Object.fromEntries(line.split(' ').map((kv) => [kv.split('=')[0] ?? '', Number(kv.split('=')[1])]));
        if (ready(c))
            return c;
    }
    return assert.fail(`delay counters on A: ${JSON.stringify(c)}`);
}
test('session-pickup-delay: only sessions alive for 30 s reach the secondary, the long streams then, the short ones never', async (t) => {
    const extra = gatewayConfig({ policies: [{ id: 1, action: 'accept', tcpSessionWithoutSyn: false }] });
    const haLines = ['set session-pickup enable', 'set session-pickup-delay enable'];
    const common = { groupId: GROUP_ID, marginS: 1, haLines, extra };
    const sr = await scenarioRig(t, [rigConfig(0, { ...common, priority: 200 }), rigConfig(1, { ...common, priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await primaryOnForming(sr, 'A');
    assert.match(await sr.rig.exec('A', 'get system ha status'), /ses_pickup_delay=enable/);
    const opened = Date.now();
    await sr.rig.traffic.start({ streams: STREAMS });
    await sr.rig.traffic.waitFor((r) => r.streams.alive === STREAMS, 30_000, `${STREAMS} streams flowing`);
    await shortConnections(sr.name, SHORT);
    const closedAt = Date.now();
    const onA = await streamTuples(sr.name, 'A', 'any');
    assert.equal(onA.length, STREAMS + SHORT, `A holds the streams and the closed connections: ${onA.length}`);
    await delayCounters(sr, (c) => (c.held ?? 0) >= STREAMS + SHORT);
    // B, watched until the short connections are past their 30 s too.
    let firstOnB = 0;
    let onB = [];
    for (; Date.now() < closedAt + DELAY_MS + SLACK_MS; await new Promise((r) => setTimeout(r, 200))) {
        onB = await streamTuples(sr.name, 'B', 'any');
        if (onB.length > 0 && firstOnB === 0)
            firstOnB = Date.now();
    }
    assert.deepEqual(onB, await streamTuples(sr.name, 'A'), 'on B: the long streams, none of the short connections');
    assert.ok(firstOnB >= opened + DELAY_MS, `a session on B ${firstOnB - opened} ms after the streams opened`);
    const c = await delayCounters(sr, (x) => (x.released ?? 0) >= STREAMS);
    assert.ok((c['ended-young'] ?? 0) >= SHORT, `ended young: ${c['ended-young']}`);
    assert.equal(c.held, 0);
    await sr.rig.traffic.stop();
});
//# sourceMappingURL=session-sync-delay.test.js.map