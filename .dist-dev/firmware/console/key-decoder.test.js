import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyDecoder } from './key-decoder.js';
function decode(...chunks) {
    const d = new KeyDecoder();
    const bytes = chunks.flatMap((c) => (typeof c === 'string' ? [...Buffer.from(c, 'latin1')] : c));
    return bytes.flatMap((b) => d.byte(b));
}
test('escape sequences become keys, by CSI, SS3 and the ~ forms; modifiers are ignored', () => {
    const keys = (s) => decode(s).map((e) => (e.kind === 'key' ? e.key : e.kind));
    assert.deepEqual(keys('\x1b[A\x1b[B\x1b[C\x1b[D\x1b[H\x1b[F'), ['up', 'down', 'right', 'left', 'home', 'end']);
    assert.deepEqual(keys('\x1bOA\x1bOH\x1bOF'), ['up', 'home', 'end']);
    assert.deepEqual(keys('\x1b[1~\x1b[7~\x1b[4~\x1b[8~\x1b[3~\x1b[3;5~'), ['home', 'home', 'end', 'end', 'delete', 'delete']);
    assert.deepEqual(keys('\x1b[1;5C'), ['right']);
    assert.deepEqual(keys('\x1b[2~\x1b[15~\x1bOP\x1bx'), [], 'Insert, F5, F1 and Alt+x are swallowed');
});
test('characters and controls come through; bad UTF-8 is reported once and its leftovers dropped', () => {
    assert.deepEqual(decode('a\r'), [
        { kind: 'char', ch: 'a' },
        { kind: 'control', byte: 0x0d },
    ]);
    assert.deepEqual(decode([0xe2, 0x82, 0xac]), [{ kind: 'char', ch: '€' }]);
    assert.deepEqual(decode([0xff, 0x80, 0x80], 'b'), [{ kind: 'invalid' }, { kind: 'char', ch: 'b' }]);
    assert.deepEqual(decode([0xe2, 0x82], 'b'), [{ kind: 'invalid' }, { kind: 'char', ch: 'b' }]);
    assert.deepEqual(decode([0xc2, 0x85]), [{ kind: 'invalid' }], 'a C1 control');
    assert.deepEqual(decode('\x1b\x03'), [{ kind: 'control', byte: 0x03 }], 'a control byte ends an escape and acts');
});
//# sourceMappingURL=key-decoder.test.js.map