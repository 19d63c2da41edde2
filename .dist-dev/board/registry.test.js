import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BoardError } from './errors.js';
import { nanopiR4s } from './nanopi-r4s/index.js';
import { boardByName, readSerial } from './registry.js';
const boardError = (board, message) => (err) => err instanceof BoardError && err.board === board && err.message === message;
test('boards by name; an unknown name is a BoardError listing the known ones', () => {
    assert.equal(boardByName('nanopi-r4s', {}), nanopiR4s);
    assert.deepEqual(boardByName('sim', { TANDEM_SIM_DIR: '/d', TANDEM_SIM_SERIAL: 'S1', TANDEM_SIM_TTY: '/t' }).serial, {
        value: 'S1',
    });
    assert.throws(() => boardByName('nonsense', {}), boardError('nonsense', 'unknown board "nonsense", known: sim, nanopi-r4s'));
});
test('the sim board without the rig environment is a BoardError naming the variable', () => {
    assert.throws(() => boardByName('sim', { TANDEM_SIM_DIR: '/d', TANDEM_SIM_TTY: '/t' }), boardError('sim', 'sim board: TANDEM_SIM_SERIAL is not set (the test rig sets it)'));
});
test('a board without its serial number is a BoardError naming where it looked', () => {
    assert.equal(readSerial(nanopiR4s, () => 'R4S0001\0\n'), 'R4S0001');
    assert.throws(() => readSerial(nanopiR4s, () => undefined), boardError('nanopi-r4s', 'board nanopi-r4s: no serial number in /proc/device-tree/serial-number'));
});
//# sourceMappingURL=registry.test.js.map