import assert from 'node:assert/strict';
import { test } from 'node:test';
import { endLine, formatAgo, formatUptime, slashDate, table, wallClock } from './format.js';
test('uptime in FortiOS style', () => {
    assert.equal(formatUptime(0), '0 days 0:00:00');
    assert.equal(formatUptime(23 * 60_000 + 13_999), '0 days 0:23:13');
    assert.equal(formatUptime(2 * 86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_000), '2 days 3:04:05');
    assert.equal(formatUptime(-5), '0 days 0:00:00');
    assert.equal(formatUptime(Number.NaN), '0 days 0:00:00');
});
test('ages: ms under a second, seconds under a minute, then uptime style, never for null', () => {
    assert.equal(formatAgo(95.4), '95 ms');
    assert.equal(formatAgo(2_449), '2.4 s');
    assert.equal(formatAgo(300_000), '0 days 0:05:00');
    assert.equal(formatAgo(null), 'never');
});
test('wall times from ISO 8601 to FortiOS style', () => {
    assert.equal(wallClock('2026-11-21T15:04:05.120Z'), '2026-11-21 15:04:05');
    assert.equal(wallClock('2026-11-21 15:04:05'), '2026-11-21 15:04:05');
    assert.equal(wallClock('unknown'), 'unknown');
    assert.equal(slashDate('2026-11-21T15:04:05.120Z'), '2026/11/21 15:04:05');
});
test('tables align columns and carry no trailing blanks', () => {
    assert.equal(table(['a', 'bb'], [
        ['xxx', 'y'],
        ['z', ''],
    ], '  '), '  a    bb\n  xxx  y\n  z\n');
});
test('endLine adds the missing newline only', () => {
    assert.equal(endLine(''), '');
    assert.equal(endLine('x'), 'x\n');
    assert.equal(endLine('x\n'), 'x\n');
});
//# sourceMappingURL=format.test.js.map