import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nanopiR4s } from '../../board/nanopi-r4s/index.js';
import { simBoard } from '../../board/sim/index.js';
import { boardPatterns, ledIds, sysfsLedNames } from './board-leds.js';
const sim = simBoard({ dir: '/x', serial: 'S', tty: '/dev/null' }).leds;
const on = { kind: 'on' };
const off = { kind: 'off' };
test("the lit colour takes the pattern, the role's other colours go dark", () => {
    const p = boardPatterns(sim, {
        status: { colour: 'green', blink: 'steady' },
        ha: { colour: 'amber', blink: '4hz' },
        sync: null,
    });
    assert.deepEqual(Object.fromEntries(p), {
        'status:green': on,
        'ha:green': off,
        'ha:amber': { kind: 'blink', onMs: 125, offMs: 125 },
        'ha:red': off,
        'sync:green': off,
    });
});
test('a colour the board lacks falls back to its first; a shared LED goes to the earlier lit role', () => {
    assert.deepEqual(sysfsLedNames(nanopiR4s.leds), ['red:power', 'green:lan', 'green:wan']);
    const p = boardPatterns(nanopiR4s.leds, {
        status: { colour: 'green', blink: '1hz' },
        ha: { colour: 'amber', blink: 'steady' },
        sync: { colour: 'green', blink: '1hz' },
    });
    assert.deepEqual(p.get('red:power'), { kind: 'blink', onMs: 500, offMs: 500 });
    assert.deepEqual(p.get('green:wan'), on, 'HA amber holds the LED SYNC would use');
    assert.deepEqual(p.get('green:lan'), off);
    const q = boardPatterns(nanopiR4s.leds, { status: null, ha: { colour: 'red', blink: '4hz' }, sync: null });
    assert.deepEqual(q.get('green:lan'), { kind: 'blink', onMs: 125, offMs: 125 }, 'no red: the first HA LED');
});
test('GPIO LEDs are known by chip and line, and take patterns like sysfs ones', () => {
    const leds = [
        { role: 'status', driver: 'gpio', chip: '/dev/gpiochip0', colours: { green: 17 } },
        { role: 'ha', driver: 'gpio', chip: '/dev/gpiochip0', colours: { green: 5, red: 6 } },
        { role: 'sync', driver: 'sysfs', colours: { green: 'sync:green' } },
    ];
    assert.deepEqual(sysfsLedNames(leds), ['sync:green']);
    assert.deepEqual(ledIds(leds), ['/dev/gpiochip0:17', '/dev/gpiochip0:5', '/dev/gpiochip0:6', 'sync:green']);
    const p = boardPatterns(leds, {
        status: { colour: 'green', blink: 'steady' },
        ha: { colour: 'amber', blink: '4hz' },
        sync: { colour: 'green', blink: '1hz' },
    });
    assert.deepEqual(Object.fromEntries(p), {
        '/dev/gpiochip0:17': on,
        '/dev/gpiochip0:5': { kind: 'blink', onMs: 125, offMs: 125 },
        '/dev/gpiochip0:6': off,
        'sync:green': { kind: 'blink', onMs: 500, offMs: 500 },
    });
});
//# sourceMappingURL=board-leds.test.js.map