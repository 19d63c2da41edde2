import assert from 'node:assert/strict';
import { test } from 'node:test';
import { incidents, linesBetween, linesMatching, stampOf } from './log-lines.js';
const LOG = [
    '--- tandem-rig: board A start #1 at 2026-11-21T15:22:27.454Z',
    '2026-11-21T15:22:35.294Z [1017322.214] warn ha: peer TDSIM00000000001 lost: no heartbeat on any link for more than 600 ms',
    '2026-11-21T15:22:35.294Z [1017322.397] info ha: HA state standby -> work: TDSIM00000000001 lost',
    '2026-11-21T15:22:36.000Z [1017400] info ha: election: TDSIM00000000002 is selected',
    '',
].join('\n');
test('stamps are the bracketed monotonic ms; other lines have none', () => {
    assert.equal(stampOf(LOG.split('\n')[1]), 1017322.214);
    assert.equal(stampOf(LOG.split('\n')[3]), 1017400);
    assert.equal(stampOf(LOG.split('\n')[0]), null);
});
test('lines between two times, both ends included', () => {
    assert.deepEqual(linesBetween(LOG, 1017322.214, 1017322.397).map(stampOf), [1017322.214, 1017322.397]);
    assert.deepEqual(linesBetween(LOG, 1017322.3, 1017399.9).map(stampOf), [1017322.397]);
    assert.deepEqual(linesBetween(LOG, 0, 1), []);
});
test('lines matching a pattern', () => {
    assert.equal(linesMatching(LOG, /HA state /).length, 1);
    assert.equal(linesMatching(LOG, / lost: /).length, 1);
});
test('incidents: both boards, time order, overlapping windows merged', () => {
    const a = '2026-11-21T00:00:00.000Z [1000] warn ha: A1\n2026-11-21T00:00:00.000Z [1500] warn ha: A2\n';
    const b = '--- start\n2026-11-21T00:00:00.000Z [990] info ha: B1\n2026-11-21T00:00:00.000Z [1050] info ha: B2\n';
    const got = incidents([
        { board: 'A', text: a },
        { board: 'B', text: b },
    ], [1040, 1000, 1500], 20, 20);
    assert.deepEqual(got, [['B: [990] info ha: B1', 'A: [1000] warn ha: A1', 'B: [1050] info ha: B2'], ['A: [1500] warn ha: A2']]);
});
//# sourceMappingURL=log-lines.test.js.map