import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPlaneFromTree } from './data-plane-from-tree.js';
import { printTree } from './printer.js';
import { ctx, loadError } from './schema.fixture.js';
import { firmwareSchema } from './schema-system.js';
import { treeFromText } from './tree-from-text.js';
function monitorWith(statement) {
    return [
        'config system interface',
        '    edit "port2"',
        '        set ip 198.18.2.1 255.255.255.0',
        '    next',
        'end',
        'config system link-monitor',
        '    edit "wan-check"',
        '        set srcintf "port2"',
        '        set server "198.18.2.254"',
        `        ${statement}`,
        '    next',
        'end',
        '',
    ].join('\n');
}
test('ha-priority outside 1-50 is refused, naming the value and the allowed range', () => {
    for (const bad of ['0', '51', '-1', 'high']) {
        const err = loadError(monitorWith(`set ha-priority ${bad}`));
        assert.equal(err.code, 'value');
        assert.match(err.message, new RegExp(`^line 10: config system link-monitor: edit "wan-check": set ha-priority ${bad}: `));
        assert.ok(err.message.endsWith('allowed 1-50'), err.message);
    }
    assert.equal(loadError(monitorWith('set ha-priority 51')).message, 'line 10: config system link-monitor: edit "wan-check": set ha-priority 51: out of range, allowed 1-50');
});
test('ha-priority: 1 by default, 1 and 50 accepted, read into the data plane', () => {
    const read = (statement) => dataPlaneFromTree(treeFromText(monitorWith(statement), firmwareSchema, ctx), ctx).linkMonitors[0]?.haPriority;
    assert.equal(read('set interval 500'), 1);
    assert.equal(read('set ha-priority 1'), 1);
    assert.equal(read('set ha-priority 50'), 50);
    assert.equal(read('set ha-priority 7'), 7);
});
test('ha-priority belongs to the unit: the shared configuration leaves it out', () => {
    const tree = treeFromText(monitorWith('set ha-priority 7'), firmwareSchema, ctx);
    const own = printTree(tree, firmwareSchema, ctx, { full: false });
    const shared = printTree(tree, firmwareSchema, ctx, { full: false, sharedOnly: true });
    assert.ok(own.includes('        set ha-priority 7\n'), own);
    assert.ok(!shared.includes('ha-priority'), shared);
    assert.ok(shared.includes('        set server "198.18.2.254"\n'), shared);
});
//# sourceMappingURL=schema-link-monitor.test.js.map