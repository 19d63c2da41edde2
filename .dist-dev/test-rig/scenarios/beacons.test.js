/**
 * Data-port beacons (issue 7): with every heartbeat link cut while the data network is whole,
 * the secondary sees the primary alive on the data ports and never takes over; with the data
 * network split too, both work, and the election settles it as soon as the data network heals.
 * Heartbeats 100 ms × 6; beacons every 250 ms on port1 and port2 (the default: every data port
 * but those with role wan).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rigConfig } from '../rig-config.js';
import { onePrimary, scenarioRig, stateOf, untilTime } from './scenario-rig.testkit.js';
const HB_LINKS = ['ha1', 'ha2'];
const pair = (s) => onePrimary(s, ['A', 'B']);
async function cut(sr, links, up) {
    let atMs = 0;
    for (const l of links)
        atMs = (await sr.rig.fault(up ? 'restore' : 'cut', l)).atMs;
    return atMs;
}
test('data-port beacons: one forwarder with every heartbeat link down', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0, { priority: 200 }), rigConfig(1, { priority: 128 })]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await sr.until((s) => pair(s) && stateOf(s, 'A') === 'work', 'A primary');
    await t.test('heartbeat links cut, data network whole: B sees A on the data ports and stays secondary', async () => {
        const mark = sr.mark('B');
        const cutAt = await cut(sr, HB_LINKS, false);
        try {
            await untilTime(sr, cutAt + 3000);
            const s = await sr.rig.status();
            assert.equal(stateOf(s, 'A'), 'work');
            assert.equal(stateOf(s, 'B'), 'standby');
            const log = sr.log('B', mark);
            assert.match(log, /peer \S+ lost: no heartbeat/);
            assert.match(log, /is primary: seen on data port port\d though its heartbeats stopped/);
            assert.doesNotMatch(log, /HA state standby -> work/, 'B never worked');
            assert.match(await sr.rig.exec('B', 'diagnose sys ha status'), /^ {4}\S+ is primary, seen on port\d \d+ ms ago without heartbeats$/m);
        }
        finally {
            await cut(sr, HB_LINKS, true);
        }
        await sr.until(pair, 'the pair hears itself again');
    });
    await t.test('the data network split too: both work; it heals: B stands down at once', async () => {
        const mark = sr.mark('B');
        await cut(sr, [...HB_LINKS, 'A:port1', 'A:port2'], false);
        try {
            await sr.until((s) => stateOf(s, 'A') === 'work' && stateOf(s, 'B') === 'work', 'a split brain', 10_000);
            const healedAt = await cut(sr, ['A:port1', 'A:port2'], true);
            await sr.until((s) => stateOf(s, 'B') === 'standby', 'B stands down', 10_000);
            const s = await sr.rig.status();
            assert.equal(stateOf(s, 'A'), 'work');
            const settledMs = s.nowMs - healedAt;
            assert.ok(settledMs < 2000, `settled ${settledMs.toFixed(0)} ms after the data network healed`);
            assert.match(sr.log('B', mark), /HA state work -> standby: \S+ is primary, seen on data port port\d without heartbeats/);
        }
        finally {
            await cut(sr, [...HB_LINKS, 'A:port1', 'A:port2'], true);
        }
        await sr.until(pair, 'the pair hears itself again');
    });
});
//# sourceMappingURL=beacons.test.js.map