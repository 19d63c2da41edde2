import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTrafficOptions } from './options.js';
test('traffic options: defaults, and each bad value named with what is allowed', () => {
    assert.deepEqual(checkTrafficOptions(), { streams: 4, intervalMs: 1, streamPeriodMs: 10 });
    assert.deepEqual(checkTrafficOptions({ streams: 1000, intervalMs: 0.5, streamPeriodMs: 100 }), {
        streams: 1000,
        intervalMs: 0.5,
        streamPeriodMs: 100,
    });
    assert.throws(() => checkTrafficOptions({ streams: 1001 }), /streams 1001 is not allowed: use an integer from 0 to 1000/);
    assert.throws(() => checkTrafficOptions({ intervalMs: 0 }), /probe interval 0 ms is not allowed/);
    for (const bad of [0, 2.5, 1001, Number.NaN])
        assert.throws(() => checkTrafficOptions({ streamPeriodMs: bad }), new RegExp(`stream period ${bad} ms is not allowed: use an integer from 1 to 1000 ms`));
});
//# sourceMappingURL=options.test.js.map