/**
 * The boot selector (scripts/tandem-boot) run for real with `sh` against temp boot folders. Each
 * slot holds a fake image: its `node/bin/node` is a sh script saying which slot it is, what it
 * was given and what TANDEM_SLOT says, so a run tells which slot booted and how. The selector and
 * the firmware (boot-state.ts) must read every boot state alike, damaged ones included.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIRMWARE_NODE_FLAGS } from '../node-flags.js';
import { BOOT_STATE_FILE, parseBootState, renderBootState, SLOTS, slotDir } from './boot-state.js';
const SELECTOR = fileURLToPath(new URL('../../../scripts/tandem-boot', import.meta.url));
let dir;
beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-boot-'));
    for (const slot of SLOTS)
        makeImage(slot);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
function makeImage(slot) {
    const root = slotDir(dir, slot);
    mkdirSync(join(root, 'node', 'bin'), { recursive: true });
    mkdirSync(join(root, 'dist', 'firmware'), { recursive: true });
    const node = join(root, 'node', 'bin', 'node');
    writeFileSync(node, `#!/bin/sh\necho "slot=${slot}"\necho "TANDEM_SLOT=$TANDEM_SLOT"\nfor a in "$@"; do echo "arg=$a"; done\n`);
    chmodSync(node, 0o755);
    writeFileSync(join(root, 'dist', 'firmware', 'main.js'), '');
}
function boot(args = [], env = {}) {
    const inherited = { ...process.env };
    delete inherited.TANDEM_EXEC_WRAPPER;
    delete inherited.TANDEM_SLOT;
    const r = spawnSync('sh', [SELECTOR, ...args], {
        env: { ...inherited, TANDEM_BOOT_DIR: dir, ...env },
        encoding: 'utf8',
    });
    if (r.error)
        throw r.error;
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    const value = (key) => lines.find((l) => l.startsWith(`${key}=`))?.slice(key.length + 1) ?? null;
    return {
        status: r.status,
        slot: value('slot'),
        tandemSlot: value('TANDEM_SLOT'),
        args: lines.filter((l) => l.startsWith('arg=')).map((l) => l.slice(4)),
        wrapper: lines.filter((l) => l.startsWith('wrapper')),
        stderr: r.stderr,
    };
}
const statePath = () => join(dir, BOOT_STATE_FILE);
const writeState = (text) => writeFileSync(statePath(), text);
const stateText = () => readFileSync(statePath(), 'utf8');
const state = (s) => ({ active: 'a', trial: null, tries: 0, rolledBack: null, ...s });
/** What the selector does with a state it read, both slots bootable: the slot it boots and the state it writes. */
function expectedBoot(read) {
    if (read.trial !== null && read.tries < 1)
        return { slot: read.trial, next: { ...read, tries: read.tries + 1 } };
    if (read.trial !== null)
        return { slot: read.active, next: { ...read, trial: null, tries: 0, rolledBack: read.trial } };
    return { slot: read.active, next: read };
}
/** The selector leaves the slots and the state file, nothing else (its temp file was renamed over the state). */
function assertOnlyStateAndSlots() {
    assert.deepEqual(readdirSync(dir).sort(), [BOOT_STATE_FILE, 'slot-a', 'slot-b']);
}
test('no state file: slot a boots, and the fresh state is written', () => {
    const b = boot();
    assert.equal(b.status, 0, b.stderr);
    assert.equal(b.slot, 'a');
    assert.equal(b.tandemSlot, 'a');
    assert.equal(stateText(), 'active=a\ntrial=\ntries=0\nrolled_back=\n');
    assertOnlyStateAndSlots();
});
test('a trial image boots once; still on trial at the next boot, the active slot boots and the trial is rolled back', () => {
    writeState(renderBootState(state({ trial: 'b' })));
    const first = boot();
    assert.equal(first.slot, 'b');
    assert.equal(first.tandemSlot, 'b');
    assert.deepEqual(parseBootState(stateText()), state({ trial: 'b', tries: 1 }));
    const second = boot();
    assert.equal(second.slot, 'a');
    assert.equal(second.tandemSlot, 'a');
    assert.deepEqual(parseBootState(stateText()), state({ rolledBack: 'b' }));
    assertOnlyStateAndSlots();
    const third = boot();
    assert.equal(third.slot, 'a', 'the rolled back image does not get another boot');
    assert.deepEqual(parseBootState(stateText()), state({ rolledBack: 'b' }));
});
test('a confirmed trial (active = the trial slot, trial cleared) boots on', () => {
    writeState('active=b\ntrial=\ntries=0\nrolled_back=\n');
    assert.equal(boot().slot, 'b');
    assert.equal(boot().slot, 'b');
    assert.equal(stateText(), 'active=b\ntrial=\ntries=0\nrolled_back=\n');
});
test('a trial naming the active slot is no trial: it is dropped and the active slot boots', () => {
    writeState('active=b\ntrial=b\ntries=0\nrolled_back=\n');
    const b = boot();
    assert.equal(b.slot, 'b');
    assert.equal(stateText(), 'active=b\ntrial=\ntries=0\nrolled_back=\n');
    assert.deepEqual(parseBootState('active=b\ntrial=b\ntries=0\n'), state({ active: 'b' }));
});
/** Damaged or hand-edited states: each line is taken whole or not at all, by both readers. */
const DAMAGED = [
    '',
    '\n\n\n',
    'garbage\n\u00ff\u00fe\u0001 binary\n',
    'active=c\ntrial=x\ntries=10\ntries=-1\nrolled_back=ab\n',
    'ACTIVE=b\n active=b\nactive =b\nactive=b \nactive=b\r\ntrial=b\ttries=0\n',
    'active=b=\ntrial==b\ntries=0=\n',
    '=\n==\nactive\ntrial\n=b\n',
    'version=2\nactive=b\nunknown=a\n',
    'active=b\nactive=a\nactive=b\n',
    'tries=0\ntrial=b\n',
    'trial=b\ntries=\n',
    'trial=b\ntries=1\n',
    'trial=a\ntries=7\nactive=b\nrolled_back=a\n',
    'tries=3\n',
    'rolled_back=b\nrolled_back=\n',
    'active=b',
    'active=b\ntrial=a',
    'active=b\ntries=1\ntrial=',
];
test('damaged states: unknown lines and bad values are ignored, the defaults stand, and the firmware reads them alike', () => {
    for (const text of DAMAGED) {
        writeState(text);
        const read = parseBootState(text);
        const want = expectedBoot(read);
        const b = boot();
        const what = `state ${JSON.stringify(text)}, read by the firmware as ${JSON.stringify(read)}`;
        assert.equal(b.status, 0, `${what}: ${b.stderr}`);
        assert.equal(b.slot, want.slot, `${what}: booted slot`);
        assert.equal(stateText(), renderBootState(want.next), `${what}: written state`);
        assert.deepEqual(parseBootState(stateText()), want.next, `${what}: the written state read back`);
        assertOnlyStateAndSlots();
    }
});
test('every state the firmware writes, the selector reads as the firmware does', () => {
    const maybe = [null, 'a', 'b'];
    for (const active of SLOTS)
        for (const trial of maybe)
            for (const rolledBack of maybe)
                for (const tries of [0, 1, 2]) {
                    const text = renderBootState({ active, trial, tries, rolledBack });
                    writeState(text);
                    const want = expectedBoot(parseBootState(text));
                    const b = boot();
                    assert.equal(b.slot, want.slot, `booted from ${JSON.stringify(text)}`);
                    assert.equal(stateText(), renderBootState(want.next), `written after ${JSON.stringify(text)}`);
                }
});
test('an active slot that cannot boot: the other boots and becomes active', () => {
    rmSync(join(slotDir(dir, 'b'), 'dist'), { recursive: true });
    writeState('active=b\ntrial=\ntries=0\nrolled_back=\n');
    const b = boot();
    assert.equal(b.slot, 'a');
    assert.match(b.stderr, new RegExp(`slot b in ${dir} holds no bootable image; booting slot a`));
    assert.equal(stateText(), 'active=a\ntrial=\ntries=0\nrolled_back=\n');
    chmodSync(join(slotDir(dir, 'a'), 'node', 'bin', 'node'), 0o644);
    makeImage('b');
    writeState('active=a\ntrial=\ntries=0\nrolled_back=\n');
    assert.equal(boot().slot, 'b', 'a node that is not executable does not boot');
    assert.equal(stateText(), 'active=b\ntrial=\ntries=0\nrolled_back=\n');
});
test('a trial slot that cannot boot is rolled back at once', () => {
    rmSync(join(slotDir(dir, 'b'), 'node'), { recursive: true });
    writeState(renderBootState(state({ trial: 'b' })));
    assert.equal(boot().slot, 'a');
    assert.deepEqual(parseBootState(stateText()), state({ rolledBack: 'b' }));
});
test('neither slot bootable: exit 1 naming the folder, the state left as it was', () => {
    rmSync(slotDir(dir, 'a'), { recursive: true });
    rmSync(join(slotDir(dir, 'b'), 'dist', 'firmware', 'main.js'));
    writeState('active=b\ntrial=a\ntries=0\nrolled_back=\n');
    const b = boot();
    assert.equal(b.status, 1);
    assert.equal(b.slot, null);
    assert.equal(b.stderr, `tandem-boot: neither slot in ${dir} holds a bootable image\n`);
    assert.equal(stateText(), 'active=b\ntrial=a\ntries=0\nrolled_back=\n');
});
test("node gets the firmware's flags, then main.js, then the caller's arguments unchanged", () => {
    writeState('active=b\n');
    const b = boot(['--config', 'two words', '', '*']);
    const main = join(slotDir(dir, 'b'), 'dist', 'firmware', 'main.js');
    assert.deepEqual(b.args, [...FIRMWARE_NODE_FLAGS, main, '--config', 'two words', '', '*']);
});
test('TANDEM_EXEC_WRAPPER runs in front of node, with its own arguments', () => {
    const wrapper = join(dir, 'emulator');
    writeFileSync(wrapper, '#!/bin/sh\necho "wrapper-arg=$1"\necho "wrapper-runs=$2"\nshift\nexec "$@"\n');
    chmodSync(wrapper, 0o755);
    const b = boot(['x'], { TANDEM_EXEC_WRAPPER: `${wrapper} -L/sysroot` });
    assert.deepEqual(b.wrapper, ['wrapper-arg=-L/sysroot', `wrapper-runs=${join(slotDir(dir, 'a'), 'node', 'bin', 'node')}`]);
    assert.equal(b.slot, 'a');
    assert.deepEqual(b.args.slice(-1), ['x']);
    rmSync(wrapper);
    assertOnlyStateAndSlots();
});
//# sourceMappingURL=tandem-boot.test.js.map