/**
 * The store as config sync uses it (docs/config-sync-plan.md §3, §5): a primary's push merged
 * with this unit's per-unit values, refused without a trace when it does not validate, a
 * diverged config kept before a full push replaces it, a secondary's commit on the primary.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setLogSink } from '../log/logger.js';
import { divergedCopies, KEEP_DIVERGED } from './diverged.js';
import { UNIT_FILE as A_FILE, UNIT_PATH, syncedUnit as unit } from './store-sync.fixture.js';
const logged = [];
setLogSink((r) => logged.push(r));
const PATH = UNIT_PATH;
const PRIMARY = 'TDM0000000007';
/** What a primary would push: `config system ha` with these shared lines. */
function haSection(...lines) {
    return ['system.ha', ['config system ha', ...lines.map((l) => `    ${l}`), 'end', ''].join('\n')];
}
const FULL = { full: true, from: PRIMARY, reason: 'joined with a different configuration (sections differ: system.ha)' };
const INCREMENTAL = { full: false, from: PRIMARY, reason: 'commit on TDM0000000007' };
test('sharedText: every shared section, or those named, per-unit values left out', () => {
    const { store } = unit();
    const all = store.sharedText();
    assert.equal(all.length, 11);
    const [ha] = store.sharedText(['system.ha']);
    assert.deepEqual(ha, ['system.ha', 'config system ha\n    set mode a-p\n    set hbdev "ha1" 50 "ha2" 50\nend\n']);
    const [iface] = store.sharedText(['system.interface']);
    assert.ok(!iface[1].includes('mgmt') && iface[1].includes('edit "port2"'), iface[1]);
});
test('a push is merged with this unit’s per-unit values, saved, adopted and announced', () => {
    const { store, storage, changes, plain } = unit();
    const r = store.applyFromPeer([haSection('set mode a-p', 'set hbdev "ha1" 50', 'set priority 1')], INCREMENTAL);
    assert.deepEqual(r, { ok: true, changed: ['system.ha'] });
    const ha = store.haSettings();
    assert.deepEqual(ha.hbdev, [{ port: 'ha1', priority: 50 }]);
    assert.equal(ha.priority, 200, 'a per-unit value sent anyway is ignored');
    assert.equal(storage.files.get(PATH), store.text(), 'saved');
    assert.deepEqual(changes, [{ sections: ['system.ha'], origin: 'peer', from: PRIMARY, full: false }]);
    assert.equal(plain(), 1, 'onChange listeners still hear every change');
    assert.deepEqual(store.checksums().debugzone, store.checksums().checksum, 'adopted: the cached sums follow');
});
test('a push that changes nothing writes nothing and tells nobody', () => {
    const { store, storage, changes } = unit();
    const writes = storage.writes;
    assert.deepEqual(store.applyFromPeer(store.sharedText(), FULL), { ok: true, changed: [] });
    assert.equal(storage.writes, writes);
    assert.deepEqual(changes, []);
    assert.deepEqual(divergedCopies(storage, PATH), [], 'nothing diverged');
});
test('a push that does not validate is refused with a reason naming the statement; file and tree stay', () => {
    const { store, storage, changes } = unit();
    const before = { file: storage.files.get(PATH), text: store.text(), sums: store.checksums(), writes: storage.writes };
    const cases = [
        [
            [
                [
                    'firewall.policy',
                    'config firewall policy\n    edit 3\n        set srcintf "port9"\n        set dstintf "port2"\n' +
                        '        set srcaddr "all"\n        set dstaddr "all"\n        set service "ALL"\n    next\nend\n',
                ],
            ],
            /^config firewall policy: edit 3: set srcintf "port9": policy 3: srcintf port9 is not a configured interface/,
        ],
        [
            [haSection('set mode a-p', 'set hb-interval 99')],
            /^line 3: config system ha: set hb-interval 99: out of range, allowed 1-20$/,
        ],
        [
            [['firewall.policy', 'config firewall policy\n    edit 3\n        set srcintf "port2"\n    next\nend\n']],
            /^config firewall policy: edit 3: set dstintf: dstintf must be set$/,
        ],
        [[haSection('set mode a-p', 'unset hbdev')], /^config system ha: set mode a-p: mode a-p needs at least one hbdev/],
        [[['vpn.ipsec', 'config vpn ipsec\nend\n']], /^unknown section vpn\.ipsec/],
        [
            [haSection('set hb-interval 3'), ['system.global', 'config system global\n    set nosuch 1\nend\n']],
            /unknown option nosuch/,
        ],
    ];
    for (const [sections, reason] of cases) {
        const r = store.applyFromPeer(sections, FULL);
        assert.equal(r.ok, false);
        assert.match(r.ok ? '' : r.reason, reason);
    }
    assert.deepEqual({ file: storage.files.get(PATH), text: store.text(), sums: store.checksums(), writes: storage.writes }, before);
    assert.deepEqual(changes, []);
    assert.deepEqual(divergedCopies(storage, PATH), [], 'no backup for a refused push');
});
test('sync-config disable refuses every push', () => {
    const { store } = unit(A_FILE.replace('    set priority 200\n', '    set priority 200\n    set sync-config disable\n'));
    assert.deepEqual(store.applyFromPeer([haSection('set mode a-p', 'set hbdev "ha1" 50')], INCREMENTAL), {
        ok: false,
        reason: 'sync-config is disabled on this unit',
    });
});
test('a full push over a diverged config keeps the file as .diverged-<stamp>-b<boot> first, with an event', () => {
    const { store, storage, changes } = unit();
    const old = storage.files.get(PATH);
    logged.length = 0;
    const r = store.applyFromPeer([haSection('set mode a-p', 'set hbdev "ha1" 50 "ha2" 50', 'set hb-interval 4')], FULL);
    const backup = `${PATH}.diverged-20261202-103901-b42`;
    assert.deepEqual(r, { ok: true, changed: ['system.ha'], backup });
    assert.equal(storage.files.get(backup), old, 'the file as it was');
    assert.equal(store.haSettings().hbInterval, 4);
    assert.deepEqual(changes, [{ sections: ['system.ha'], origin: 'peer', from: PRIMARY, full: true }]);
    const event = logged.find((l) => l.event && l.message.startsWith('configuration diverged'));
    assert.equal(event?.message, `configuration diverged from primary ${PRIMARY} (${FULL.reason}): kept as ${backup}`);
    const again = store.applyFromPeer([haSection('set mode a-p', 'set hbdev "ha1" 50 "ha2" 50', 'set hb-interval 5')], INCREMENTAL);
    assert.deepEqual(again, { ok: true, changed: ['system.ha'] }, 'an incremental push keeps no copy');
    assert.deepEqual(divergedCopies(storage, PATH), [backup.slice('/flash/'.length)]);
});
test('diverged copies: two in one second get -2, and only the newest five stay, boot id first', () => {
    const { store, storage, clock } = unit(A_FILE, 9);
    // A copy of an earlier boot, stamped later (no battery-backed clock): older all the same.
    storage.files.set(`${PATH}.diverged-20270101-000000-b8`, 'old boot');
    storage.files.set(`${PATH}.last-good`, 'not a copy');
    for (let i = 1; i <= 6; i++) {
        if (i > 2)
            clock.advance(1000);
        const r = store.applyFromPeer([haSection('set mode a-p', 'set hbdev "ha1" 50', `set hb-interval ${i + 1}`)], FULL);
        assert.ok(r.ok && r.backup, JSON.stringify(r));
    }
    const kept = divergedCopies(storage, PATH);
    assert.equal(kept.length, KEEP_DIVERGED);
    assert.deepEqual(kept, [
        'tandem.conf.diverged-20261202-103901-b9-2',
        'tandem.conf.diverged-20261202-103902-b9',
        'tandem.conf.diverged-20261202-103903-b9',
        'tandem.conf.diverged-20261202-103904-b9',
        'tandem.conf.diverged-20261202-103905-b9',
    ]);
    assert.equal(storage.files.get(`${PATH}.last-good`), 'not a copy', 'other files are left alone');
});
test('a diverged copy that cannot be written refuses the push: nothing changes', () => {
    const { store, storage, changes } = unit();
    const text = store.text();
    storage.failWrites = true;
    const r = store.applyFromPeer([haSection('set mode a-p', 'set hbdev "ha1" 50', 'set hb-interval 9')], FULL);
    assert.deepEqual(r, {
        ok: false,
        reason: 'could not keep the diverged configuration: ENOSPC writing ' + `${PATH}.diverged-20261202-103901-b42`,
    });
    assert.equal(store.text(), text);
    assert.deepEqual(changes, []);
});
test('commitShared: a secondary’s commit on the primary, merged with the primary’s own values', () => {
    const { store, storage, changes } = unit();
    const r = store.commitShared([
        [
            'system.interface',
            'config system interface\n    edit "port1"\n        set ip 198.18.1.2/24\n    next\n    edit "mgmt"\n' +
                '        set ip 198.18.3.12/24\n    next\nend\n',
        ],
    ], 'TDM0000000002');
    assert.deepEqual(r, { ok: true, changed: ['system.interface'] });
    const ifaces = store.dataPlane().interfaces;
    assert.deepEqual(ifaces.map((i) => [i.name, i.address && `${i.address.address}/${i.address.prefixLength}`]), [
        ['port1', '198.18.1.2/24'],
        ['mgmt', '198.18.3.11/24'],
    ], 'port2 gone with the commit, mgmt this unit’s own');
    assert.equal(storage.files.get(PATH), store.text());
    assert.deepEqual(changes, [{ sections: ['system.interface'], origin: 'peer', from: 'TDM0000000002' }]);
    const refused = store.commitShared([haSection('set mode a-a', 'unset hbdev')], 'TDM0000000002');
    assert.match(refused.ok ? '' : refused.reason, /mode a-a needs at least one hbdev/);
});
test('commitShared works with sync-config disable: it is this unit’s own config that changes', () => {
    const { store } = unit(A_FILE.replace('    set priority 200\n', '    set priority 200\n    set sync-config disable\n'));
    assert.equal(store.commitShared([haSection('set mode a-p', 'set hbdev "ha1" 50')], 'TDM0000000002').ok, true);
});
//# sourceMappingURL=store-sync.test.js.map