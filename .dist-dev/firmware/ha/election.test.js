import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { elect } from './election.js';
const MARGIN = 300_000;
const OFF = { override: false, marginMs: MARGIN };
const ON = { override: true, marginMs: MARGIN };
function unit(serial, over = {}) {
    return { serial, priority: 128, ageMs: 1_000_000, monitorUp: 2, failover: false, sessionsReady: true, ...over };
}
/** Two units: A is serial FGT-A, B is FGT-B (so B wins the serial tie-break). */
function runTable(rows, opts) {
    for (const r of rows) {
        test(r.name, () => {
            const a = unit('FGT-A', r.a);
            const b = unit('FGT-B', r.b);
            for (const field of [
                [a, b],
                [b, a],
            ]) {
                const res = elect(field, opts);
                assert.equal(res.primary, `FGT-${r.primary}`);
                assert.equal(res.criterion, r.criterion);
                assert.deepEqual(res.order, r.primary === 'A' ? ['FGT-A', 'FGT-B'] : ['FGT-B', 'FGT-A']);
            }
        });
    }
}
describe('override disabled: monitor > sessions > age (margin) > priority > serial', () => {
    runTable([
        {
            name: 'a unit in session sync wins over age and priority; monitored ports still come first',
            a: { sessionsReady: true, ageMs: 0, priority: 1 },
            b: { sessionsReady: false, ageMs: 9e9, priority: 255 },
            primary: 'A',
            criterion: 'sessions',
        },
        {
            name: 'more connected monitored ports win over session sync',
            a: { sessionsReady: true, monitorUp: 1 },
            b: { sessionsReady: false, monitorUp: 2 },
            primary: 'B',
            criterion: 'monitor',
        },
        {
            name: 'most connected monitored ports wins over age and priority',
            a: { monitorUp: 2, ageMs: 0, priority: 1 },
            b: { monitorUp: 1, ageMs: 9e9, priority: 255 },
            primary: 'A',
            criterion: 'monitor',
        },
        {
            name: 'older by exactly the margin wins over priority',
            a: { ageMs: 1_000_000 + MARGIN, priority: 1 },
            b: { priority: 255 },
            primary: 'A',
            criterion: 'age',
        },
        {
            name: 'older by margin - 1 ms counts as equal: priority decides',
            a: { ageMs: 1_000_000 + MARGIN - 1, priority: 1 },
            b: { priority: 255 },
            primary: 'B',
            criterion: 'priority',
        },
        {
            name: 'younger by exactly the margin loses',
            a: { priority: 255 },
            b: { ageMs: 1_000_000 + MARGIN },
            primary: 'B',
            criterion: 'age',
        },
        {
            name: 'equal age, higher priority wins',
            a: { priority: 200 },
            b: { priority: 100 },
            primary: 'A',
            criterion: 'priority',
        },
        {
            name: 'ages within margin, equal priority: highest serial',
            a: { ageMs: 1_100_000 },
            b: {},
            primary: 'B',
            criterion: 'serial',
        },
        { name: 'everything equal: highest serial', a: {}, b: {}, primary: 'B', criterion: 'serial' },
        {
            name: 'failover set loses to everything',
            a: { failover: true, monitorUp: 9, ageMs: 9e9, priority: 255 },
            b: { monitorUp: 0, ageMs: 0, priority: 0 },
            primary: 'B',
            criterion: 'failover',
        },
        {
            name: 'both failover set: the normal rules decide',
            a: { failover: true, priority: 200 },
            b: { failover: true },
            primary: 'A',
            criterion: 'priority',
        },
    ], OFF);
});
describe('override enabled: monitor > sessions > priority > age (margin) > serial', () => {
    runTable([
        {
            name: 'a unit in session sync wins over a higher priority still resyncing',
            a: { sessionsReady: true, priority: 1 },
            b: { sessionsReady: false, priority: 255 },
            primary: 'A',
            criterion: 'sessions',
        },
        {
            name: 'most connected monitored ports wins over priority',
            a: { monitorUp: 3, priority: 1 },
            b: { priority: 255 },
            primary: 'A',
            criterion: 'monitor',
        },
        {
            name: 'higher priority wins over a much larger age',
            a: { priority: 129, ageMs: 0 },
            b: { ageMs: 9e9 },
            primary: 'A',
            criterion: 'priority',
        },
        {
            name: 'equal priority: older by exactly the margin wins',
            a: { ageMs: 1_000_000 + MARGIN },
            b: {},
            primary: 'A',
            criterion: 'age',
        },
        {
            name: 'equal priority: older by margin - 1 ms is equal, serial decides',
            a: { ageMs: 1_000_000 + MARGIN - 1 },
            b: {},
            primary: 'B',
            criterion: 'serial',
        },
        {
            name: 'failover set loses even with the higher priority',
            a: { failover: true, priority: 255 },
            b: { priority: 0 },
            primary: 'B',
            criterion: 'failover',
        },
    ], ON);
});
test('one candidate: it is the only member', () => {
    const r = elect([unit('FGT-A', { failover: true })], OFF);
    assert.deepEqual(r, {
        primary: 'FGT-A',
        order: ['FGT-A'],
        criterion: 'only-member',
        reason: 'FGT-A is selected as the primary because it is the only member of the cluster',
    });
});
test('reasons use the FortiOS sentences', () => {
    const cases = [
        [[unit('A', { monitorUp: 3 }), unit('B')], 'A is selected as the primary because it has the most connected monitored ports'],
        [[unit('A', { ageMs: 9e9 }), unit('B')], 'A is selected as the primary because it has the largest value of uptime'],
        [[unit('A', { priority: 255 }), unit('B')], 'A is selected as the primary because it has the highest priority'],
        [[unit('A'), unit('B')], 'B is selected as the primary because it has the largest serial number'],
        [
            [unit('A'), unit('B', { failover: true }), unit('C', { failover: true })],
            'A is selected as the primary because the other units have failover set',
        ],
    ];
    for (const [field, reason] of cases)
        assert.equal(elect(field, OFF).reason, reason);
});
test('three and four candidates: full order, criterion between primary and runner-up', () => {
    const r3 = elect([unit('A', { priority: 10 }), unit('B', { priority: 30 }), unit('C', { priority: 20 })], OFF);
    assert.deepEqual(r3.order, ['B', 'C', 'A']);
    assert.equal(r3.criterion, 'priority');
    const r4 = elect([
        unit('A', { monitorUp: 1 }),
        unit('B', { failover: true, monitorUp: 5 }),
        unit('C'),
        unit('D', { ageMs: 1_000_000 + MARGIN }),
    ], OFF);
    assert.deepEqual(r4.order, ['D', 'C', 'A', 'B']);
    assert.equal(r4.criterion, 'age');
});
test('an age cycle (0 ~ 200 s ~ 400 s, margin 300 s) resolves from the oldest group', () => {
    // Pairwise: A beats B (priority), B beats C (priority), C beats A (age): a cycle. The oldest
    // group is {B, C} (within 300 s of 400 s); priority then picks B.
    const a = unit('A', { ageMs: 0, priority: 200 });
    const b = unit('B', { ageMs: 200_000, priority: 150 });
    const c = unit('C', { ageMs: 400_000, priority: 100 });
    const r = elect([a, b, c], OFF);
    assert.deepEqual(r.order, ['B', 'C', 'A']);
    assert.equal(r.criterion, 'priority');
});
function permutations(xs) {
    if (xs.length <= 1)
        return [[...xs]];
    return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}
