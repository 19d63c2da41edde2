import assert from 'node:assert/strict';
import { test } from 'node:test';
import { E, HalError } from '../errors.js';
import { FakeGpio } from './gpio.fake.js';

const errno = (n: number) => (e: unknown) => e instanceof HalError && e.errno === n;

test('the fake drives the requested lines by mask and releases them on close', () => {
  const gpio = new FakeGpio();
  gpio.addChip('/dev/gpiochip0', 8);
  const lines = gpio.request('/dev/gpiochip0', [5, 2], 'tandem');
  assert.equal(gpio.holder('/dev/gpiochip0', 2), 'tandem');
  lines.set(0b11n, 0b01n);
  assert.equal(gpio.high('/dev/gpiochip0', 5), true);
  assert.equal(gpio.high('/dev/gpiochip0', 2), false, 'not in the mask');
  assert.equal(gpio.writes('/dev/gpiochip0', 2), 0);
  assert.equal(gpio.openRequests, 1);
  lines.close();
  lines.close();
  assert.equal(gpio.openRequests, 0);
  assert.equal(gpio.holder('/dev/gpiochip0', 5), null);
  assert.equal(gpio.high('/dev/gpiochip0', 5), true, 'a released line keeps its value');
});

test('the fake fails like the character device', () => {
  const gpio = new FakeGpio();
  assert.throws(() => gpio.request('/dev/gpiochip0', [1], 'tandem'), errno(E.ENOENT));
  gpio.addChip('/dev/gpiochip0', 8);
  assert.throws(() => gpio.request('/dev/gpiochip0', [8], 'tandem'), errno(E.EINVAL), 'beyond the chip');
  assert.throws(() => gpio.request('/dev/gpiochip0', [], 'tandem'), errno(E.EINVAL), 'no lines');
  assert.throws(() => gpio.request('/dev/gpiochip0', [3, 3], 'tandem'), errno(E.EBUSY), 'repeated');
  gpio.hold('/dev/gpiochip0', 4, 'heartbeat-led');
  assert.throws(() => gpio.request('/dev/gpiochip0', [1, 4], 'tandem'), errno(E.EBUSY), 'held');
  assert.equal(gpio.holder('/dev/gpiochip0', 1), null, 'a refused request takes no line');

  const lines = gpio.request('/dev/gpiochip0', [1], 'tandem');
  assert.throws(() => lines.set(1n, 0b10n), errno(E.EINVAL), 'a mask naming none of the lines');
  gpio.remove('/dev/gpiochip0');
  assert.throws(() => lines.set(1n, 1n), errno(E.ENODEV));
  assert.throws(() => gpio.request('/dev/gpiochip0', [2], 'tandem'), errno(E.ENOENT));
  lines.close();
  assert.throws(() => lines.set(1n, 1n), errno(E.EBADF));
});
