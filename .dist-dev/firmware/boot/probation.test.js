/**
 * Probation on the fake clock: an image on trial is confirmed once healthy and restarts into the
 * previous one when the bound runs out; the boot state lives in MemoryStorage, the slots'
 * manifests in a temp folder (they name the images in the events).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { MANIFEST_FILE, MANIFEST_FORMAT, renderManifest } from '../release/manifest.js';
import { FakeTimers } from '../time/timers.fake.js';
import { BOOT_STATE_FILE, parseBootState, renderBootState, slotDir } from './boot-state.js';
import { Probation } from './probation.js';
import { FirmwareSlots } from './slots.js';
const BOUND_MS = 90_500;
const logged = [];
setLogSink((r) => logged.push(r));
const events = () => logged.filter((r) => r.event);
let dir;
beforeEach(() => {
    logged.length = 0;
    dir = mkdtempSync(join(tmpdir(), 'tandem-probation-'));
    holds('a', '1.0.0');
    holds('b', '1.1.0');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
function holds(slot, version) {
    mkdirSync(slotDir(dir, slot), { recursive: true });
    const manifest = { format: MANIFEST_FORMAT, name: 'tandem', version, arch: 'x64', node: '20.20.2', files: [] };
    writeFileSync(join(slotDir(dir, slot), MANIFEST_FILE), renderManifest(manifest));
}
/** A boot of `running` with `state` on flash: the probation, its fakes and what it did. */
function bootWith(state, running) {
    const storage = new MemoryStorage();
    const statePath = join(dir, BOOT_STATE_FILE);
    storage.writeAtomic(statePath, renderBootState({ active: 'a', trial: null, tries: 0, rolledBack: null, ...state }));
    storage.writes = 0;
    const slots = new FirmwareSlots(dir, storage, running);
    const timers = new FakeTimers(new FakeClock());
    const calls = { probation: [], restarts: [] };
    let why = 'HA still in hello';
    const probation = new Probation({
        slots,
        boundMs: BOUND_MS,
        timers,
        now: () => timers.clock.nowMs(),
        health: () => why,
        setProbation: (on) => calls.probation.push(on),
        restart: (reason) => calls.restarts.push(reason),
        log: createLogger('boot'),
    });
    return {
        probation,
        timers,
        storage,
        calls,
        state: () => parseBootState(storage.read(statePath)),
        healthy: (reason) => {
            why = reason;
        },
    };
}
test('not on trial: nothing happens, no timer is armed, the state is not written', () => {
    const b = bootWith({ active: 'a' }, 'a');
    b.probation.start();
    assert.equal(b.probation.state, 'none');
    assert.equal(b.timers.armed, 0);
    assert.deepEqual(b.calls, { probation: [], restarts: [] });
    assert.deepEqual(logged, []);
    assert.equal(b.storage.writes, 0);
    assert.equal(b.probation.waitingFor, null);
    b.probation.check();
    b.timers.advance(10 * BOUND_MS);
    assert.deepEqual(b.calls, { probation: [], restarts: [] });
});
test('the slot that was on trial, booted after a confirmation elsewhere, is not on trial', () => {
    const b = bootWith({ active: 'a', trial: 'b', tries: 1 }, 'a');
    b.probation.start();
    assert.equal(b.probation.state, 'none');
    assert.equal(b.timers.armed, 0);
    assert.deepEqual(b.calls.probation, []);
});
test('on trial: the election is told, the trial is an event, and it waits for health', () => {
    const b = bootWith({ active: 'a', trial: 'b', tries: 1 }, 'b');
    b.probation.start();
    assert.equal(b.probation.state, 'on-trial');
    assert.deepEqual(b.calls.probation, [true]);
    assert.deepEqual(events().map((r) => [r.level, r.message, r.fields?.action]), [
        [
            'info',
            'firmware tandem 1.1.0 in slot b on trial: confirmed once joined and in sync, rolled back unless within 90.5 s',
            'image-trial',
        ],
    ]);
    assert.equal(b.probation.waitingFor, 'HA still in hello');
    b.timers.advance(2500);
    assert.equal(b.probation.elapsedMs, 2500);
    assert.deepEqual(b.state(), { active: 'a', trial: 'b', tries: 1, rolledBack: null }, 'nothing written yet');
});
test('healthy at a poll: confirmed, the election told, no restart, no timer left', () => {
    const b = bootWith({ active: 'a', trial: 'b', tries: 1 }, 'b');
    b.probation.start();
    b.timers.advance(4200);
    b.healthy('session table not yet in sync');
    b.timers.advance(800);
    assert.equal(b.probation.state, 'on-trial');
    assert.equal(b.probation.waitingFor, 'session table not yet in sync');
    b.healthy(null);
    b.timers.advance(999);
    assert.equal(b.probation.state, 'on-trial', 'health is polled once a second');
    b.timers.advance(1);
    assert.equal(b.probation.state, 'confirmed');
    assert.deepEqual(b.state(), { active: 'b', trial: null, tries: 0, rolledBack: null });
    assert.deepEqual(b.calls.probation, [true, false]);
    const confirmed = events().find((r) => r.fields?.action === 'image-confirmed');
    assert.equal(confirmed?.message, 'firmware tandem 1.1.0 in slot b confirmed healthy after 6.0 s: it boots from now on, tandem 1.0.0 in slot a is the fallback');
    assert.equal(b.timers.armed, 0);
    b.timers.advance(2 * BOUND_MS);
    assert.deepEqual(b.calls.restarts, []);
    assert.equal(b.probation.elapsedMs, 0);
    assert.equal(b.probation.waitingFor, null);
});
test('check() on a new HA snapshot confirms at once, and only once', () => {
    const b = bootWith({ active: 'a', trial: 'b', tries: 1 }, 'b');
    b.probation.start();
    b.timers.advance(300);
    b.healthy(null);
    b.probation.check();
    assert.equal(b.probation.state, 'confirmed');
    b.probation.check();
    assert.equal(b.storage.writes, 1);
    assert.equal(events().filter((r) => r.fields?.action === 'image-confirmed').length, 1);
});
test('healthy from the first check: confirmed at start', () => {
    const b = bootWith({ active: 'b', trial: 'a', tries: 1 }, 'a');
    b.healthy(null);
    b.probation.start();
    assert.equal(b.probation.state, 'confirmed');
    assert.deepEqual(b.state(), { active: 'a', trial: null, tries: 0, rolledBack: null });
    assert.deepEqual(b.calls.probation, [true, false]);
    assert.equal(b.timers.armed, 0);
});
test('unhealthy past the bound: an event naming why, one restart, the boot state left for the selector', () => {
    const b = bootWith({ active: 'a', trial: 'b', tries: 1 }, 'b');
    b.probation.start();
    b.healthy('refusing TDSIM00000000001 (major version 1 differs from ours (2))');
    b.timers.advance(BOUND_MS - 1);
    assert.deepEqual(b.calls.restarts, []);
    assert.equal(b.probation.state, 'on-trial');
    b.timers.advance(1);
    const why = 'firmware tandem 1.1.0 in slot b not healthy within 90.5 s (refusing TDSIM00000000001 (major version 1 differs ' +
        'from ours (2))): restarting into tandem 1.0.0 in slot a';
    assert.deepEqual(b.calls.restarts, [why]);
    assert.equal(b.probation.state, 'failed');
    const failed = events().filter((r) => r.fields?.action === 'image-unhealthy');
    assert.deepEqual(failed.map((r) => [r.level, r.message]), [['error', why]]);
    assert.deepEqual(b.state(), { active: 'a', trial: 'b', tries: 1, rolledBack: null });
    assert.equal(b.storage.writes, 0);
    assert.deepEqual(b.calls.probation, [true], 'still on probation until the restart');
    b.healthy(null);
    b.probation.check();
    b.timers.advance(10 * BOUND_MS);
    assert.equal(b.calls.restarts.length, 1);
    assert.equal(b.probation.state, 'failed');
    assert.equal(b.timers.armed, 0);
});
test('healthy when the bound runs out, between two polls: confirmed, not restarted', () => {
    const b = bootWith({ active: 'a', trial: 'b', tries: 1 }, 'b');
    b.probation.start();
    b.timers.advance(BOUND_MS - 200);
    b.healthy(null);
    b.timers.advance(200);
    assert.equal(b.probation.state, 'confirmed');
    assert.deepEqual(b.calls.restarts, []);
});
test('a rollback the selector made is an event once, and the marker is cleared', () => {
    holds('b', '2.0.0');
    const b = bootWith({ active: 'a', rolledBack: 'b' }, 'a');
    b.probation.start();
    assert.deepEqual(events().map((r) => [r.level, r.message, r.fields?.action]), [
        [
            'error',
            'firmware tandem 2.0.0 in slot b was not confirmed healthy on its trial boot: rolled back to tandem 1.0.0 in slot a',
            'image-rolled-back',
        ],
    ]);
    assert.deepEqual(b.state(), { active: 'a', trial: null, tries: 0, rolledBack: null });
    assert.equal(b.probation.state, 'none');
    assert.equal(b.timers.armed, 0);
    logged.length = 0;
    b.probation.start();
    assert.deepEqual(logged, [], 'a second start finds no marker');
});
//# sourceMappingURL=probation.test.js.map