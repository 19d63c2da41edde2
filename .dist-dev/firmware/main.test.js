/** The firmware refuses an unusable board the way it refuses a bad configuration: one line, exit code 2. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FIRMWARE_VERSION } from './version.js';
const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));
function start(board) {
    // Outside the rig: none of the variables it sets for the sim board.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TANDEM_SIM_')));
    return spawnSync(process.execPath, ['--single-threaded-gc', MAIN, '--board', board], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
    });
}
test('an unknown --board: one line naming it and the known boards, exit code 2, no stack trace', () => {
    const r = start('nonsense');
    assert.equal(r.stderr, 'tandem: refusing to start: unknown board "nonsense", known: sim, nanopi-r4s\n');
    assert.equal(r.status, 2);
});
test('the sim board without the rig environment: one line naming what is missing, exit code 2', () => {
    const r = start('sim');
    assert.equal(r.stderr, 'tandem: refusing to start: sim board: TANDEM_SIM_DIR is not set (the test rig sets it)\n');
    assert.equal(r.status, 2);
});
test('--version prints the firmware version and exits before touching any board', () => {
    const r = spawnSync(process.execPath, [MAIN, '--version', '--board', 'nonsense'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.stdout, `tandem ${FIRMWARE_VERSION}\n`);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
});
//# sourceMappingURL=main.test.js.map