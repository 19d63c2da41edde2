/** The boot state's pure parts; how the selector reads it alike is tandem-boot.test.ts's. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FRESH_BOOT_STATE, otherSlot, parseBootState, renderBootState, SLOTS, slotDir } from './boot-state.js';
test('the other slot, and where a slot lives', () => {
    assert.equal(otherSlot('a'), 'b');
    assert.equal(otherSlot('b'), 'a');
    assert.equal(slotDir('/opt/tandem', 'a'), '/opt/tandem/slot-a');
    assert.equal(slotDir('/opt/tandem/', 'b'), '/opt/tandem/slot-b');
});
test('no file, or an empty one, is the fresh state: slot a, no trial', () => {
    assert.deepEqual(parseBootState(undefined), FRESH_BOOT_STATE);
    assert.deepEqual(parseBootState(''), FRESH_BOOT_STATE);
    assert.deepEqual(FRESH_BOOT_STATE, { active: 'a', trial: null, tries: 0, rolledBack: null });
});
test('every state reads back as rendered, except a trial naming the active slot, which is none', () => {
    const maybe = [null, 'a', 'b'];
    for (const active of SLOTS)
        for (const trial of maybe)
            for (const rolledBack of maybe)
                for (const tries of [0, 1, 9]) {
                    const s = { active, trial, tries, rolledBack };
                    const want = trial === active ? { ...s, trial: null } : s;
                    assert.deepEqual(parseBootState(renderBootState(s)), want, JSON.stringify(s));
                }
    assert.equal(renderBootState({ active: 'b', trial: 'a', tries: 1, rolledBack: null }), 'active=b\ntrial=a\ntries=1\nrolled_back=\n');
});
test('tries is one digit: more, a sign or nothing leaves the count as it was', () => {
    assert.equal(parseBootState('tries=1\ntries=12\n').tries, 1);
    assert.equal(parseBootState('tries=-1\n').tries, 0);
    assert.equal(parseBootState('tries=\n').tries, 0);
    assert.equal(parseBootState('tries=1\ntries=x\n').tries, 1);
});
//# sourceMappingURL=boot-state.test.js.map