/**
 * Checksums on the real store and schema: two units agree exactly when their shared configs
 * mean the same, whatever edits led there, and one real difference shows in one section.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { canonicalSection, checksumGroup, computeChecksums, spacedHex } from './checksum.js';
import { syncEditor } from './editor.testkit.js';
import { ctx, ports } from './schema.fixture.js';
import { firmwareSchema } from './schema-system.js';
import { ConfigStore } from './store.js';
import { treeFromText } from './tree-from-text.js';
/** Interfaces the routes and link monitors name. */
const INTERFACES = 'config system interface\n    edit "port1"\n    next\n    edit "port2"\n    next\nend\n';
/** A loaded store with `file` on its flash, as unit `serial`. */
function unit(file = INTERFACES, serial = 'TDM0000000001') {
    const storage = new MemoryStorage();
    storage.files.set('/flash/c', file);
    const store = new ConfigStore({ clock: new FakeClock(), storage, path: '/flash/c', ports, serial });
    store.load();
    return store;
}
/** Runs `config <words>`, the lines, then `end`; every line must succeed silently. */
function edit(store, words, ...lines) {
    const session = syncEditor(store.beginEdit(words.split(' ')));
    for (const line of [...lines, 'end'])
        assert.equal(session.handle(line).output, '', line);
}
function now(store) {
    return store.checksums().checksum;
}
/** The section names whose sums differ. */
function differing(a, b) {
    const names = new Set([...Object.keys(a.sections), ...Object.keys(b.sections)]);
    return [...names].filter((n) => a.sections[n] !== b.sections[n]);
}
test('the same final config reached by different edits gives equal sums', () => {
    const a = unit();
    edit(a, 'system ha', 'set mode a-p', 'set group-id 5', 'set hbdev ha1 50 ha2 50', 'set monitor port1 port2');
    edit(a, 'firewall address', 'edit web', 'set subnet 198.18.1.10/32', 'next', 'edit db', 'set subnet 198.18.1.20/32', 'next');
    edit(a, 'system interface', 'edit port1', 'set allowaccess ping https', 'next');
    const b = unit();
    edit(b, 'system interface', 'edit port1', 'set allowaccess https', 'append allowaccess ping', 'next');
    edit(b, 'system ha', 'set group-id 9', 'set monitor port2 port1', 'set hbdev ha2 50 ha1 50');
    edit(b, 'firewall address', 'edit db', 'set subnet 198.18.1.20/32', 'next', 'edit tmp', 'next', 'edit web', 'next');
    edit(b, 'firewall address', 'delete tmp', 'edit web', 'set subnet 198.18.1.10/32', 'next');
    edit(b, 'system ha', 'set group-id 5', 'set mode a-p');
    assert.notEqual(a.text(), b.text(), 'the files differ: the orders typed are kept');
    assert.deepEqual(now(a), now(b));
    assert.match(now(a).all, /^[0-9a-f]{32}$/);
});
test('a value set to its default equals one never set', () => {
    const explicit = [
        'config system ha',
        '    set group-name "TANDEM-HA"',
        '    set hb-lost-threshold 6',
        '    set mode standalone',
        'end',
        'config router static',
        '    edit 1',
        '        set device "port1"',
        '        set distance 10',
        '        set status enable',
        '    next',
        'end',
        '',
    ].join('\n');
    const a = unit(INTERFACES + explicit);
    const b = unit();
    edit(b, 'router static', 'edit 1', 'set device port1', 'next');
    assert.deepEqual(now(a), now(b));
    const c = unit();
    edit(c, 'router static', 'edit 1', 'set device port1', 'set distance 11', 'next');
    assert.notDeepEqual(now(a), now(c), 'a value other than the default counts');
});
test('per-unit values differing give equal sums: hostname, priority, override, sync-config, unicast-hb-peerip, link-monitor ha-priority, the mgmt port, ha-mgmt-status and reserved ports', () => {
    const a = unit(INTERFACES, 'TDM0000000001');
    const b = unit(INTERFACES, 'TDM0000000002');
    edit(a, 'system global', 'set hostname TDM-A');
    edit(a, 'system ha', 'set priority 200', 'set override enable', 'set unicast-hb-peerip 198.18.0.2');
    edit(b, 'system ha', 'set priority 100', 'set unicast-hb-peerip 198.18.0.1');
    edit(a, 'system interface', 'edit mgmt', 'set ip 198.18.3.11/24', 'next');
    edit(b, 'system interface', 'edit mgmt', 'set ip 198.18.3.12/24', 'set allowaccess ping', 'next');
    edit(a, 'system link-monitor', 'edit gw', 'set srcintf port1', 'set server 198.18.1.1', 'set ha-priority 5', 'next');
    edit(b, 'system link-monitor', 'edit gw', 'set srcintf port1', 'set server 198.18.1.1', 'set ha-priority 9', 'next');
    // The reserved management interfaces: the table, its status, and the interface entry of the port reserved.
    edit(a, 'system ha', 'set sync-config disable', 'set ha-mgmt-status enable', 'config ha-mgmt-interfaces', 'edit 1', 'set interface port3', 'set gateway 198.18.3.1', 'end');
    edit(a, 'system interface', 'edit port3', 'set ip 198.18.3.21/24', 'next');
    assert.deepEqual(now(a), now(b));
    assert.ok(!canonicalSection(firmwareSchema.sections[1], a.snapshot(), ctx).includes('priority'), 'per-unit left out');
});
test('one real difference changes exactly one section and its group', () => {
    const a = unit();
    const b = unit();
    edit(b, 'system ha', 'set hb-interval 3');
    const [x, y] = [now(a), now(b)];
    assert.deepEqual(differing(x, y), ['system.ha']);
    assert.notEqual(x.global, y.global);
    assert.equal(x.root, y.root);
    assert.notEqual(x.all, y.all);
    const c = unit();
    edit(c, 'router static', 'edit 1', 'set device port1', 'next');
    const z = now(c);
    assert.deepEqual(differing(x, z), ['router.static']);
    assert.equal(x.global, z.global);
    assert.notEqual(x.root, z.root);
    assert.notEqual(x.all, z.all);
});
test('unordered tables sort integer names numerically; policy order is kept and counts', () => {
    const routes = (ids) => `config router static\n${ids.map((i) => `    edit ${i}\n        set device "port1"\n    next\n`).join('')}end\n`;
    const tree = treeFromText(INTERFACES + routes([10, 2, 1]), firmwareSchema, ctx);
    const text = canonicalSection(firmwareSchema.sections.find((s) => s.words.join(' ') === 'router static'), tree, ctx);
    assert.deepEqual(text.split('\n').filter((l) => l.startsWith('    edit')), ['    edit 1', '    edit 2', '    edit 10']);
    const base = [
        'config system interface\n    edit "port1"\n    next\n    edit "port2"\n    next\nend',
        'config firewall address\n    edit "all"\n    next\nend',
        'config firewall service custom\n    edit "ALL"\n        set protocol IP\n    next\nend',
    ].join('\n');
    const policy = (id, action) => `    edit ${id}\n        set srcintf "port1"\n        set dstintf "port2"\n        set srcaddr "all"\n` +
        `        set dstaddr "all"\n        set service "ALL"\n        set action ${action}\n    next\n`;
    const p12 = `${base}\nconfig firewall policy\n${policy(1, 'accept')}${policy(2, 'deny')}end\n`;
    const p21 = `${base}\nconfig firewall policy\n${policy(2, 'deny')}${policy(1, 'accept')}end\n`;
    const sums12 = computeChecksums(treeFromText(p12, firmwareSchema, ctx), firmwareSchema, ctx);
    const sums21 = computeChecksums(treeFromText(p21, firmwareSchema, ctx), firmwareSchema, ctx);
    assert.deepEqual(differing(sums12, sums21), ['firewall.policy']);
});
test('every section has a name and a group; sums print as FortiOS spaced bytes', () => {
    const sums = now(unit());
    assert.deepEqual(Object.keys(sums.sections), [
        'system.global',
        'system.ha',
        'system.interface',
        'system.link-monitor',
        'firewall.address',
        'firewall.service.custom',
        'firewall.ippool',
        'firewall.policy',
        'router.static',
        'system.admin',
        'log.syslogd.setting',
    ]);
    assert.deepEqual(Object.keys(sums.sections).map(checksumGroup), [
        'global',
        'global',
        'global',
        'global',
        'root',
        'root',
        'root',
        'root',
        'root',
        'global',
        'global',
    ]);
    assert.equal(spacedHex('7e067902'), '7e 06 79 02');
    assert.throws(() => checksumGroup('vpn.ipsec'), /vpn\.ipsec belongs to no group \(system, log, firewall, router\)/);
});
test('debugzone holds the sums of the last adoption; recalculate refreshes it', () => {
    const a = unit();
    const first = a.checksums();
    assert.deepEqual(first.debugzone, first.checksum);
    edit(a, 'system ha', 'set hb-interval 3');
    const after = a.checksums();
    assert.deepEqual(after.debugzone, after.checksum, 'a commit adopts, so the cache follows');
    assert.notEqual(after.checksum.all, first.checksum.all);
    assert.deepEqual(a.recalculate(), after.checksum);
});
//# sourceMappingURL=checksum.test.js.map