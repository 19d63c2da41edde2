import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { simBoard } from '../board/sim/index.js';
import { createSysfsLeds } from '../hal/led/sysfs.js';
import { litAt, readSimLeds, resetSimLeds } from './sim-leds.js';
test("a sim board's LED folders take the driver's patterns and read back with role and colour", (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-simleds-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const board = simBoard({ dir, serial: 'S', tty: '/dev/null' });
    resetSimLeds(board);
    assert.ok(readSimLeds(board).every((l) => l.pattern?.kind === 'off'), 'dark at power-on');
    const leds = createSysfsLeds();
    leds.open(board.ledRoot, 'ha:green').set({ kind: 'blink', onMs: 500, offMs: 500 });
    leds.open(board.ledRoot, 'status:green').set({ kind: 'on' });
    const read = readSimLeds(board);
    assert.deepEqual(read.map((l) => `${l.role}/${l.colour}/${l.name}/${l.pattern?.kind}`), [
        'status/green/status:green/on',
        'ha/green/ha:green/blink',
        'ha/amber/ha:amber/off',
        'ha/red/ha:red/off',
        'sync/green/sync:green/off',
    ]);
    assert.ok(read[1].sinceMs > 0);
});
test('a blink is lit in the first part of each period from its last write', () => {
    const led = {
        role: 'ha',
        colour: 'amber',
        name: 'x',
        pattern: { kind: 'blink', onMs: 125, offMs: 375 },
        sinceMs: 1000,
    };
    assert.equal(litAt(led, 1000), true);
    assert.equal(litAt(led, 1124), true);
    assert.equal(litAt(led, 1125), false);
    assert.equal(litAt(led, 1499), false);
    assert.equal(litAt(led, 1500), true);
    assert.equal(litAt({ ...led, pattern: { kind: 'on' } }, 0), true);
    assert.equal(litAt({ ...led, pattern: null }, 0), false);
});
//# sourceMappingURL=sim-leds.test.js.map