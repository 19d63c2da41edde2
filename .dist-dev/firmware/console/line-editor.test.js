import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineEditor, MAX_LINE_BYTES } from './line-editor.js';
const bytes = (s) => Buffer.from(s, 'latin1');
/** Feeds chunks one after another and merges the results. */
function run(...chunks) {
    const ed = new LineEditor();
    const total = { echo: '', lines: [], cancelled: false };
    for (const c of chunks) {
        const r = ed.feed(typeof c === 'string' ? bytes(c) : c);
        total.echo += r.echo;
        total.lines.push(...r.lines);
        total.cancelled ||= r.cancelled;
    }
    return total;
}
test('printable ASCII is echoed and CR ends the line', () => {
    const r = run('get system ha status\r');
    assert.equal(r.echo, 'get system ha status\r\n');
    assert.deepEqual(r.lines, ['get system ha status']);
    assert.equal(r.cancelled, false);
});
test('CR, LF and CRLF each end exactly one line', () => {
    assert.deepEqual(run('a\rb\nc\r\nd\r\n').lines, ['a', 'b', 'c', 'd']);
    assert.equal(run('a\r\n').echo, 'a\r\n');
});
test('a CRLF split across chunks ends one line, not two', () => {
    const r = run('abc\r', '\n', 'def\r', '\ngh\n');
    assert.deepEqual(r.lines, ['abc', 'def', 'gh']);
    assert.equal(r.echo, 'abc\r\ndef\r\ngh\r\n');
});
test('blank lines are still lines: CR CR, LF LF and LF CR give two each', () => {
    assert.deepEqual(run('\r\r').lines, ['', '']);
    assert.deepEqual(run('\n\n').lines, ['', '']);
    assert.deepEqual(run('\n', '\r').lines, ['', '']);
});
test('an LF only merges with the CR right before it', () => {
    assert.deepEqual(run('a\r', 'b', '\n').lines, ['a', 'b']);
});
test('backspace (DEL and BS) erases one character with "\\b \\b"', () => {
    const r = run('abx\x7f', 'c\x08d\r');
    assert.deepEqual(r.lines, ['abd']);
    assert.equal(r.echo, 'abx\b \bc\b \bd\r\n');
});
test('backspace at an empty line echoes nothing', () => {
    const r = run('\x7f\x08\x7f');
    assert.equal(r.echo, '');
    assert.deepEqual(r.lines, []);
    assert.deepEqual(run('a\x7f\x7f\x7f\r').lines, ['']);
    assert.equal(run('a\x7f\x7f').echo, 'a\b \b');
});
test('Ctrl-C discards the line, echoes ^C and reports it', () => {
    const r = run('show sys', '\x03');
    assert.equal(r.echo, 'show sys^C\r\n');
    assert.deepEqual(r.lines, []);
    assert.equal(r.cancelled, true);
    assert.deepEqual(run('abc\x03def\r').lines, ['def']);
});
test('Ctrl-U clears the line, erasing every character on screen', () => {
    const r = run('abc\x15xy\r');
    assert.deepEqual(r.lines, ['xy']);
    assert.equal(r.echo, `abc${'\b \b'.repeat(3)}xy\r\n`);
    assert.equal(run('\x15').echo, '');
});
test('arrow keys act, other escape sequences are swallowed, even split across chunks', () => {
    assert.deepEqual(run('a\x1b[Ab\x1b[B\x1b[C\x1b[Dc\r'), { echo: 'ab\bcb\b\r\n', lines: ['acb'], cancelled: false });
    assert.deepEqual(run('a\x1b', '[', 'A', 'b\r').lines, ['ab']);
    assert.deepEqual(run('a\x1bOAb\x1bOPc\r').lines, ['abc']);
    assert.deepEqual(run('x\x1b[1;5Cy\x1b[3~z\x1b[2~\x1b[15~\r').lines, ['xyz']);
    assert.equal(run('\x1b[A\x1bOB').echo, '');
});
test('Alt+key (ESC + key) is swallowed; a control byte after ESC still acts', () => {
    assert.deepEqual(run('a\x1bfb\r').lines, ['ab']);
    assert.deepEqual(run('ab\x1b\r').lines, ['ab']);
    assert.deepEqual(run('ab\x1b[\r').lines, ['ab']);
});
test('a runaway escape sequence stops being swallowed', () => {
    const r = run(`\x1b[${'1'.repeat(40)}\r`);
    assert.equal(r.lines.length, 1);
    assert.ok(r.lines[0].length > 0 && r.lines[0].length < 40);
});
test('other control bytes are ignored', () => {
    const r = run('a\x00\x07\x09\x0c\x0e\x10\x1a\x1c\x1fb\r');
    assert.deepEqual(r.lines, ['ab']);
    assert.equal(r.echo, 'ab\r\n');
});
test('the line is capped: one byte too many rings the bell', () => {
    const full = 'x'.repeat(MAX_LINE_BYTES);
    const r = run(full, 'yz', '\r');
    assert.deepEqual(r.lines, [full]);
    assert.equal(r.echo, `${full}\x07\x07\r\n`);
    const after = run(full, '\x7fq\r');
    assert.deepEqual(after.lines, [`${'x'.repeat(MAX_LINE_BYTES - 1)}q`]);
});
test('UTF-8 characters are accepted whole, also split across chunks, and erased whole', () => {
    const cafe = Buffer.from('café\r', 'utf8');
    assert.deepEqual(run(cafe).lines, ['café']);
    const euro = Buffer.from('€', 'utf8');
    const r = run(euro.subarray(0, 1), euro.subarray(1, 2), euro.subarray(2), '\r');
    assert.deepEqual(r.lines, ['€']);
    assert.equal(r.echo, '€\r\n');
    assert.deepEqual(run(Buffer.from('ab€', 'utf8'), '\x7f\r').lines, ['ab']);
    assert.equal(run(Buffer.from('中', 'utf8'), '\x7f').echo, '中\b \b\b \b');
});
test('the UTF-8 byte length counts against the cap', () => {
    const r = run('x'.repeat(MAX_LINE_BYTES - 1), Buffer.from('é', 'utf8'), '\r');
    assert.deepEqual(r.lines, ['x'.repeat(MAX_LINE_BYTES - 1)]);
    assert.ok(r.echo.includes('\x07'));
});
test('invalid UTF-8 is rejected cleanly: a bell, nothing inserted, the next byte still counts', () => {
    const cases = [
        [0xff],
        [0x80, 0x80],
        [0xc0, 0xaf],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xf5, 0x80, 0x80, 0x80],
        [0xc2, 0x85],
    ];
    for (const seq of cases) {
        const r = run('a', Uint8Array.from(seq), 'b\r');
        assert.deepEqual(r.lines, ['ab'], `sequence ${seq.map((b) => b.toString(16)).join(' ')}`);
        assert.ok(r.echo.startsWith('a\x07'), `bell for ${seq.map((b) => b.toString(16)).join(' ')}`);
        assert.ok(!r.echo.includes('\ufffd'));
    }
    const truncated = run('a', Uint8Array.from([0xe2, 0x82]), '\r');
    assert.deepEqual(truncated.lines, ['a']);
});
test('random bytes never throw and lines stay within the cap', () => {
    let seed = 12345;
    const rand = () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed;
    };
    const ed = new LineEditor();
    for (let round = 0; round < 2000; round++) {
        const chunk = new Uint8Array(1 + (rand() % 64));
        for (let i = 0; i < chunk.length; i++)
            chunk[i] = rand() & 0xff;
        const r = ed.feed(chunk);
        for (const line of r.lines) {
            assert.ok(Buffer.byteLength(line) <= MAX_LINE_BYTES);
            assert.ok(![...line].some((ch) => ch < ' ' || ch === '\x7f'), 'no control characters in a line');
        }
    }
});
//# sourceMappingURL=line-editor.test.js.map