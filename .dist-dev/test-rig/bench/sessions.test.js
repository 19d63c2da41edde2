import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BenchError } from './options.js';
import { lagsOf } from './session-rate.js';
import { parseCases, parseRates, sessionBenchOptions } from './sessions.js';
test('rates: integers, and max for unpaced (0)', () => {
    assert.deepEqual(parseRates('10000, 80000,max'), [10_000, 80_000, 0]);
    assert.throws(() => parseRates('10k'), BenchError);
    assert.throws(() => parseRates('0'), BenchError);
});
test('cases: only the known ones', () => {
    assert.deepEqual(parseCases('lag,resync'), ['lag', 'resync']);
    assert.throws(() => parseCases('lag,speed'), /speed does not exist/);
});
test('defaults: 100k sessions, the issue rates, 3 repeats, every case, 1000 streams writing every 100 ms', () => {
    assert.deepEqual(sessionBenchOptions({}), {
        sessions: 100_000,
        rates: [10_000, 20_000, 40_000, 80_000],
        repeats: 3,
        cases: ['rate', 'lag', 'resync', 'streams'],
        udpPercent: 0,
        streams: 1000,
        streamPeriodMs: 100,
    });
    assert.equal(sessionBenchOptions({ TANDEM_BENCH_SESSIONS: '1000000' }).sessions, 1_000_000);
    assert.equal(sessionBenchOptions({ TANDEM_BENCH_STREAM_PERIOD_MS: '10' }).streamPeriodMs, 10);
    assert.throws(() => sessionBenchOptions({ TANDEM_BENCH_STREAM_PERIOD_MS: '0' }), BenchError);
    assert.throws(() => sessionBenchOptions({ TANDEM_BENCH_SESSIONS: '5' }), BenchError);
});
test('lag of each session against its batch send time; sessions that never came are left out', () => {
    const batches = Float64Array.from([100, 2, 10.0, 102, 1, 11.5]);
    const arrived = new Map([
        [0, 12.0],
        [1, 13.0],
    ]);
    assert.deepEqual(lagsOf(batches, 100, (k) => arrived.get(k) ?? 0), [2, 3]);
    assert.deepEqual(lagsOf(null, 0, () => 1), []);
});
//# sourceMappingURL=sessions.test.js.map