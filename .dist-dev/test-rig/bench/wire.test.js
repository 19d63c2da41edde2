import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseWireLine } from './wire.js';
test('a wire-bench line becomes its operation, median and runs', () => {
    const line = 'decode, badAuth: wrong password (clear)     1873 ns/op  (runs 1901 1873 1850 1880 1862)';
    assert.deepEqual(parseWireLine(line), {
        op: 'decode, badAuth: wrong password (clear)',
        nsPerOp: 1873,
        runsNsPerOp: [1901, 1873, 1850, 1880, 1862],
    });
});
test('other lines are not results', () => {
    assert.equal(parseWireLine(''), null);
    assert.equal(parseWireLine('warming up'), null);
});
//# sourceMappingURL=wire.test.js.map