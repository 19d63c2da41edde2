/**
 * The shared part of a config and the merge of a peer's: every per-unit row of
 * docs/config-sync-plan.md §3 stays this unit's, whatever the peer sends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checksumName, computeChecksums } from './checksum.js';
import { ConfigError } from './errors.js';
import { changedSections, mergeShared, sharedSections } from './per-unit.js';
import { printTree } from './printer.js';
import { ctx } from './schema.fixture.js';
import { firmwareSchema } from './schema-system.js';
import { haSettingsFromTree, hostnameFromTree } from './settings-from-tree.js';
import { validateTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';
/** A unit's config: per-unit values from `own`, shared values from `shared`. */
function unit(own, shared) {
    const text = [
        'config system global',
        `    set hostname "${own.host}"`,
        'end',
        'config system ha',
        '    set mode a-p',
        '    set hbdev "ha1" 50 "ha2" 50',
        `    set priority ${own.prio}`,
        `    set override ${own.prio > 150 ? 'enable' : 'disable'}`,
        `    set sync-config ${own.prio > 150 ? 'enable' : 'disable'}`,
        '    set unicast-hb enable',
        `    set unicast-hb-peerip ${own.peer}`,
        `    set ha-mgmt-status ${own.prio > 150 ? 'enable' : 'disable'}`,
        shared,
        '    config ha-mgmt-interfaces',
        '        edit 1',
        `            set interface "${own.reserved}"`,
        `            set gateway ${own.peer}`,
        '        next',
        '    end',
        'end',
        'config system interface',
        '    edit "port1"',
        '        set ip 198.18.1.1/24',
        '    next',
        `    edit "${own.reserved}"`,
        `        set ip ${own.mgmtIp}/24`,
        '    next',
        '    edit "mgmt"',
        `        set ip ${own.mgmtIp.replace(/\.\d+$/, '.200')}/24`,
        '        set allowaccess ping',
        '    next',
        'end',
        'config system link-monitor',
        '    edit "gw"',
        '        set srcintf "port1"',
        '        set server 198.18.1.254',
        `        set ha-priority ${own.weight}`,
        '    next',
        'end',
        '',
    ].join('\n');
    return treeFromText(text, firmwareSchema, ctx);
}
const A = { host: 'TDM-A', prio: 200, peer: '198.18.0.2', reserved: 'port2', mgmtIp: '198.18.3.11', weight: 5 };
const B = { host: 'TDM-B', prio: 100, peer: '198.18.0.1', reserved: 'port3', mgmtIp: '198.18.4.12', weight: 9 };
/** Every per-unit row of §3, as read off a tree. */
function perUnitRows(tree) {
    const ha = haSettingsFromTree(tree, ctx);
    const show = printTree(tree, firmwareSchema, ctx, { full: false });
    const entry = (name) => new RegExp(`    edit "${name}"\\n(        set .*\\n)*    next\\n`).exec(show)?.[0];
    return {
        hostname: hostnameFromTree(tree),
        priority: ha.priority,
        override: ha.override,
        syncConfig: ha.syncConfig,
        unicastHbPeerip: ha.unicastHbPeerip,
        haMgmtStatus: ha.haMgmtStatus,
        mgmtInterfaces: ha.mgmtInterfaces,
        mgmtEntry: entry('mgmt'),
        reservedEntries: ha.mgmtInterfaces.map((m) => entry(m.interface)),
        haPriority: /set ha-priority (\d+)/.exec(show)?.[1],
    };
}
test('sharedOnly text holds no per-unit value', () => {
    const a = unit(A, '    set hb-interval 3');
    const text = sharedSections(a, firmwareSchema, ctx)
        .map(([, t]) => t)
        .join('');
    for (const word of [
        'hostname',
        'set priority',
        'override',
        'sync-config',
        'unicast-hb-peerip',
        'ha-mgmt',
        'ha-priority',
        'edit "mgmt"',
        'edit "port2"',
        '198.18.3.',
    ]) {
        assert.ok(!text.includes(word), `${word} in:\n${text}`);
    }
    assert.ok(text.includes('set hb-interval 3') && text.includes('edit "port1"') && text.includes('edit "gw"'), text);
    assert.deepEqual(sharedSections(a, firmwareSchema, ctx).map(([name]) => name), firmwareSchema.sections.map(checksumName), 'every top-level section is shared');
    assert.deepEqual(sharedSections(a, firmwareSchema, ctx, ['system.ha', 'nonsense']).map(([name]) => name), ['system.ha'], 'names no section has are left out');
});
test('the merge takes every shared value from the peer and keeps every per-unit row of §3', () => {
    const a = unit(A, '    set hb-interval 3');
    const b = unit(B, '    set hb-interval 5\n    set monitor "port1"');
    const merged = mergeShared(a, sharedSections(b, firmwareSchema, ctx), firmwareSchema, ctx);
    validateTree(merged, firmwareSchema, ctx);
    assert.deepEqual(perUnitRows(merged), perUnitRows(a));
    assert.equal(perUnitRows(a).reservedEntries[0]?.includes('198.18.3.11'), true, 'the reserved entry is there to keep');
    const ha = haSettingsFromTree(merged, ctx);
    assert.equal(ha.hbInterval, 5);
    assert.deepEqual(ha.monitor, ['port1']);
    const sums = computeChecksums(merged, firmwareSchema, ctx);
    assert.deepEqual(sums, computeChecksums(b, firmwareSchema, ctx), 'the shared config is the peer’s');
    assert.deepEqual(changedSections(a, merged, firmwareSchema, ctx), ['system.ha']);
});
test('per-unit values the peer sends anyway are ignored', () => {
    const a = unit(A, '');
    const b = unit(B, '    set hb-interval 5');
    // Everything B has, per-unit values included, as `show full-configuration` prints it.
    const everything = firmwareSchema.sections.map((s) => {
        const name = s.words.join('.');
        return [name, printTree(b, { sections: [s] }, ctx, { full: true })];
    });
    const merged = mergeShared(a, everything, firmwareSchema, ctx);
    validateTree(merged, firmwareSchema, ctx);
    assert.deepEqual(perUnitRows(merged), perUnitRows(a));
    assert.equal(haSettingsFromTree(merged, ctx).hbInterval, 5);
});
test('table entries follow the peer; a new entry gets the defaults for its per-unit options', () => {
    const a = unit(A, '');
    const incoming = [
        [
            'system.link-monitor',
            'config system link-monitor\n    edit "far"\n        set srcintf "port1"\n        set server 198.18.1.9\n' +
                '        set ha-priority 40\n    next\nend\n',
        ],
    ];
    const merged = mergeShared(a, incoming, firmwareSchema, ctx);
    const show = printTree(merged, firmwareSchema, ctx, { full: false });
    assert.ok(!show.includes('edit "gw"'), 'gw, gone on the peer, is gone');
    assert.ok(show.includes('    edit "far"\n        set srcintf "port1"\n        set server "198.18.1.9"\n    next\n'), show);
    assert.equal(printTree(merged, firmwareSchema, ctx, { full: true }).includes('set ha-priority 1\n'), true);
    assert.deepEqual(changedSections(a, merged, firmwareSchema, ctx), ['system.link-monitor'], 'other sections untouched');
});
test('merging its own shared part gives a unit its own config back', () => {
    const a = unit(A, '    set hb-interval 3');
    const merged = mergeShared(a, sharedSections(a, firmwareSchema, ctx), firmwareSchema, ctx);
    assert.deepEqual(changedSections(a, merged, firmwareSchema, ctx), []);
});
test('a bad section text is refused with a ConfigError naming what is wrong', () => {
    const a = unit(A, '');
    const refuse = (incoming, pattern) => assert.throws(() => mergeShared(a, incoming, firmwareSchema, ctx), (err) => err instanceof ConfigError && pattern.test(err.message));
    refuse([['vpn.ipsec', 'config vpn ipsec\nend\n']], /^unknown section vpn\.ipsec, allowed: system\.global, system\.ha,/);
    refuse([['system.ha', 'config system ha\nend\nconfig firewall policy\nend\n']], /^line 3: config firewall policy: the text of section system\.ha must hold config system ha alone$/);
    refuse([['system.ha', '']], /the text of section system\.ha must hold config system ha alone/);
    refuse([['system.ha', 'config system ha\n    set hb-interval 99\nend\n']], /^line 2: config system ha: set hb-interval 99: out of range/);
    refuse([['system.ha', 'config system ha\n    set hb-interval 3\n']], /^line \d+: /);
});
//# sourceMappingURL=per-unit.test.js.map