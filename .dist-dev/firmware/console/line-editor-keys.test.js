/** The line editor's cursor keys, history and input modes, byte for byte on the echo. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineEditor } from './line-editor.js';
/** An editor fed `chunks`; returns it with the echo and lines of everything fed. */
function feed(ed, ...chunks) {
    let echo = '';
    const lines = [];
    for (const c of chunks) {
        const r = ed.feed(Buffer.from(c, 'utf8'));
        echo += r.echo;
        lines.push(...r.lines);
    }
    return { echo, lines };
}
const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
test('← and → move over the line; a character typed in the middle goes there and the tail is redrawn', () => {
    const r = feed(new LineEditor(), 'get sstem', LEFT, LEFT, LEFT, LEFT, 'y', RIGHT, '\r');
    assert.deepEqual(r.lines, ['get system']);
    assert.equal(r.echo, 'get sstem\b\b\b\bystem\b\b\b\bs\r\n');
    assert.equal(feed(new LineEditor(), LEFT, RIGHT, 'a', RIGHT).echo, 'a', 'nothing to move over at either end');
});
test('Home/End and Ctrl-A/Ctrl-E jump to either end, by every sequence terminals send', () => {
    for (const [home, end] of [
        ['\x01', '\x05'],
        ['\x1b[H', '\x1b[F'],
        ['\x1bOH', '\x1bOF'],
        ['\x1b[1~', '\x1b[4~'],
        ['\x1b[7~', '\x1b[8~'],
    ]) {
        const r = feed(new LineEditor(), 'how', home, 's', end, ' system\r');
        assert.deepEqual(r.lines, ['show system'], JSON.stringify(home));
        assert.equal(r.echo, 'how\b\b\bshow\b\b\bhow system\r\n');
    }
});
test('Delete and Ctrl-D remove the character under the cursor; backspace the one before it', () => {
    const r = feed(new LineEditor(), 'abcd', LEFT, LEFT, '\x1b[3~', '\x04', '\x7f', '\r');
    assert.deepEqual(r.lines, ['a']);
    assert.equal(r.echo, 'abcd\b\bd \b\b \b\b \b\r\n');
    const mid = feed(new LineEditor(), 'abc', LEFT, '\x7f', '\r');
    assert.deepEqual(mid.lines, ['ac']);
    assert.equal(mid.echo, 'abc\b\bc \b\b\r\n');
    assert.equal(feed(new LineEditor(), 'ab', '\x04').echo, 'ab', 'nothing under the cursor at the end');
});
test('Ctrl-K cuts to the end, Ctrl-U the whole line, Ctrl-W the word before the cursor', () => {
    const k = feed(new LineEditor(), 'show system', LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, '\x0b', '\r');
    assert.deepEqual(k.lines, ['show ']);
    assert.ok(k.echo.endsWith(`${' '.repeat(6)}${'\b'.repeat(6)}\r\n`));
    const u = feed(new LineEditor(), 'show sys', LEFT, LEFT, '\x15', 'get\r');
    assert.deepEqual(u.lines, ['get']);
    assert.deepEqual(feed(new LineEditor(), 'get system ha  ', '\x17', 'status\r').lines, ['get system status']);
    assert.deepEqual(feed(new LineEditor(), 'abc', '\x17\x17', '\r').lines, ['']);
});
test('wide characters move and erase by two columns', () => {
    const r = feed(new LineEditor(), '中a', LEFT, LEFT, 'x', '\r');
    assert.deepEqual(r.lines, ['x中a']);
    assert.equal(r.echo, '中a\b\b\bx中a\b\b\b\r\n');
});
test('↑ and ↓ (Ctrl-P, Ctrl-N) walk the lines entered, the line being typed kept below the newest', () => {
    const ed = new LineEditor();
    feed(ed, 'get system status\r', 'show\r', '\r');
    const r = feed(ed, 'conf', UP);
    assert.equal(r.echo, `conf${'\b'.repeat(4)}${' '.repeat(4)}${'\b'.repeat(4)}show`);
    assert.equal(feed(ed, '\x10').echo, `${'\b'.repeat(4)}${' '.repeat(4)}${'\b'.repeat(4)}get system status`);
    assert.equal(feed(ed, UP).echo, '', 'no older line');
    assert.deepEqual(feed(ed, DOWN, '\x0e', '\r').lines, ['conf'], 'back to the draft');
    assert.deepEqual(feed(ed, UP, UP, '\r').lines, ['show'], 'the draft was entered and is now the newest');
    assert.equal(ed.history.size, 4);
    feed(ed, 'abc', LEFT, LEFT);
    assert.deepEqual(feed(ed, UP, '\r').lines, ['show'], 'the whole line is replaced wherever the cursor was');
});
test('Ctrl-C leaves the history browse; a line that is only blanks is not kept', () => {
    const ed = new LineEditor();
    feed(ed, 'one\r', 'two\r', '   \r');
    feed(ed, UP, UP, '\x03');
    assert.deepEqual(feed(ed, UP, '\r').lines, ['two']);
});
test('text mode: echoed, not kept in the history; secret mode: nothing echoed, no cursor moves, not kept', () => {
    const ed = new LineEditor();
    const modes = [
        ['text', 'admin?\t'],
        ['secret', 'pa?ss\x1b[Dw\x7fword'],
    ];
    const out = modes.map(([mode, keys]) => {
        ed.setMode(mode);
        return feed(ed, keys, '\r');
    });
    assert.deepEqual(out[0], { echo: 'admin?\r\n', lines: ['admin?'] }, 'a ? is a character, Tab nothing');
    assert.deepEqual(out[1], { echo: '\r\n', lines: ['pa?ssword'] });
    ed.setMode('command');
    assert.equal(feed(ed, UP).echo, '', 'neither went to the history');
    ed.setMode('secret');
    assert.deepEqual(feed(ed, 'abc\x15xy\r'), { echo: '\r\n', lines: ['xy'] }, 'Ctrl-U clears a password unseen');
});
//# sourceMappingURL=line-editor-keys.test.js.map