import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from './errors.js';
import { joinTokens, quote, tokenize } from './lexer.js';
import { parseConfigText } from './parser.js';
function syntaxError(text) {
    try {
        parseConfigText(text);
    }
    catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        assert.equal(err.code, 'syntax');
        return err;
    }
    assert.fail('expected a syntax error');
}
test('tokenize: bare words, double and single quotes, escapes', () => {
    assert.deepEqual(tokenize('set group-name "My Cluster"'), [
        { text: 'set', quoted: false },
        { text: 'group-name', quoted: false },
        { text: 'My Cluster', quoted: true },
    ]);
    assert.deepEqual(tokenize(`set x 'a b' "say \\"hi\\" \\\\ ok"`).slice(2), [
        { text: 'a b', quoted: true },
        { text: 'say "hi" \\ ok', quoted: true },
    ]);
    assert.deepEqual(tokenize('  set\tx  ""  '), [
        { text: 'set', quoted: false },
        { text: 'x', quoted: false },
        { text: '', quoted: true },
    ]);
    assert.deepEqual(tokenize('a\\ b'), [{ text: 'a b', quoted: false }]);
});
test('quote and tokenize are inverse for awkward strings', () => {
    for (const s of ['', 'plain', 'with space', 'q"uote', 'back\\slash', `both "\\" '`, 'tab\there']) {
        assert.deepEqual(tokenize(quote(s)), [{ text: s, quoted: true }], s);
    }
    assert.equal(joinTokens(tokenize('set hbdev "ha1" 50')), 'set hbdev "ha1" 50');
});
test('tokenize: unterminated quote names the line', () => {
    assert.throws(() => tokenize('set x "abc', { line: 7 }), (err) => {
        assert.ok(err instanceof ConfigError);
        assert.equal(err.line, 7);
        assert.match(err.message, /^line 7: unterminated quote "/);
        return true;
    });
});
test('parses sections, nested config, tables, comments and keeps lines', () => {
    const text = [
        '#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin',
        '#conf_file_ver=1',
        'config system ha',
        '    set group-name "My Cluster"',
        '    set hbdev "ha1" 50 "ha2" 50',
        '    unset monitor',
        '    config ha-mgmt-interfaces',
        '        edit 1',
        '            set interface "mgmt"',
        '        next',
        '    end',
        'end',
        '',
        'config system interface',
        '    edit "port1"',
        '        set ip 198.18.0.1',
        '    next',
        'end',
    ].join('\n');
    const blocks = parseConfigText(text);
    assert.equal(blocks.length, 2);
    const ha = blocks[0];
    assert.deepEqual(ha.words, ['system', 'ha']);
    assert.equal(ha.line, 3);
    assert.deepEqual(ha.body[0], { kind: 'set', option: 'group-name', values: [{ text: 'My Cluster', quoted: true }], line: 4 });
    assert.deepEqual(ha.body[1], {
        kind: 'set',
        option: 'hbdev',
        values: [
            { text: 'ha1', quoted: true },
            { text: '50', quoted: false },
            { text: 'ha2', quoted: true },
            { text: '50', quoted: false },
        ],
        line: 5,
    });
    assert.deepEqual(ha.body[2], { kind: 'unset', option: 'monitor', line: 6 });
    const mgmt = ha.body[3];
    assert.equal(mgmt.kind, 'config');
    assert.deepEqual(mgmt.words, ['ha-mgmt-interfaces']);
    assert.equal(mgmt.line, 7);
    assert.deepEqual(mgmt.body, [
        {
            kind: 'edit',
            name: '1',
            line: 8,
            body: [{ kind: 'set', option: 'interface', values: [{ text: 'mgmt', quoted: true }], line: 9 }],
        },
    ]);
    assert.deepEqual(blocks[1].body, [
        {
            kind: 'edit',
            name: 'port1',
            line: 15,
            body: [{ kind: 'set', option: 'ip', values: [{ text: '198.18.0.1', quoted: false }], line: 16 }],
        },
    ]);
});
test('CRLF line endings and an empty file parse', () => {
    assert.deepEqual(parseConfigText(''), []);
    assert.equal(parseConfigText('config system ha\r\n    set mode a-p\r\nend\r\n')[0].body.length, 1);
});
test('structure errors name the line and the enclosing block', () => {
    const cases = [
        ['set mode a-p', 1, /set outside a config block/],
        ['config system ha\nend\nend', 3, /end without config/],
        ['config system ha\n    next\nend', 2, /config system ha: next without edit/],
        ['config system ha\n    edit "x"\n    end', 3, /edit "x": end inside edit "x" \(missing next\)/],
        ['edit "x"', 1, /edit outside a config block/],
        ['config system interface\n    edit a b\n', 2, /edit takes exactly one name/],
        ['config', 1, /config needs a section name/],
        ['config system ha\n    set\nend', 2, /set needs an option name/],
        ['config system ha\n    unset mode a-p\nend', 2, /unset takes only the option name/],
        ['config system ha\n    purge\nend', 2, /unknown statement purge/],
        ['config system ha\n    set mode a-p\n', 2, /missing end for config system ha opened at line 1/],
        ['config system ha\n    set group-name "abc\nend', 2, /unterminated quote/],
    ];
    for (const [text, line, pattern] of cases) {
        const err = syntaxError(text);
        assert.equal(err.line, line, text);
        assert.ok(err.message.startsWith(`line ${line}: `), err.message);
        assert.match(err.message, pattern);
    }
});
//# sourceMappingURL=parser.test.js.map