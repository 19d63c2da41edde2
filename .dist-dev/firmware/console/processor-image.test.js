/**
 * The image commands seen from a console session: `execute restore image` asks FortiOS's y/n
 * question and installs only on `y`; `diagnose sys flash list` shows the slots. The slots and the
 * probation are the real ones over MemoryStorage and a temp folder; the install is a fake.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { BOOT_STATE_FILE, renderBootState, slotDir } from '../boot/boot-state.js';
import { Probation } from '../boot/probation.js';
import { FirmwareSlots } from '../boot/slots.js';
import { createLogger, setLogSink } from '../log/logger.js';
import { MANIFEST_FILE, MANIFEST_FORMAT, renderManifest } from '../release/manifest.js';
import { FakeTimers } from '../time/timers.fake.js';
import { REPLACE_QUESTION } from './commands/firmware-image.js';
import { FakeConfig, FakeDiag, FakeHa } from './controls.fake.js';
import { CommandProcessor } from './processor.js';
setLogSink(() => { });
const PROMPT = 'TDM-A # ';
const UNAVAILABLE = 'Command fail. This unit has no firmware slots (it was not started by the boot selector).\n';
const SHAPE = 'execute restore image needs one <file|url>: a path on this unit or an http(s) URL';
let dir;
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-console-image-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
function holds(slot, version) {
    const sha256 = '0'.repeat(64);
    const manifest = {
        format: MANIFEST_FORMAT,
        name: 'tandem',
        version,
        arch: 'x64',
        node: '20.20.2',
        files: [
            { path: 'dist/firmware/main.js', size: 2048, mode: 0o644, sha256 },
            { path: 'node/bin/node', size: 90_000_000, mode: 0o755, sha256 },
        ],
    };
    mkdirSync(slotDir(dir, slot), { recursive: true });
    writeFileSync(join(slotDir(dir, slot), MANIFEST_FILE), renderManifest(manifest));
}
/** The real slots and probation; `restore` records its source and answers as told. */
class FakeImages {
    restores = [];
    timers = new FakeTimers(new FakeClock());
    slots;
    probation;
    answer = async () => 'Installed.\n';
    rolloutStatus = () => null;
    constructor(state, running) {
        const storage = new MemoryStorage();
        const full = { active: 'a', trial: null, tries: 0, rolledBack: null, ...state };
        storage.writeAtomic(join(dir, BOOT_STATE_FILE), renderBootState(full));
        this.slots = new FirmwareSlots(dir, storage, running);
        this.probation = new Probation({
            slots: this.slots,
            boundMs: 120_000,
            timers: this.timers,
            now: () => this.timers.clock.nowMs(),
            health: () => 'HA still in hello',
            setProbation: () => { },
            restart: () => { },
            log: createLogger('boot'),
        });
        this.probation.start();
    }
    restore(source) {
        this.restores.push(source);
        return this.answer();
    }
}
function session(images) {
    return new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
        ...(images ? { images } : {}),
    }).openSession();
}
test('restore asks first; y installs, and the prompt comes back', async () => {
    holds('a', '1.0.0');
    const images = new FakeImages({}, 'a');
    const s = session(images);
    assert.deepEqual(await s.execute('execute restore image /var/tmp/tandem-1.1.0.tar.zst'), {
        output: '',
        prompt: REPLACE_QUESTION,
    });
    assert.equal(s.prompt(), REPLACE_QUESTION, 'the question is the prompt while it waits');
    assert.deepEqual(images.restores, [], 'nothing happens before the answer');
    assert.deepEqual(await s.execute('y'), { output: 'Installed.\n', prompt: PROMPT });
    assert.deepEqual(images.restores, ['/var/tmp/tandem-1.1.0.tar.zst']);
    assert.equal(s.prompt(), PROMPT);
});
test('n, or any other answer, installs nothing; the next line runs as a command', async () => {
    holds('a', '1.0.0');
    const images = new FakeImages({}, 'a');
    const s = session(images);
    for (const answer of ['n', 'N', 'yes', '', 'get system status', 'execute restore image /x']) {
        assert.equal((await s.execute('execute restore image /var/tmp/t.tar.zst')).prompt, REPLACE_QUESTION);
        assert.deepEqual(await s.execute(answer), { output: '', prompt: PROMPT }, `answered ${JSON.stringify(answer)}`);
    }
    assert.deepEqual(images.restores, []);
    assert.match((await s.execute('get system status')).output, /^Version: TANDEM-SIM v1\.0\.0\n/);
});
test('Y and a y among spaces are yes; lines sent together run in order', async () => {
    holds('a', '1.0.0');
    const images = new FakeImages({}, 'a');
    const s = session(images);
    await s.execute('execute restore image /one');
    await s.execute('Y');
    const asked = s.execute('execute restore image "/var/tmp/with space.tar.zst"');
    const answered = s.execute('  y ');
    assert.equal((await asked).prompt, REPLACE_QUESTION);
    assert.deepEqual(await answered, { output: 'Installed.\n', prompt: PROMPT });
    assert.deepEqual(images.restores, ['/one', '/var/tmp/with space.tar.zst']);
});
test('an install that throws is a failure line, and the console goes on', async () => {
    holds('a', '1.0.0');
    const images = new FakeImages({}, 'a');
    images.answer = async () => {
        throw new Error('disk on fire');
    };
    const s = session(images);
    await s.execute('execute restore image /x');
    assert.deepEqual(await s.execute('y'), {
        output: 'Command fail: disk on fire\nCommand fail. Return code -1\n',
        prompt: PROMPT,
    });
    assert.match((await s.execute('get system status')).output, /^Version: /);
});
test('restore with no file or two: a parse error naming the shape, and no question', async () => {
    holds('a', '1.0.0');
    const images = new FakeImages({}, 'a');
    const s = session(images);
    assert.deepEqual(await s.execute('execute restore image'), {
        output: `value parse error before '': ${SHAPE}\nCommand fail. Return code -651\n`,
        prompt: PROMPT,
    });
    assert.deepEqual(await s.execute('execute restore image /a.tar.zst /b.tar.zst'), {
        output: `value parse error before '/b.tar.zst': ${SHAPE}\nCommand fail. Return code -651\n`,
        prompt: PROMPT,
    });
    assert.deepEqual(await s.execute('y'), { output: 'Unknown action 0\n', prompt: PROMPT });
    assert.deepEqual(images.restores, []);
});
test('without slots: both commands say so, and nothing is asked', async () => {
    const s = session();
    assert.deepEqual(await s.execute('diagnose sys flash list'), { output: UNAVAILABLE, prompt: PROMPT });
    assert.deepEqual(await s.execute('execute restore image /x.tar.zst'), { output: UNAVAILABLE, prompt: PROMPT });
});
test('flash list: each slot, which runs and which boots next, with a trial staged', async () => {
    holds('a', '1.0.0');
    holds('b', '1.1.0');
    const s = session(new FakeImages({ active: 'a', trial: 'b', tries: 0 }, 'a'));
    assert.equal((await s.execute('diagnose sys flash list')).output, 'Slot  Image                   Size(KB)  Files  Active  Next boot\n' +
        'a     tandem-1.0.0-linux-x64  87893     2      Yes     No\n' +
        'b     tandem-1.1.0-linux-x64  87893     2      No      Yes\n' +
        'Trial: slot b boots next, once; confirmed if healthy, else slot a boots again\n');
});
test('flash list: an empty slot, no trial', async () => {
    holds('a', '1.0.0');
    const s = session(new FakeImages({}, 'a'));
    assert.equal((await s.execute('diagnose sys flash list')).output, 'Slot  Image                   Size(KB)  Files  Active  Next boot\n' +
        'a     tandem-1.0.0-linux-x64  87893     2      Yes     Yes\n' +
        'b     (empty)                 -         -      No      No\n' +
        'Trial: none\n');
});
test('flash list on trial: how long it has run and what it waits for; a reboot now goes back', async () => {
    holds('a', '1.0.0');
    holds('b', '1.1.0');
    const images = new FakeImages({ active: 'a', trial: 'b', tries: 1 }, 'b');
    images.timers.advance(12_400);
    const out = (await session(images).execute('diagnose sys flash list')).output;
    assert.match(out, /^a +tandem-1\.0\.0-linux-x64 +87893 +2 +No +Yes$/m);
    assert.match(out, /^b +tandem-1\.1\.0-linux-x64 +87893 +2 +Yes +No$/m);
    assert.ok(out.endsWith('Trial: slot b running for 12 s, not yet confirmed (HA still in hello)\n'), out);
});
//# sourceMappingURL=processor-image.test.js.map