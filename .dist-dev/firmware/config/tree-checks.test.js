import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findBrokenReference } from './data-plane-from-tree.js';
import { ConfigError } from './errors.js';
import { ctx, tableSchema } from './schema.fixture.js';
import { extendSchema } from './schema.js';
import { needsAnAdmin } from './schema-admin.js';
import { reservedPortsFree } from './schema-ha-mgmt.js';
import { firmwareSchema } from './schema-system.js';
import { validateTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';
/** Refuses the interface entry `bad`, pointing at `option` of that entry. */
const refuseBad = (option) => (tree) => {
    const node = tree.get('system interface');
    const bad = node?.kind === 'table' ? node.entries.find((e) => e.name === 'bad') : undefined;
    if (!bad)
        return undefined;
    return new ConfigError({
        code: 'rule',
        path: ['config system interface', 'edit "bad"'],
        statement: `set ${option}`,
        option,
        reason: 'bad is refused',
    });
};
const withCheck = (option) => ({ ...tableSchema, checks: [refuseBad(option)] });
const text = [
    'config system interface',
    '    edit "good"',
    '    next',
    '    edit "bad"',
    '        set alias "x"',
    '    next',
    'end',
    '',
].join('\n');
const errorOf = (f) => {
    try {
        f();
    }
    catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err;
    }
    assert.fail('expected a ConfigError');
};
test('a whole-config check failing on load points at the set line, else at the entry edit line', () => {
    assert.equal(errorOf(() => treeFromText(text, withCheck('alias'), ctx)).line, 5);
    const atEdit = errorOf(() => treeFromText(text, withCheck('mtu'), ctx));
    assert.equal(atEdit.line, 4);
    assert.equal(atEdit.message, 'line 4: config system interface: edit "bad": set mtu: bad is refused');
    assert.ok(treeFromText(text.replace('"bad"', '"fine"'), withCheck('alias'), ctx));
});
test('checks run after the section rules, and without lines on a console commit', () => {
    const ruleFirst = errorOf(() => treeFromText(`config system ha\n    set mode a-p\nend\n${text}`, withCheck('alias'), ctx));
    assert.match(ruleFirst.message, /^line 2: config system ha: set mode a-p: mode a-p needs/);
    const tree = treeFromText(text, tableSchema, ctx);
    const noLine = errorOf(() => validateTree(tree, withCheck('alias'), ctx));
    assert.equal(noLine.line, undefined);
    assert.equal(noLine.message, 'config system interface: edit "bad": set alias: bad is refused');
});
test('extendSchema keeps the checks of the base schema; firmwareSchema checks reserved ports, references and admins', () => {
    assert.deepEqual(firmwareSchema.checks, [reservedPortsFree, findBrokenReference, needsAnAdmin]);
    const check = refuseBad('alias');
    assert.deepEqual(extendSchema({ ...tableSchema, checks: [check] }).checks, [check]);
});
//# sourceMappingURL=tree-checks.test.js.map