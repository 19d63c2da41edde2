import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyGrep, grepChoices, parseGrep } from './grep.js';
const CONFIG = [
    'config system global',
    '    set hostname "fw-a"',
    'end',
    'config system ha',
    '    set mode a-p',
    '    set Priority 200',
    'end',
    'config firewall policy',
    '    edit 1',
    '        set srcintf "port1"',
    '        set dstintf "port2"',
    '    next',
    '    edit 2',
    '        set srcintf "port2"',
    '    next',
    'end',
    '',
].join('\n');
function filter(text) {
    const f = parseGrep(text);
    assert.ok(typeof f !== 'string', String(f));
    return f;
}
const grep = (text) => applyGrep(CONFIG, filter(text));
test('grep keeps the lines that match a regular expression; -i ignores case, -v inverts, -c counts, -n numbers', () => {
    assert.equal(grep(' grep port2'), '        set dstintf "port2"\n        set srcintf "port2"\n');
    assert.equal(grep('grep priority'), '');
    assert.equal(grep('grep -i priority'), '    set Priority 200\n');
    assert.equal(grep('gr -c ^end$'), '3\n');
    assert.equal(grep('grep -vc set'), `${CONFIG.split('\n').length - 1 - 6}\n`);
    assert.equal(grep('grep -n "mode a-p"'), '5:    set mode a-p\n');
    assert.equal(grep("grep 'set (mode|hostname)'"), '    set hostname "fw-a"\n    set mode a-p\n');
});
test('-A, -B and -C add lines around each match, groups apart marked --', () => {
    assert.equal(grep('grep -A 1 hostname'), '    set hostname "fw-a"\nend\n');
    assert.equal(grep('grep -B1 srcintf'), '    edit 1\n        set srcintf "port1"\n--\n    edit 2\n        set srcintf "port2"\n');
    assert.equal(grep('grep -n -C 1 mode'), '4-config system ha\n5:    set mode a-p\n6-    set Priority 200\n');
});
test('-f prints each match inside its config and edit blocks, marked <---', () => {
    assert.equal(grep('grep -f port1'), 'config firewall policy\n    edit 1\n        set srcintf "port1" <---\n    next\nend\n');
    assert.equal(grep('grep -f mode'), 'config system ha\n    set mode a-p <---\nend\n');
    assert.equal(grep('grep -f "edit 2"'), 'config firewall policy\n    edit 2 <---\n    next\nend\n', 'a matching header shows its block ends');
    assert.equal(applyGrep('no blocks here\nat all\n', filter('grep -f all')), 'at all <---\n');
});
test('bad filters are refused naming the word and what is allowed', () => {
    assert.equal(parseGrep('sort'), "command parse error before 'sort': only grep may follow |\nCommand fail. Return code -61\n");
    assert.equal(parseGrep(''), "command parse error before '|': only grep may follow |\nCommand fail. Return code -61\n");
    assert.equal(parseGrep('grep'), "command parse error before 'grep': grep needs a pattern; usage: grep [-invcf] [-A|-B|-C <n>] <pattern>\nCommand fail. Return code -61\n");
    assert.match(String(parseGrep('grep -x a')), /^command parse error before '-x': usage: grep/);
    assert.match(String(parseGrep('grep -A x a')), /^value parse error before 'x': -A needs a number of lines 0-10000/);
    assert.match(String(parseGrep('grep -C')), /^value parse error before '-C': -C needs a number/);
    assert.match(String(parseGrep('grep a b')), /^command parse error before 'b': grep takes one pattern: quote one with blanks/);
    assert.match(String(parseGrep('grep "(unclosed"')), /^value parse error before '\(unclosed': not a regular expression/);
    assert.match(String(parseGrep('grep "open')), /unmatched quote/);
});
test('? after | offers grep, then its options and the pattern, then the end of the line', () => {
    assert.deepEqual(grepChoices([]).map((c) => c.word), ['grep']);
    assert.deepEqual(grepChoices(['grep']).map((c) => c.word), ['-i', '-v', '-n', '-c', '-f', '-A', '-B', '-C', '<pattern>']);
    assert.deepEqual(grepChoices(['gr', '-A', '3'])
        .map((c) => c.word)
        .at(-1), '<pattern>');
    assert.deepEqual(grepChoices(['grep', '-i', 'x']).map((c) => c.word), ['<Enter>']);
    assert.deepEqual(grepChoices(['sort']), []);
});
//# sourceMappingURL=grep.test.js.map