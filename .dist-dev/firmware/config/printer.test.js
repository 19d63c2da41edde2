import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodePassword } from './password.js';
import { printTree } from './printer.js';
import { ctx, tableSchema } from './schema.fixture.js';
import { firmwareSchema, systemSchema } from './schema-system.js';
import { haSettingsFromTree } from './settings-from-tree.js';
import { defaultTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';
const configured = [
    'config system global',
    '    set hostname "fw-a"',
    'end',
    'config system ha',
    '    set mode a-p',
    '    set group-id 7',
    '    set group-name "My \\"Cluster\\""',
    '    set password "s3cret pass"',
    '    set priority 200',
    '    set override enable',
    '    set hbdev "ha1" 50 "ha2" 40',
    '    set session-sync-dev "port3"',
    '    set monitor "port1" "port2"',
    '    set hb-interval 5',
    '    set hb-interval-in-milliseconds 10ms',
    '    set hb-lost-threshold 3',
    '    set hello-holddown 5',
    '    set ha-uptime-diff-margin 1',
    '    set authentication enable',
    '    set encryption enable',
    '    set unicast-hb enable',
    '    set unicast-hb-peerip 198.18.0.2',
    '    set session-pickup enable',
    '    set session-pickup-nat enable',
    'end',
    '',
].join('\n');
const withTables = [
    'config system ha',
    '    set group-name "T"',
    '    config ha-mgmt-interfaces',
    '        edit 1',
    '            set interface "mgmt"',
    '            set gateway 198.18.9.1',
    '        next',
    '    end',
    'end',
    'config system interface',
    '    edit "port2"',
    '        set alias "lan side"',
    '        config secondaryip',
    '            edit 2',
    '                set ip 198.18.1.2',
    '            next',
    '        end',
    '    next',
    '    edit "port1"',
    '    next',
    'end',
    '',
].join('\n');
function roundTrip(tree, schema) {
    for (const full of [false, true]) {
        const text = printTree(tree, schema, ctx, { full });
        assert.deepEqual(treeFromText(text, schema, ctx), tree, `full=${full}:\n${text}`);
    }
}
test('show of the defaults prints empty sections', () => {
    assert.equal(printTree(defaultTree(systemSchema, ctx), systemSchema, ctx, { full: false }), 'config system global\nend\nconfig system ha\nend\n');
});
test('show prints only non-default values, FortiOS style', () => {
    const tree = treeFromText(configured, systemSchema, ctx);
    const expected = configured.replace('set password "s3cret pass"', `set password ENC ${encodePassword('s3cret pass')}`);
    assert.equal(printTree(tree, systemSchema, ctx, { full: false }), expected);
    const partial = treeFromText('config system ha\n    set priority 128\n    set group-id 3\nend\n', systemSchema, ctx);
    assert.equal(printTree(partial, systemSchema, ctx, { full: false }), 'config system global\nend\nconfig system ha\n    set group-id 3\nend\n');
});
test('show full-configuration prints every option that has a written form', () => {
    const text = printTree(defaultTree(systemSchema, ctx), systemSchema, ctx, { full: true });
    assert.equal(text, [
        'config system global',
        `    set hostname "${ctx.serial}"`,
        '    set admin-lockout-threshold 3',
        '    set admin-lockout-duration 60',
        'end',
        'config system ha',
        '    set mode standalone',
        '    set group-id 0',
        '    set group-name "TANDEM-HA"',
        '    set priority 128',
        '    set override disable',
        '    set sync-config enable',
        '    set hb-interval 2',
        '    set hb-interval-in-milliseconds 100ms',
        '    set hb-lost-threshold 6',
        '    set hello-holddown 20',
        '    set ha-uptime-diff-margin 300',
        '    set authentication disable',
        '    set encryption disable',
        '    set unicast-hb disable',
        '    set unicast-hb-peerip 0.0.0.0',
        '    set gratuitous-arps enable',
        '    set arps 5',
        '    set arps-interval 8',
        '    set session-pickup disable',
        '    set session-pickup-connectionless disable',
        '    set session-pickup-expectation disable',
        '    set session-pickup-nat disable',
        '    set session-pickup-delay disable',
        '    set hb-carrier-failover disable',
        '    set data-beacon enable',
        '    set failover-hold-time 0',
        '    set upgrade-mode uninterruptible',
        '    set pingserver-failover-threshold 0',
        '    set pingserver-flip-timeout 60',
        '    set ha-mgmt-status disable',
        '    set ha-direct disable',
        '    config ha-mgmt-interfaces',
        '    end',
        'end',
        '',
    ].join('\n'));
});
test('round trip: defaults and a fully configured tree, for show and full', () => {
    roundTrip(defaultTree(systemSchema, ctx), systemSchema);
    roundTrip(treeFromText(configured, systemSchema, ctx), systemSchema);
});
test('round trip: tables, entry order and nested blocks', () => {
    const tree = treeFromText(withTables, tableSchema, ctx);
    roundTrip(tree, tableSchema);
    const shown = printTree(tree, tableSchema, ctx, { full: false });
    assert.ok(shown.endsWith(withTables.slice(withTables.indexOf('config system interface'))), shown);
    assert.ok(shown.includes('    config ha-mgmt-interfaces\n        edit 1\n            set interface "mgmt"\n'), shown);
    const full = printTree(tree, tableSchema, ctx, { full: true });
    assert.ok(full.includes('    edit "port1"\n        set ip 0.0.0.0\n        set alias ""\n        set mtu 1500\n        config secondaryip\n        end\n    next\n'), full);
});
test('sharedOnly leaves out per-unit options and blocks', () => {
    // A second `config system ha` block applies over the first, as on the console.
    const tree = treeFromText(configured + withTables, tableSchema, ctx);
    assert.ok(printTree(tree, tableSchema, ctx, { full: true }).includes('config ha-mgmt-interfaces'));
    const shared = printTree(tree, tableSchema, ctx, { full: true, sharedOnly: true });
    for (const gone of ['hostname', 'set priority', 'set override', 'ha-mgmt-interfaces'])
        assert.ok(!shared.includes(gone), gone);
    assert.ok(shared.includes('set group-id 7'));
    assert.ok(shared.includes('set alias "lan side"'));
});
test('sharedOnly leaves out the system interface entry of the mgmt port, and only that one', () => {
    const text = [
        'config system interface',
        '    edit "port1"',
        '        set ip 198.18.1.1 255.255.255.0',
        '    next',
        '    edit "mgmt"',
        '        set ip 198.18.9.10 255.255.255.0',
        '    next',
        'end',
        '',
    ].join('\n');
    const tree = treeFromText(text, firmwareSchema, ctx);
    const show = (sharedOnly) => printTree(tree, firmwareSchema, ctx, { full: false, sharedOnly });
    assert.ok(show(false).includes(text), show(false));
    const shared = show(true);
    assert.ok(shared.includes('config system interface\n    edit "port1"\n        set ip 198.18.1.1 255.255.255.0\n    next\nend\n'), shared);
    assert.ok(!shared.includes('mgmt'), shared);
    assert.ok(!shared.includes('198.18.9.10'), shared);
    const mgmtIsData = { ...ctx, ports: ctx.ports.map((p) => (p.name === 'mgmt' ? { ...p, role: 'data' } : p)) };
    assert.ok(printTree(tree, firmwareSchema, mgmtIsData, { full: false, sharedOnly: true }).includes('edit "mgmt"'), 'the role decides, not the name');
});
test('passwords are written ENC, read back in either form', () => {
    const tree = treeFromText(configured, systemSchema, ctx);
    const text = printTree(tree, systemSchema, ctx, { full: true });
    assert.ok(!text.includes('s3cret'), text);
    const line = text.split('\n').find((l) => l.includes('set password'));
    assert.equal(line, `    set password ENC ${encodePassword('s3cret pass')}`);
    const fromEnc = treeFromText(text, systemSchema, ctx);
    assert.equal(haSettingsFromTree(fromEnc, ctx).password, 's3cret pass');
    assert.equal(printTree(fromEnc, systemSchema, ctx, { full: true }), text, 'same text every time');
    const plain = treeFromText('config system ha\n    set password ENC\nend\n', systemSchema, ctx);
    assert.equal(haSettingsFromTree(plain, ctx).password, 'ENC', 'a lone ENC is a plain password');
    const enc = encodePassword('pw');
    assert.equal(haSettingsFromTree(treeFromText(`config system ha\n    set password ENC ${enc}\nend\n`, systemSchema, ctx), ctx).password, 'pw');
    assert.throws(() => treeFromText(`config system ha\n    set password "ENC" ${enc}\nend\n`, systemSchema, ctx), /line 2: config system ha: set password "ENC" .*: one value only/, 'a quoted "ENC" is a plain value, not the marker');
});
//# sourceMappingURL=printer.test.js.map