import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { WDIOF_CARDRESET } from '../../hal/watchdog/index.js';
import { previousRunEnd, RunRecords } from './run-record.js';
const at = '2026-12-02T03:00:00.000Z';
const running = { state: 'running', kernelBoot: 'k1', sinceWall: at };
const starving = {
    state: 'starving',
    kernelBoot: 'k1',
    sinceWall: at,
    reason: 'the heartbeat worker did not run for more than 2.0 s',
};
test('records round-trip; a missing or damaged record reads as none', () => {
    const storage = new MemoryStorage();
    const records = new RunRecords(storage, '/flash/run-record');
    assert.equal(records.read(), undefined);
    records.write(starving);
    assert.deepEqual(records.read(), starving);
    for (const bad of ['{', '[]', '{"state":"dancing","kernelBoot":"k","sinceWall":"x"}', '{"state":"running"}', '7']) {
        storage.files.set('/flash/run-record', bad);
        assert.equal(records.read(), undefined, bad);
    }
});
test('why the previous run ended', () => {
    const cases = [
        [undefined, 'k2', 0, /^no record of an earlier run/, 'info'],
        [{ ...running, state: 'stopped', reason: 'SIGTERM' }, 'k2', WDIOF_CARDRESET, /^clean shutdown \(SIGTERM\) at 2026/, 'info'],
        [
            starving,
            'k2',
            WDIOF_CARDRESET,
            /^watchdog reset: the heartbeat worker did not run for more than 2\.0 s \(from 2026/,
            'error',
        ],
        [running, 'k2', WDIOF_CARDRESET | 1, /^watchdog reset: no thread of the firmware ran/, 'error'],
        [running, 'k2', 0, /^power loss or reset without a shutdown/, 'warn'],
        [running, 'k2', undefined, /^power loss or reset without a shutdown/, 'warn'],
        [starving, 'k2', 0, /^reboot while the watchdog was starving: the heartbeat worker/, 'warn'],
        // The same kernel: the firmware restarted, whatever a stale boot status says.
        [running, 'k1', WDIOF_CARDRESET, /^the firmware ended without shutting down \(crashed or killed\)/, 'warn'],
        [starving, 'k1', WDIOF_CARDRESET, /^the firmware ended while its watchdog was starving/, 'warn'],
    ];
    for (const [prev, kernel, status, text, level] of cases) {
        const end = previousRunEnd(prev, kernel, status);
        assert.match(end.text, text, `${prev?.state} ${kernel} ${status}`);
        assert.equal(end.level, level, end.text);
    }
});
//# sourceMappingURL=run-record.test.js.map