/**
 * Checks of the pair as a gateway shared by the scenario files: the client reaches the server
 * through a given board, and the rig's bridges have learnt the virtual MAC on its ports.
 */
import assert from 'node:assert/strict';
import { virtualMac } from '../../firmware/takeover/virtual-mac.js';
import { formatMac } from '../../lib/ethernet.js';
import { boardNamespace } from '../paths.js';
import { run } from '../shell.js';
import { learntPort, tcpExchange } from './probes.testkit.js';
import { stateOf } from './scenario-rig.testkit.js';
export const GROUP_ID = 7;
// port1 is the board's first port (index 0), port2 the second.
export const VMAC_WAN = formatMac(virtualMac(GROUP_ID, 0, 0));
export const VMAC_LAN = formatMac(virtualMac(GROUP_ID, 0, 1));
export async function reaches(sr, what) {
    const x = await tcpExchange(sr.name);
    assert.ok(x.reached, `${what}: the client reaches the server`);
    return x.seenSource;
}
/** Configures the pair on A's console, as an administrator would, and waits until config sync has B agree. */
export async function configurePair(sr, commands) {
    const out = await sr.rig.exec('A', commands);
    assert.doesNotMatch(out, /Command fail|error|refused|invalid/i, `A: ${out}`);
    const until = Date.now() + 10_000;
    let sums = '';
    while (Date.now() < until) {
        sums = await sr.rig.exec('A', 'diagnose sys ha checksum cluster');
        if (/all units in sync/.test(sums))
            return;
        await new Promise((r) => setTimeout(r, 100));
    }
    assert.fail(`B did not take the configuration within 10 s:\n${sums}`);
}
/** Repeats the exchange until `ok` holds (a config change takes effect asynchronously). */
export async function exchangeUntil(sr, ok, what) {
    const until = Date.now() + 10_000;
    let last;
    while (Date.now() < until) {
        last = await tcpExchange(sr.name, 1000);
        if (ok(last))
            return;
    }
    assert.fail(`${what}: not seen within 10 s; last exchange ${JSON.stringify(last)}`);
}
export async function rxPackets(sr, board, port) {
    const { stdout } = await run('ip', ['-n', boardNamespace(sr.name, board), '-j', '-s', 'link', 'show', 'dev', port]);
    return JSON.parse(stdout)[0]?.stats64.rx.packets ?? 0;
}
export async function portMac(sr, board, port) {
    const { stdout } = await run('ip', ['-n', boardNamespace(sr.name, board), '-j', 'link', 'show', 'dev', port]);
    return JSON.parse(stdout)[0]?.address ?? '';
}
export async function carriesTraffic(sr, board) {
    await sr.until((x) => stateOf(x, board) === 'work', `${board} primary`);
    assert.equal(await reaches(sr, `through ${board}`), '198.18.1.10', 'no NAT: the server sees the client');
    assert.equal(await learntPort(sr.name, VMAC_LAN), `${board}-port2`, 'the LAN bridge learnt the virtual MAC on the new port');
    assert.equal(await learntPort(sr.name, VMAC_WAN), `${board}-port1`, 'the WAN bridge learnt it too');
}
//# sourceMappingURL=gateway-checks.testkit.js.map