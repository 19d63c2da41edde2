import assert from 'node:assert/strict';
import { test } from 'node:test';
import { floorOf } from './host-floor.js';

const run = (histogram: Record<string, number>, cycles: number, max: number) => ({ thread: { '0': { histogram, cycles, max } } });

test('p99 and max of the wake-up latencies, in ms', () => {
  const histogram: Record<string, number> = { '40': 900, '95': 90, '400': 9, '12029': 0 };
  assert.deepEqual(floorOf(run(histogram, 1000, 12_029)), { cycles: 1000, p99Ms: 0.1, maxMs: 12.03 });
});

test('a p99 beyond the histogram is the max: those wake-ups are in no bucket', () => {
  assert.deepEqual(floorOf(run({ '40': 95 }, 100, 9_000)), { cycles: 100, p99Ms: 9, maxMs: 9 });
});

test('no thread reported is an error', () => {
  assert.throws(() => floorOf({ thread: {} }), /no thread/);
});
