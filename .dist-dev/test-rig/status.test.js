import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boardSerial } from './paths.js';
import { exitReport, isBooted, isFormed, primaryOf, rigSummary, workingBoards, } from './status.js';
function snap(state, members, primary) {
    return {
        state,
        members: Array.from({ length: members }, (_, i) => ({ serial: boardSerial(i), state: i === 0 ? 'work' : 'standby' })),
        election: primary ? { primary, reason: '', atMs: 0, atWall: '' } : null,
    };
}
function board(letter, over) {
    return {
        board: letter,
        namespace: `tdm-x-${letter}`,
        serial: '',
        hostname: `TDM-${letter}`,
        pid: 1,
        process: 'alive',
        exit: null,
        logTail: null,
        starts: 1,
        watchdogResets: 0,
        ha: null,
        haError: null,
        state: null,
        primary: null,
        members: null,
        ...over,
    };
}
function answering(letter, state, members, primary = 'A') {
    return board(letter, { ha: snap(state, members, boardSerial(0)), state, members, primary });
}
const rig = (boards) => ({ name: 'x', supervisorPid: 1, nowMs: 0, boards });
test('formed: one work, the others standby, everyone sees every member', () => {
    assert.equal(isFormed(rig([answering('A', 'work', 2), answering('B', 'standby', 2)])), true);
    assert.equal(isFormed(rig([answering('A', 'work', 2), answering('B', 'standby', 1)])), false);
    assert.equal(isFormed(rig([answering('A', 'work', 2), answering('B', 'work', 2)])), false);
    assert.equal(isFormed(rig([answering('A', 'work', 3), answering('B', 'standby', 3), answering('C', 'hello', 3)])), false);
    assert.equal(isFormed(rig([answering('A', 'work', 2), board('B', { process: 'frozen' })])), false);
    assert.deepEqual(workingBoards(rig([answering('A', 'standby', 2), answering('B', 'work', 2)])), ['B']);
});
test('booted: every board alive and answering, whatever its HA state', () => {
    assert.equal(isBooted(rig([answering('A', 'work', 1), answering('B', 'work', 1)])), true);
    assert.equal(isBooted(rig([answering('A', 'hello', 1), board('B', { haError: 'console socket not ready' })])), false);
});
test('summaries say what each board was doing', () => {
    const s = rig([
        answering('A', 'work', 1),
        board('B', { process: 'dead', exit: { code: 1, signal: null, atMs: 0 } }),
        board('C', { process: 'frozen' }),
        board('D', { haError: 'console socket not ready' }),
    ]);
    assert.equal(rigSummary(s), 'A work sees 1 member, primary A; B dead (code 1); C frozen; D not answering (console socket not ready)');
});
test('an exit report carries the last lines of the board log', () => {
    const b = board('B', {
        process: 'dead',
        exit: { code: 1, signal: null, atMs: 0 },
        logTail: 'line one\nbad config: priority 999 out of range 0-255\n',
    });
    assert.equal(exitReport(b), 'board B exited (code 1):\nline one\nbad config: priority 999 out of range 0-255');
    assert.equal(exitReport(board('A', { process: 'dead', exit: { code: null, signal: 'SIGKILL', atMs: 0 } })), 'board A exited (killed by SIGKILL) without output');
});
test('the primary comes from the election, else from the member in work', () => {
    assert.equal(primaryOf(snap('standby', 2, 'TDSIM00000000002')), 'TDSIM00000000002');
    assert.equal(primaryOf(snap('hello', 2, null)), boardSerial(0));
});
//# sourceMappingURL=status.test.js.map