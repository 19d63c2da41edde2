import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { E, HalError } from '../errors.js';
import { createSysfsLeds, readSysfsLed, selectedTrigger } from './sysfs.js';
import { makeSysfsLed } from './sysfs-folder.testkit.js';
function folder(t) {
    const root = mkdtempSync(join(tmpdir(), 'tandem-leds-'));
    t.after(() => rmSync(root, { recursive: true, force: true }));
    return root;
}
const read = (dir, file) => readFileSync(join(dir, file), 'utf8').trim();
test('steady on and off select the none trigger and write brightness 0 or max_brightness', (t) => {
    const root = folder(t);
    const dir = makeSysfsLed(root, 'ha:green', 255);
    const led = createSysfsLeds().open(root, 'ha:green');
    led.set({ kind: 'on' });
    assert.equal(read(dir, 'trigger'), 'none');
    assert.equal(read(dir, 'brightness'), '255');
    assert.deepEqual(readSysfsLed(dir), { kind: 'on' });
    led.set({ kind: 'off' });
    assert.equal(read(dir, 'brightness'), '0');
    assert.deepEqual(readSysfsLed(dir), { kind: 'off' });
});
test('a blink is the timer trigger with its delays', (t) => {
    const root = folder(t);
    const dir = makeSysfsLed(root, 'sync:green', 1);
    createSysfsLeds().open(root, 'sync:green').set({ kind: 'blink', onMs: 125, offMs: 375 });
    assert.equal(selectedTrigger(read(dir, 'trigger')), 'timer');
    assert.equal(read(dir, 'delay_on'), '125');
    assert.equal(read(dir, 'delay_off'), '375');
    assert.deepEqual(readSysfsLed(dir), { kind: 'blink', onMs: 125, offMs: 375 });
});
test('writes only when the pattern changes, starting from what the LED shows', (t) => {
    const root = folder(t);
    const dir = makeSysfsLed(root, 'status:green');
    const led = createSysfsLeds().open(root, 'status:green');
    writeFileSync(join(dir, 'trigger'), 'marker');
    // The folder was dark with the none trigger when opened: setting off writes nothing.
    led.set({ kind: 'off' });
    assert.equal(read(dir, 'trigger'), 'marker');
    led.set({ kind: 'blink', onMs: 500, offMs: 500 });
    writeFileSync(join(dir, 'delay_on'), 'untouched');
    led.set({ kind: 'blink', onMs: 500, offMs: 500 });
    assert.equal(read(dir, 'delay_on'), 'untouched', 'same pattern, nothing written');
    led.set({ kind: 'blink', onMs: 125, offMs: 125 });
    assert.equal(read(dir, 'delay_on'), '125');
});
test('an LED another trigger runs is taken over, even for a pattern its brightness seems to show', (t) => {
    const root = folder(t);
    const dir = makeSysfsLed(root, 'red:power');
    writeFileSync(join(dir, 'trigger'), 'none timer [heartbeat]');
    assert.equal(readSysfsLed(dir), null);
    createSysfsLeds().open(root, 'red:power').set({ kind: 'off' });
    assert.equal(read(dir, 'trigger'), 'none');
    assert.deepEqual(readSysfsLed(dir), { kind: 'off' });
});
test('the kernel shows the selected trigger in brackets', () => {
    assert.equal(selectedTrigger('none [timer] heartbeat'), 'timer');
    assert.equal(selectedTrigger('[none] timer'), 'none');
    assert.equal(selectedTrigger('timer\n'), 'timer');
});
test('a missing LED folder is ENOENT, naming the LED', (t) => {
    const root = folder(t);
    assert.throws(() => createSysfsLeds().open(root, 'ha:blue'), (e) => e instanceof HalError && e.errno === E.ENOENT && /ha:blue/.test(e.message));
    makeSysfsLed(root, 'ha:red');
    const led = createSysfsLeds().open(root, 'ha:red');
    rmSync(join(root, 'ha:red'), { recursive: true });
    assert.throws(() => led.set({ kind: 'on' }), (e) => e instanceof HalError && e.errno === E.ENOENT);
});
test('a trigger that does not read back as timer is EINVAL, like the kernel refusing it', (t) => {
    const root = folder(t);
    const dir = makeSysfsLed(root, 'ha:amber');
    const led = createSysfsLeds().open(root, 'ha:amber');
    // A trigger file that takes every write and reads back empty: the switch to timer did not happen.
    rmSync(join(dir, 'trigger'));
    symlinkSync('/dev/null', join(dir, 'trigger'));
    assert.throws(() => led.set({ kind: 'blink', onMs: 125, offMs: 125 }), (e) => e instanceof HalError && e.errno === E.EINVAL && /reads back as ""/.test(e.message));
});
//# sourceMappingURL=sysfs.test.js.map