import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPlaneFromTree } from './data-plane-from-tree.js';
import { getSection, printTree } from './printer.js';
import { ctx, loadError } from './schema.fixture.js';
import { sectionKey } from './schema.js';
import { perUnitInterface, reservedPorts } from './schema-ha-mgmt.js';
import { firmwareSchema, systemHa } from './schema-system.js';
import { treeFromText } from './tree-from-text.js';
/** `config system ha` with the lines given inside, then reserved interfaces in `config ha-mgmt-interfaces`. */
function ha(options, entries) {
    return [
        'config system ha',
        ...options.map((l) => `    ${l}`),
        '    config ha-mgmt-interfaces',
        ...entries.flatMap(([id, ...lines]) => [`        edit ${id}`, ...lines.map((l) => `            ${l}`), '        next']),
        '    end',
        'end',
        '',
    ].join('\n');
}
test('reserved interfaces load, with FortiOS defaults for dst and gateway', () => {
    const text = ha(['set ha-mgmt-status enable'], [
        [1, 'set interface "mgmt"', 'set gateway 198.18.3.1'],
        [2, 'set interface "port2"'],
    ]);
    const tree = treeFromText(text, firmwareSchema, ctx);
    assert.deepEqual(reservedPorts(tree), ['mgmt', 'port2']);
    assert.equal(printTree(tree, firmwareSchema, ctx, { full: false }).includes('set dst'), false, 'dst at its default');
    const full = printTree(tree, firmwareSchema, ctx, { full: true });
    assert.ok(full.includes('        edit 2\n            set interface "port2"\n            set dst 0.0.0.0 0.0.0.0\n'), full);
    assert.ok(full.includes('            set gateway 0.0.0.0\n'), full);
});
test('a reserved interface that carries HA traffic is refused, naming the entry, the port and why', () => {
    const cases = [
        ['set hbdev "ha1" 50 "port2" 10', 'port port2 is an hbdev (set hbdev)'],
        ['set monitor "port1" "port2"', 'port port2 is a monitored port (set monitor)'],
        ['set session-sync-dev "port2"', 'port port2 is a session-sync-dev port (set session-sync-dev)'],
    ];
    for (const [option, why] of cases) {
        const err = loadError(ha([option], [[3, 'set interface "port2"']]));
        assert.equal(err.code, 'rule');
        assert.equal(err.line, 5, 'the line of set interface');
        assert.equal(err.message, `line 5: config system ha: config ha-mgmt-interfaces: edit 3: set interface "port2": ${why}: ` +
            'a reserved management interface carries no HA traffic');
    }
});
test('one port is reserved once; an entry needs its interface; at most four entries', () => {
    const twice = loadError(ha([], [
        [1, 'set interface "mgmt"'],
        [2, 'set interface "mgmt"'],
    ]));
    assert.equal(twice.message, 'line 7: config system ha: config ha-mgmt-interfaces: edit 2: set interface "mgmt": port mgmt is reserved already by entry 1');
    const empty = loadError(ha([], [[1, 'set gateway 198.18.3.1']]));
    assert.match(empty.message, /^line 3: config system ha: config ha-mgmt-interfaces: edit 1: .*needs an interface$/);
    assert.match(loadError(ha([], [[5, 'set interface "mgmt"']])).message, /edit 5: .*1-4/);
    assert.match(loadError(ha([], [[1, 'set interface "port9"']])).message, /unknown port port9/);
    assert.match(loadError(ha([], [[1, 'set interface "mgmt"', 'set dst 198.18.0.0/33']])).message, /prefix length out of range/);
});
test('the interface entries of the mgmt port and of reserved ports belong to the unit', () => {
    const text = 'config system interface\n    edit "port1"\n    next\n    edit "port2"\n        set ip 198.18.9.10/24\n    next\n' +
        '    edit "mgmt"\n        set ip 198.18.3.11/24\n    next\nend\n' +
        ha(['set ha-mgmt-status enable'], [[1, 'set interface "port2"']]);
    const tree = treeFromText(text, firmwareSchema, ctx);
    assert.deepEqual(['port1', 'port2', 'mgmt'].map((p) => perUnitInterface(p, ctx, tree)), [false, true, true]);
    assert.deepEqual(dataPlaneFromTree(tree, ctx).interfaces.map((i) => [i.name, i.perUnit]), [
        ['port1', false],
        ['port2', true],
        ['mgmt', true],
    ]);
    const shown = printTree(tree, firmwareSchema, ctx, { full: false });
    assert.ok(shown.includes('    edit "port2"\n        set ip 198.18.9.10 255.255.255.0\n'), 'show prints them as any entry');
    const shared = printTree(tree, firmwareSchema, ctx, { full: true, sharedOnly: true });
    for (const gone of ['"port2"', '"mgmt"', 'ha-mgmt', 'sync-config'])
        assert.ok(!shared.includes(gone), gone);
    assert.ok(shared.includes('edit "port1"') && shared.includes('set ha-direct disable'), 'shared values stay');
});
test('get shows the reserved interfaces under the options, as FortiOS does', () => {
    const tree = treeFromText(ha(['set ha-mgmt-status enable'], [[1, 'set interface "mgmt"', 'set dst 198.18.8.0/22', 'set gateway 198.18.3.1']]), firmwareSchema, ctx);
    const got = getSection(systemHa.node, tree.get(sectionKey(systemHa.words)));
    assert.ok(got.includes('ha-mgmt-status                : enable\n'), got);
    assert.ok(got.endsWith('ha-mgmt-interfaces:\n    == [ 1 ]\n    interface: mgmt   dst: 198.18.8.0 255.255.252.0   gateway: 198.18.3.1\n'), got);
});
//# sourceMappingURL=schema-ha-mgmt.test.js.map