/**
 * The control link between real boards (firmware/control/): a 200 KB message each way, answered
 * with its SHA-256 (`diagnose sys ha control ping`), over the hbdev ports (Ethertype 0x8893) and
 * over UDP 703 relayed by the heartbeat workers with `unicast-hb`; the heartbeat path must not
 * notice either.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boardNamespace } from '../paths.js';
import { rigConfig } from '../rig-config.js';
import { ip } from '../shell.js';
import { boardStatus } from '../status.js';
import { onePrimary, scenarioRig } from './scenario-rig.testkit.js';
const SERIAL = { A: 'TDSIM00000000001', B: 'TDSIM00000000002' };
const PING_MS = 15_000;
/** Pings `to` from `from` with `bytes`; the console's answer line. */
async function ping(sr, from, to, bytes) {
    return sr.rig.exec(from, `diagnose sys ha control ping ${SERIAL[to]} ${bytes}`, PING_MS);
}
/** Both ways, 200 KB; then the status of A's link. */
async function exchange(sr) {
    for (const [from, to] of [
        ['A', 'B'],
        ['B', 'A'],
    ]) {
        const out = await ping(sr, from, to, 200_000);
        assert.match(out, new RegExp(`^${SERIAL[to]} answered 200000 bytes in [0-9.]+ ms\\n$`), `${from} -> ${to}: ${out}`);
    }
    return sr.rig.exec('A', 'diagnose sys ha control');
}
test('a 200 KB message crosses the hbdev ports both ways', async (t) => {
    const sr = await scenarioRig(t, [rigConfig(0), rigConfig(1)]);
    if (!sr)
        return;
    t.after(() => sr.down());
    await sr.until((s) => onePrimary(s, ['A', 'B']), 'formed');
    const status = await exchange(sr);
    assert.match(status, /^Control link: running$/m);
    assert.match(status, /^Ports in use: ha1, ha2$/m);
    // Two pings and config sync's hellos sent, as many answers received, nothing reset (the last ack may still be on its way).
    const row = new RegExp(`^${SERIAL.B} +(\\d+) +(\\d+) +[01] +\\d+ +0$`, 'm').exec(status);
    assert.ok(row && Number(row[1]) >= 2 && Number(row[2]) >= 2, status);
    assert.doesNotMatch(status, /badAuth|malformed|unknownKind/);
});
test('with unicast-hb alone, the heartbeat workers relay it on UDP 703, and the heartbeats do not mind', async (t) => {
    const address = ['198.18.4.1', '198.18.4.2'];
    const configs = [0, 1].map((i) => rigConfig(i, { hbdev: [], haLines: ['set unicast-hb enable', `set unicast-hb-peerip ${address[1 - i]}`] }));
    const sr = await scenarioRig(t, configs, 'booted');
    if (!sr)
        return;
    t.after(() => sr.down());
    for (const [i, board] of ['A', 'B'].entries()) {
        await ip(['-n', boardNamespace(sr.name, board), 'addr', 'add', `${address[i]}/24`, 'dev', 'port3']);
    }
    await sr.until((s) => onePrimary(s, ['A', 'B']), 'formed over UDP');
    const marks = { A: sr.mark('A'), B: sr.mark('B') };
    assert.match(await exchange(sr), /^Ports in use: udp$/m);
    // The relay's count comes with the worker's next snapshot (every 250 ms).
    const relayed = (x) => boardStatus(x, 'A').ha?.controlRelay.relayed ?? 0;
    await sr.until((x) => relayed(x) > 2 * 150, "the frames of two 200 KB messages through A's relay", 5000);
    assert.match(await sr.rig.exec('A', 'diagnose sys ha control'), /^UDP 703 relay \(unicast-hb\): relayed [1-9]\d+, dropped \d+$/m);
    // A message of 4 MB through the worker: the heartbeats carry on, nobody is lost.
    assert.match(await ping(sr, 'A', 'B', 4_000_000), /answered 4000000 bytes/);
    const s = await sr.rig.status();
    assert.ok(onePrimary(s, ['A', 'B']), 'still one primary, both members');
    for (const b of ['A', 'B'])
        assert.doesNotMatch(sr.log(b, marks[b]), /lost|HA state/, `${b}'s log`);
});
//# sourceMappingURL=control-link.test.js.map