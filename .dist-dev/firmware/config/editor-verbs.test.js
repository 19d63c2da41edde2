/**
 * The config editor's FortiOS verbs beyond set/unset/edit/delete, and abbreviated keywords, on
 * the real store with the firmware's schema.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { MemoryStorage } from '../../hal/storage/storage.fake.js';
import { syncEditor } from './editor.testkit.js';
import { ports } from './schema.fixture.js';
import { ConfigStore } from './store.js';
/** Interfaces the policies name. */
const INTERFACES = 'config system interface\n    edit "port1"\n    next\n    edit "port2"\n    next\nend\n';
function open(...words) {
    const storage = new MemoryStorage();
    storage.files.set('/flash/c', INTERFACES);
    const store = new ConfigStore({ clock: new FakeClock(), storage, path: '/flash/c', ports, serial: 'TDM0000000001' });
    store.load();
    return { store, edit: syncEditor(store.beginEdit(words)) };
}
/** Lines that must all succeed silently. */
function quiet(edit, ...lines) {
    for (const line of lines)
        assert.equal(edit.handle(line).output, '', line);
}
const PARSE = (before, why) => `command parse error before '${before}': ${why}\nCommand fail. Return code -61\n`;
const VALUE = (before, why) => `value parse error before '${before}': ${why}\nCommand fail. Return code -651\n`;
/** A policy that passes its entry rules, as the lines to type inside `edit <id>`. */
const POLICY = ['set srcintf port1', 'set dstintf port2', 'set srcaddr all', 'set dstaddr all', 'set service ALL'];
test('abbreviated verbs, options and enum values: se prio 200, set over en; an ambiguous word names its candidates', () => {
    const { store, edit } = open('system', 'ha');
    quiet(edit, 'se prio 200', 'set over en', 'se mon port1', 'set mode a-p', 'set hbdev ha1 50', 'un over');
    assert.equal(edit.handle('sh').output, 'config system ha\n    set mode a-p\n    set priority 200\n    set hbdev "ha1" 50\n    set monitor "port1"\nend\n');
    assert.equal(edit.handle('set hb-interval 3').output, '', 'hb-interval is itself, not the start of hb-interval-in-milliseconds');
    assert.equal(edit.handle('set hb 3').output, PARSE('hb', 'ambiguous, could be hbdev, hb-interval, hb-interval-in-milliseconds, hb-lost-threshold, hb-carrier-failover'));
    assert.equal(edit.handle('set mode a-').output, PARSE('a-', 'ambiguous, could be a-p, a-a'));
    assert.equal(edit.handle('set mo a-p').output, PARSE('mo', 'ambiguous, could be mode, monitor'));
    assert.equal(edit.handle('s prio 1').output, PARSE('s', 'ambiguous, could be set, select, show'));
    assert.equal(edit.handle('sel monitor port2').output, '', 'sel is select');
    assert.match(edit.handle('set monitor po').output, /^value parse error before 'po'/, 'port names are never abbreviated');
    quiet(edit, 'end');
    assert.equal(store.haSettings().priority, 200);
    assert.equal(store.haSettings().override, false);
    assert.deepEqual(store.haSettings().monitor, ['port2']);
});
test('append, select and unselect edit list options and refuse what set would refuse', () => {
    const { edit } = open('system', 'ha');
    quiet(edit, 'set monitor port1', 'append monitor port2', 'set hbdev ha1 50', 'append hbdev ha2 40');
    assert.match(edit.handle('get').output, /^monitor +: "port1" "port2"$/m);
    assert.match(edit.handle('get').output, /^hbdev +: "ha1" 50 "ha2" 40$/m);
    assert.equal(edit.handle('append monitor port1').output, VALUE('port1', 'monitor must be ports of this board, each once (port1, port2, port3, ha1, ha2, mgmt)'));
    assert.equal(edit.handle('append hbdev port3').output, VALUE('port3', 'hbdev must be "<port> <priority>" pairs, each a different port of this board (port1, port2, port3, ha1, ha2, mgmt), priority 0-512'));
    quiet(edit, 'unselect hbdev ha1', 'unselect monitor port2');
    assert.match(edit.handle('get').output, /^hbdev +: "ha2" 40$/m);
    assert.equal(edit.handle('unselect monitor port2').output, VALUE('port2', 'port2 is not in monitor, allowed: port1'));
    quiet(edit, 'unselect monitor port1');
    assert.match(edit.handle('get').output, /^monitor +: $/m, 'unselecting everything empties the list');
    quiet(edit, 'select monitor port2 port1');
    assert.match(edit.handle('get').output, /^monitor +: "port2" "port1"$/m);
    assert.equal(edit.handle('append priority 5').output, VALUE('priority', 'priority takes one value, not a list: use set'));
    assert.equal(edit.handle('append monitor').output, VALUE('', 'append needs at least one value').replace("''", "'monitor'"));
    assert.equal(edit.handle('append nosuch x').output, PARSE('nosuch', 'unknown option nosuch, allowed: ' +
        'mode, group-id, group-name, password, priority, override, sync-config, hbdev, session-sync-dev, monitor, hb-interval, hb-interval-in-milliseconds, hb-lost-threshold, hello-holddown, ha-uptime-diff-margin, authentication, encryption, unicast-hb, unicast-hb-peerip, gratuitous-arps, arps, arps-interval, session-pickup, session-pickup-connectionless, session-pickup-expectation, session-pickup-nat, session-pickup-delay, hb-carrier-failover, data-beacon, data-beacon-dev, failover-hold-time, upgrade-mode, pingserver-monitor-interface, pingserver-failover-threshold, pingserver-flip-timeout, ha-mgmt-status, ha-direct'));
});
test('rename, clone and move reorder and copy policies; purge empties the table until end', () => {
    const { store, edit } = open('firewall', 'policy');
    quiet(edit, 'edit 1', ...POLICY, 'set action accept', 'next', 'clone 1 to 2', 'clone 1 to 3', 'rename 3 to 7');
    assert.equal(edit.handle('get').output, '== [ 1 ]\n== [ 2 ]\n== [ 7 ]\n');
    quiet(edit, 'move 7 before 1');
    assert.equal(edit.handle('get').output, '== [ 7 ]\n== [ 1 ]\n== [ 2 ]\n');
    quiet(edit, 'mo 7 af 2');
    assert.equal(edit.handle('get').output, '== [ 1 ]\n== [ 2 ]\n== [ 7 ]\n');
    quiet(edit, 'move 2 before 2');
    assert.equal(edit.handle('get').output, '== [ 1 ]\n== [ 2 ]\n== [ 7 ]\n', 'moving next to itself changes nothing');
    assert.equal(edit.handle('clone 1 to 2').output, VALUE('2', 'entry 2 already exists'));
    assert.equal(edit.handle('rename 9 to 10').output, VALUE('9', 'no entry 9, allowed: 1, 2, 7'));
    assert.equal(edit.handle('move 1 beside 2').output, PARSE('beside', 'usage: move <id> before|after <id>'));
    assert.equal(edit.handle('rename 1 as 10').output, PARSE('as', 'usage: rename <old> to <new>'));
    assert.equal(edit.handle('clone 1 to').output, PARSE('clone', 'usage: clone <old> to <new>'));
    assert.match(edit.handle('rename 1 to x').output, /^value parse error before 'x': name must be an integer 1-4294967294/);
    quiet(edit, 'end');
    assert.deepEqual(store.dataPlane().policies.map((p) => [p.id, p.action]), [
        [1, 'accept'],
        [2, 'accept'],
        [7, 'accept'],
    ], 'the clones carry every option');
    const again = syncEditor(store.beginEdit(['firewall', 'policy']));
    quiet(again, 'purge');
    assert.equal(again.handle('get').output, '');
    quiet(again, 'abort');
    assert.equal(store.dataPlane().policies.length, 3, 'abort brings a purge back');
});
test('the table verbs are refused where they mean nothing, and say why', () => {
    const { edit } = open('firewall', 'address');
    quiet(edit, 'edit web', 'set subnet 198.18.1.0/24', 'next');
    assert.equal(edit.handle('move web before web').output, PARSE('move', 'the entries of config firewall address have no order to change'));
    quiet(edit, 'edit web');
    assert.equal(edit.handle('purge').output, PARSE('purge', 'purge outside a table: edit "web" has no entries'));
    assert.equal(edit.handle('append subnet 1.2.3.4/32').output, VALUE('subnet', 'subnet takes one value, not a list: use set'));
    quiet(edit, 'next', 'rename web to www');
    assert.equal(edit.handle('get').output, '== [ www ]\n');
    assert.equal(edit.handle('frob').output, PARSE('frob', 'unknown command frob, allowed: edit, delete, purge, rename, clone, get, show, end, abort'));
});
//# sourceMappingURL=editor-verbs.test.js.map