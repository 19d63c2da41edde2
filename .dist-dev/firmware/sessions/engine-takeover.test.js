/**
 * A takeover, engine to engine: the secondary's synced entries become its own (the sweep gives
 * them the kernel's state timeouts and clears the mark), then it feeds the old primary, which
 * comes back as its secondary with the table it had.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HOLD_S, SYNCED_MARK } from './applier.js';
import { Churn, sessionOf, UNIT_ADDRESS } from './session-churn.testkit.js';
import { stateTimeout } from './state-timeouts.js';
import { AGREE, entryLine, SyncNet, tableDiff, tableLines } from './sync-net.testkit.js';
import { sweepSyncedEntries } from './takeover-sweep.js';
const LOSSY = { loss: 0.1, duplicate: 0.05, delayMs: 0.3, jitterMs: 1 };
test('after a takeover the synced entries get state timeouts and lose the mark; the old primary comes back as secondary', async () => {
    const net = new SyncNet({ faults: LOSSY, seed: 31, local: [UNIT_ADDRESS] });
    const churn = new Churn(net.ct, 31);
    await net.runFor(20, () => churn.fill(25));
    const b = net.join('TDSIM00000000002');
    await net.runFor(200, () => churn.step(3));
    await net.converge();
    // Sessions of B's own (its console, its routing): not synced, and not the sweep's.
    const own = Array.from({ length: 20 }, (_, n) => sessionOf('tcp', 50_000 + n));
    for (const s of own)
        b.ct.kernelCreate({ ...s, timeout: 42 });
    const synced = [...b.ct.sessions.values()].filter((s) => (s.mark & SYNCED_MARK) !== 0);
    assert.equal(synced.length, net.expected().length);
    assert.ok(synced.every((s) => s.timeout === HOLD_S));
    // A is lost: B sweeps, through a handle of its own, as the sync loop does.
    const handle = b.ct.open();
    const result = await sweepSyncedEntries(handle, stateTimeout);
    handle.close();
    assert.deepEqual(result, { swept: synced.length, refused: 0 });
    const after = [...b.ct.sessions.values()];
    assert.ok(after.every((s) => (s.mark & SYNCED_MARK) === 0));
    for (const s of synced) {
        const now = [...b.ct.sessions.values()].find((x) => entryLine({ ...x, mark: 0, timeout: 0 }) === entryLine({ ...s, mark: 0, timeout: 0 }));
        assert.ok(now, entryLine(s));
        assert.equal(now.timeout, stateTimeout(s), entryLine(s));
        assert.equal(now.mark, (s.mark & ~SYNCED_MARK) >>> 0);
    }
    for (const s of own)
        assert.ok(tableLines(b.ct).includes(entryLine({ ...s, timeout: 42 })), 'its own entries as they were');
    // What A kept that B never had: its own sessions (the unit's address), which stay A's.
    const leftOnA = [...net.ct.sessions.values()].filter((s) => s.orig.src === UNIT_ADDRESS);
    assert.ok(leftOnA.length > 0);
    // B is primary now and feeds A, which rejoins with its table.
    const net2 = new SyncNet({ faults: LOSSY, seed: 32, ct: b.ct, local: [UNIT_ADDRESS] });
    const a = net2.join('TDSIM00000000001', net.ct);
    await net2.converge();
    const expected = [...net2.expected(), ...leftOnA.map(entryLine)].sort();
    assert.deepEqual(tableDiff(tableLines(a.ct), expected), AGREE);
    assert.equal(a.sync.ready, true);
});
//# sourceMappingURL=engine-takeover.test.js.map