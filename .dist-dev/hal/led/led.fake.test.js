import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E, HalError } from '../errors.js';
import { FakeLeds } from './led.fake.js';
test('the fake keeps each pattern, counts writes and skips unchanged ones', () => {
    const leds = new FakeLeds();
    leds.add('/leds', 'ha:green');
    const led = leds.open('/leds', 'ha:green');
    led.set({ kind: 'blink', onMs: 500, offMs: 500 });
    led.set({ kind: 'blink', onMs: 500, offMs: 500 });
    assert.deepEqual(leds.pattern('/leds', 'ha:green'), { kind: 'blink', onMs: 500, offMs: 500 });
    assert.equal(leds.writes('/leds', 'ha:green'), 1);
});
test('the fake fails like sysfs: ENOENT for a missing LED, EINVAL for a blink without the timer trigger', () => {
    const leds = new FakeLeds();
    assert.throws(() => leds.open('/leds', 'nope'), (e) => e instanceof HalError && e.errno === E.ENOENT);
    leds.add('/leds', 'power', ['none', 'default-on']);
    const led = leds.open('/leds', 'power');
    led.set({ kind: 'on' });
    assert.throws(() => led.set({ kind: 'blink', onMs: 125, offMs: 125 }), (e) => e instanceof HalError && e.errno === E.EINVAL);
    assert.deepEqual(leds.pattern('/leds', 'power'), { kind: 'on' }, 'a refused blink leaves the LED as it was');
    leds.leds.delete('/leds/power');
    assert.throws(() => led.set({ kind: 'off' }), (e) => e instanceof HalError && e.errno === E.ENOENT);
});
//# sourceMappingURL=led.fake.test.js.map