test('every permutation of a 4-unit set elects the same primary and order', () => {
    const fields = [
        // The age cycle plus a fourth unit straddling the margin from both sides.
        [
            unit('A', { ageMs: 0, priority: 200 }),
            unit('B', { ageMs: 200_000, priority: 150 }),
            unit('C', { ageMs: 400_000, priority: 100 }),
            unit('D', { ageMs: 100_000, priority: 250 }),
        ],
        [
            unit('A', { ageMs: 599_999, priority: 1 }),
            unit('B', { ageMs: 300_000, priority: 2 }),
            unit('C', { ageMs: 0, priority: 3 }),
            unit('D', { ageMs: 299_999, priority: 3 }),
        ],
        [
            unit('A', { failover: true }),
            unit('B', { monitorUp: 1 }),
            unit('C', { monitorUp: 1, ageMs: 0 }),
            unit('D', { monitorUp: 1, ageMs: 1 }),
        ],
    ];
    for (const opts of [OFF, ON]) {
        for (const field of fields) {
            const expected = elect(field, opts);
            let count = 0;
            for (const p of permutations(field)) {
                assert.deepEqual(elect(p, opts), expected);
                count++;
            }
            assert.equal(count, 24);
        }
    }
});
test('the primary beats the runner-up pairwise on the reported criterion', () => {
    // Exhaustive over a small grid: the filter election must never report a runner-up that would
    // win the pairwise comparison.
    const ages = [0, 150_000, 299_999, 300_000, 450_000];
    const prios = [1, 2];
    let checked = 0;
    for (const aAge of ages)
        for (const bAge of ages)
            for (const cAge of ages)
                for (const aP of prios)
                    for (const bP of prios) {
                        const field = [
                            unit('A', { ageMs: aAge, priority: aP }),
                            unit('B', { ageMs: bAge, priority: bP }),
                            unit('C', { ageMs: cAge }),
                        ];
                        for (const opts of [OFF, ON]) {
                            const r = elect(field, opts);
                            const p = field.find((c) => c.serial === r.order[0]);
                            const q = field.find((c) => c.serial === r.order[1]);
                            const again = elect([p, q], opts);
                            assert.equal(again.primary, p.serial, `${JSON.stringify(field)} ${opts.override}`);
                            assert.equal(again.criterion, r.criterion);
                            checked++;
                        }
                    }
    assert.equal(checked, 5 * 5 * 5 * 2 * 2 * 2);
});
test('bad input is refused with the value named', () => {
    assert.throws(() => elect([], OFF), /at least one candidate/);
    assert.throws(() => elect([unit('A'), unit('A')], OFF), /"A" appears twice/);
    assert.throws(() => elect([unit('A')], { override: false, marginMs: -1 }), /margin -1 ms/);
});
//# sourceMappingURL=election.test.js.map