/**
 * Remote link monitoring for real: the monitor on this thread's event loop with system timers,
 * probing over the Linux ICMP driver from a throwaway namespace to a server namespace, until
 * the server's port goes down and the verdict fails.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLinuxClock } from '../../hal/clock/linux.js';
import { createLinuxIcmp } from '../../hal/icmp/linux.js';
import { ipRun, kernelAvailable, kernelUnavailable } from '../../hal/kernel-gate.testkit.js';
import { addNetns, deleteNetns, withNetns } from '../../hal/netns.js';
import { setLogSink } from '../log/logger.js';
import { systemTimers } from '../time/timers.js';
import { RemoteLinkMonitor } from './remote-link-monitor.js';
setLogSink(() => { });
const pid = process.pid;
const unit = `trlu${pid}`;
const server = `trls${pid}`;
const unitIf = `rlu${pid}`;
const serverIf = `rls${pid}`;
async function waitFor(cond, ms, what) {
    const deadline = Date.now() + ms;
    while (!cond()) {
        if (Date.now() > deadline)
            assert.fail(`timed out after ${ms} ms waiting for ${what}`);
        await sleep(20);
    }
}
before(() => {
    if (kernelUnavailable())
        return;
    addNetns(unit);
    addNetns(server);
    ipRun(undefined, ['link', 'add', unitIf, 'netns', unit, 'type', 'veth', 'peer', 'name', serverIf, 'netns', server]);
    ipRun(unit, ['addr', 'add', '198.18.64.1/24', 'dev', unitIf]);
    ipRun(server, ['addr', 'add', '198.18.64.2/24', 'dev', serverIf]);
    ipRun(unit, ['link', 'set', unitIf, 'up']);
    ipRun(server, ['link', 'set', serverIf, 'up']);
});
after(() => {
    if (kernelUnavailable())
        return;
    deleteNetns(unit);
    deleteNetns(server);
});
test('probes from the primary keep a reachable server alive; a server port going down fails the verdict', async (t) => {
    if (!kernelAvailable(t))
        return;
    const linux = createLinuxIcmp();
    const icmp = { openPinger: (options) => withNetns(unit, () => linux.openPinger(options)) };
    const mon = new RemoteLinkMonitor({
        icmp,
        clock: createLinuxClock(),
        timers: systemTimers,
        ports: [{ name: 'port2', ifname: unitIf }],
    });
    const verdicts = [];
    mon.onVerdict((failed) => verdicts.push(failed));
    const config = {
        name: 'wan-check',
        srcintf: 'port2',
        server: ['198.18.64.2'],
        intervalMs: 100,
        failtime: 3,
        recoverytime: 2,
        haPriority: 1,
    };
    mon.configure([config], { pingserverMonitorInterface: ['port2'], pingserverFailoverThreshold: 0, pingserverFlipTimeoutMin: 6 }, () => '198.18.64.1');
    const serverView = () => mon.views().monitors[0]?.servers[0];
    try {
        mon.setActive(true);
        await waitFor(() => (serverView()?.replies ?? 0) >= 10, 10_000, 'ten replies');
        const up = serverView();
        assert.equal(up.state, 'alive');
        assert.ok(up.lastRttMs !== null && up.lastRttMs >= 0 && up.lastRttMs < 100, `round trip ${up.lastRttMs} ms`);
        assert.deepEqual(verdicts, []);
        ipRun(server, ['link', 'set', serverIf, 'down']);
        await waitFor(() => verdicts.length > 0, 10_000, 'the verdict to fail');
        assert.deepEqual(verdicts, [true]);
        const down = serverView();
        assert.equal(down.state, 'dead');
        assert.ok(down.lost >= 3, `${down.lost} lost`);
        assert.equal(mon.views().monitors[0]?.failed, true);
    }
    finally {
        mon.stop();
    }
});
//# sourceMappingURL=remote-link-linux.test.js.map