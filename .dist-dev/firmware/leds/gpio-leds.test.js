import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { E } from '../../hal/errors.js';
import { FakeGpio } from '../../hal/led/gpio.fake.js';
import { FakeTimers } from '../time/timers.fake.js';
import { GpioLeds } from './gpio-leds.js';
const CHIP = '/dev/gpiochip1';
const BOARD = [
    { role: 'status', driver: 'gpio', chip: CHIP, colours: { green: 17 } },
    { role: 'ha', driver: 'gpio', chip: CHIP, colours: { green: 5, amber: 6 } },
    // SYNC shares HA's green LED: its line is requested once.
    { role: 'sync', driver: 'gpio', chip: CHIP, colours: { green: 5 } },
];
function rig(board = BOARD) {
    const gpio = new FakeGpio();
    gpio.addChip(CHIP, 32);
    const timers = new FakeTimers(new FakeClock());
    const errors = [];
    const leds = new GpioLeds({ device: gpio, timers, leds: board, onError: (id, err) => errors.push({ id, err }) });
    const led = (line) => {
        const l = leds.leds.get(`${CHIP}:${line}`);
        assert.ok(l, `LED on line ${line}`);
        return l;
    };
    return { gpio, timers, errors, leds, led, high: (line) => gpio.high(CHIP, line) };
}
test('the lines of a chip are one request, held as outputs under the consumer "tandem"', () => {
    const r = rig();
    assert.deepEqual([...r.leds.leds.keys()], [`${CHIP}:17`, `${CHIP}:5`, `${CHIP}:6`]);
    assert.equal(r.gpio.openRequests, 1);
    for (const line of [17, 5, 6])
        assert.equal(r.gpio.holder(CHIP, line), 'tandem');
    assert.deepEqual(r.errors, []);
});
test('a blink switches its line at onMs and offMs, on the timers, starting lit', () => {
    const r = rig();
    r.led(17).set({ kind: 'blink', onMs: 125, offMs: 375 });
    assert.equal(r.high(17), true);
    assert.equal(r.timers.armed, 1, 'one timer for the blinking LED');
    r.timers.advance(124);
    assert.equal(r.high(17), true);
    r.timers.advance(1);
    assert.equal(r.high(17), false);
    r.timers.advance(374);
    assert.equal(r.high(17), false);
    r.timers.advance(1);
    assert.equal(r.high(17), true);
    assert.equal(r.gpio.writes(CHIP, 17), 3);
    assert.equal(r.gpio.writes(CHIP, 5), 0, 'only its own line is named in the mask');
    r.led(17).set({ kind: 'blink', onMs: 125, offMs: 375 });
    assert.equal(r.timers.armed, 1, 'the same pattern again: the blink runs on, nothing restarts');
    r.timers.advance(125);
    assert.equal(r.high(17), false);
});
test('steady patterns write once and arm no timer; a blink with an empty phase is steady', () => {
    const r = rig();
    r.led(6).set({ kind: 'on' });
    r.led(6).set({ kind: 'on' });
    r.timers.advance(5000);
    assert.equal(r.high(6), true);
    assert.equal(r.gpio.writes(CHIP, 6), 1);
    assert.equal(r.timers.armed, 0);
    r.led(5).set({ kind: 'off' });
    assert.equal(r.gpio.writes(CHIP, 5), 0, 'requested outputs start low: off needs no write');
    r.led(5).set({ kind: 'blink', onMs: 500, offMs: 0 });
    r.led(6).set({ kind: 'blink', onMs: 0, offMs: 500 });
    assert.equal(r.timers.armed, 0);
    assert.equal(r.high(5), true);
    assert.equal(r.high(6), false);
});
test('a blink that turns steady cancels its timer and writes only a change of level', () => {
    const r = rig();
    r.led(17).set({ kind: 'blink', onMs: 500, offMs: 500 });
    r.led(5).set({ kind: 'blink', onMs: 125, offMs: 125 });
    assert.equal(r.timers.armed, 2, 'one timer per blinking LED');
    r.led(17).set({ kind: 'on' });
    assert.equal(r.gpio.writes(CHIP, 17), 1, 'lit already: no write');
    assert.equal(r.timers.armed, 1);
    r.timers.advance(2000);
    assert.equal(r.high(17), true);
    assert.equal(r.gpio.writes(CHIP, 17), 1);
    assert.ok(r.gpio.writes(CHIP, 5) > 10, 'the other blink runs on');
});
test('close cancels every blink and releases the lines', () => {
    const r = rig();
    r.led(17).set({ kind: 'blink', onMs: 500, offMs: 500 });
    r.led(6).set({ kind: 'blink', onMs: 125, offMs: 125 });
    r.leds.close();
    assert.equal(r.timers.armed, 0);
    assert.equal(r.gpio.openRequests, 0);
    assert.equal(r.gpio.holder(CHIP, 17), null);
    const writes = r.gpio.writes(CHIP, 17);
    r.timers.advance(5000);
    assert.equal(r.gpio.writes(CHIP, 17), writes);
});
test('a chip that cannot be requested is reported by its path and leaves its LEDs out', () => {
    const missing = rig([{ role: 'status', driver: 'gpio', chip: '/dev/gpiochip7', colours: { green: 1 } }]);
    assert.equal(missing.leds.leds.size, 0);
    assert.deepEqual(missing.errors.map(({ id, err }) => [id, err.errno]), [['/dev/gpiochip7', E.ENOENT]]);
    const gpio = new FakeGpio();
    gpio.addChip(CHIP, 32);
    gpio.hold(CHIP, 6, 'gpio-keys');
    const errors = [];
    const leds = new GpioLeds({
        device: gpio,
        timers: new FakeTimers(new FakeClock()),
        leds: BOARD,
        onError: (id, err) => errors.push([id, err.errno]),
    });
    assert.deepEqual(errors, [[CHIP, E.EBUSY]]);
    assert.equal(leds.leds.size, 0);
    assert.equal(gpio.holder(CHIP, 17), null);
});
test('a write that fails in a blink is reported once and stops the blink; the next set writes again', () => {
    const r = rig();
    r.led(17).set({ kind: 'blink', onMs: 125, offMs: 125 });
    r.gpio.remove(CHIP);
    r.timers.advance(1000);
    assert.deepEqual(r.errors.map(({ id, err }) => [id, err.errno]), [[`${CHIP}:17`, E.ENODEV]]);
    assert.equal(r.timers.armed, 0);
    assert.throws(() => r.led(17).set({ kind: 'blink', onMs: 125, offMs: 125 }), (e) => e.errno === E.ENODEV, 'the same pattern is written again after a failure');
});
//# sourceMappingURL=gpio-leds.test.js.map