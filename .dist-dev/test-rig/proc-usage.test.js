import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kbField, parseProcStat, parseStat } from './proc-usage.js';
test('stat: ppid and utime + stime, with a command name holding spaces and parentheses', () => {
    const line = '4242 (node (sync) x) S 4200 4242 4242 0 -1 4194560 1 0 0 0 150 37 0 0 20 0 12 0 9876 0 0';
    assert.deepEqual(parseStat(line), { comm: 'node (sync) x', ppid: 4200, ticks: 187 });
});
test('stat: a truncated line gives null', () => {
    assert.equal(parseStat('12 (node) S 1'), null);
    assert.equal(parseStat('garbage'), null);
});
test('/proc/stat: busy is everything but idle and iowait, of the first eight fields', () => {
    const text = 'cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\n';
    assert.deepEqual(parseProcStat(text), { busy: 160, total: 980 });
});
test('smaps_rollup and status fields in kB; NaN when missing', () => {
    const rollup = '00400000-7ffe [rollup]\nRss:               51234 kB\nPss:               40321 kB\nPss_Anon:   1 kB\n';
    assert.equal(kbField(rollup, 'Rss'), 51_234);
    assert.equal(kbField(rollup, 'Pss'), 40_321);
    assert.equal(kbField('VmRSS:\t  100 kB\nVmHWM:\t  2048 kB\n', 'VmHWM'), 2048);
    assert.ok(Number.isNaN(kbField(rollup, 'Swap')));
});
//# sourceMappingURL=proc-usage.test.js.map