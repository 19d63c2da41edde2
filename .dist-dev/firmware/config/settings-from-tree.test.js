import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctx } from './schema.fixture.js';
import { firmwareSchema, systemSchema } from './schema-system.js';
import { haSettingsFromTree, hostnameFromTree } from './settings-from-tree.js';
import { defaultTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';
test('defaults: standalone, serial as hostname, FortiOS timers', () => {
    const tree = defaultTree(systemSchema, ctx);
    assert.equal(hostnameFromTree(tree), ctx.serial);
    const s = haSettingsFromTree(tree, ctx);
    assert.deepEqual(s, {
        mode: 'standalone',
        groupId: 0,
        groupName: 'TANDEM-HA',
        password: '',
        priority: 128,
        override: false,
        hbdev: [],
        monitor: [],
        hbInterval: 2,
        hbIntervalUnitMs: 100,
        hbLostThreshold: 6,
        helloHolddownS: 20,
        uptimeDiffMarginS: 300,
        authentication: false,
        encryption: false,
        unicastHb: false,
        unicastHbPeerip: '0.0.0.0',
        gratuitousArps: true,
        arps: 5,
        arpsIntervalS: 8,
        hbCarrierFailover: false,
        dataBeaconDev: ['port1', 'port2'],
        failoverHoldTimeS: 0,
        upgradeMode: 'uninterruptible',
        pingserverMonitorInterface: [],
        pingserverFailoverThreshold: 0,
        pingserverFlipTimeoutMin: 60,
        sessionPickup: { tcp: false, connectionless: false, expectation: false, nat: false, delay: false },
        sessionSyncDev: [],
        syncConfig: true,
        haMgmtStatus: false,
        mgmtInterfaces: [],
        haDirect: false,
    });
});
test('configured values convert to their types', () => {
    const text = [
        'config system global',
        '    set hostname "fw-b"',
        'end',
        'config system ha',
        '    set mode a-a',
        '    set group-id 255',
        '    set group-name "My Cluster"',
        '    set password "pw"',
        '    set priority 0',
        '    set override enable',
        '    set hbdev "ha2" 0 "ha1" 512',
        '    set session-sync-dev "port3" "port1"',
        '    set monitor "port3" "port1"',
        '    set hb-interval 20',
        '    set hb-interval-in-milliseconds 10ms',
        '    set hb-lost-threshold 60',
        '    set hello-holddown 300',
        '    set ha-uptime-diff-margin 65535',
        '    set authentication enable',
        '    set encryption enable',
        '    set unicast-hb enable',
        '    set unicast-hb-peerip 198.18.0.2',
        '    set gratuitous-arps disable',
        '    set arps 60',
        '    set arps-interval 1',
        '    set session-pickup enable',
        '    set session-pickup-connectionless enable',
        '    set session-pickup-expectation enable',
        '    set session-pickup-nat enable',
        '    set session-pickup-delay enable',
        '    set hb-carrier-failover enable',
        '    set data-beacon-dev "port2"',
        '    set failover-hold-time 300',
        '    set upgrade-mode secondary-only',
        '    set pingserver-monitor-interface "port1" "port2"',
        '    set pingserver-failover-threshold 50',
        '    set pingserver-flip-timeout 2147483647',
        '    set sync-config disable',
        '    set ha-mgmt-status enable',
        '    set ha-direct enable',
        '    config ha-mgmt-interfaces',
        '        edit 2',
        '            set interface "mgmt"',
        '            set dst 198.18.8.0 255.255.252.0',
        '            set gateway 198.18.3.1',
        '        next',
        '        edit 1',
        '            set interface "port2"',
        '        next',
        '    end',
        'end',
    ].join('\n');
    const tree = treeFromText(text, systemSchema, ctx);
    assert.equal(hostnameFromTree(tree), 'fw-b');
    const s = haSettingsFromTree(tree, ctx);
    assert.deepEqual(s, {
        mode: 'a-a',
        groupId: 255,
        groupName: 'My Cluster',
        password: 'pw',
        priority: 0,
        override: true,
        hbdev: [
            { port: 'ha2', priority: 0 },
            { port: 'ha1', priority: 512 },
        ],
        monitor: ['port3', 'port1'],
        hbInterval: 20,
        hbIntervalUnitMs: 10,
        hbLostThreshold: 60,
        helloHolddownS: 300,
        uptimeDiffMarginS: 65535,
        authentication: true,
        encryption: true,
        unicastHb: true,
        unicastHbPeerip: '198.18.0.2',
        gratuitousArps: false,
        arps: 60,
        arpsIntervalS: 1,
        hbCarrierFailover: true,
        dataBeaconDev: ['port2'],
        failoverHoldTimeS: 300,
        upgradeMode: 'secondary-only',
        pingserverMonitorInterface: ['port1', 'port2'],
        pingserverFailoverThreshold: 50,
        pingserverFlipTimeoutMin: 2147483647,
        sessionPickup: { tcp: true, connectionless: true, expectation: true, nat: true, delay: true },
        sessionSyncDev: ['port3', 'port1'],
        syncConfig: false,
        haMgmtStatus: true,
        mgmtInterfaces: [
            { id: 2, interface: 'mgmt', dst: '198.18.8.0/22', gateway: '198.18.3.1' },
            { id: 1, interface: 'port2', dst: '0.0.0.0/0', gateway: '0.0.0.0' },
        ],
        haDirect: true,
    });
});
test('data beacons: every data port but hbdevs and wan-role ports unless named; none when disabled', () => {
    const beacons = (lines) => haSettingsFromTree(treeFromText(lines.join('\n'), firmwareSchema, ctx), ctx).dataBeaconDev;
    assert.deepEqual(beacons(['config system interface', '    edit "port2"', '        set role wan', '    next', 'end']), [
        'port1',
    ]);
    assert.deepEqual(beacons(['config system ha', '    set hbdev "port1" 10', 'end']), ['port2']);
    assert.deepEqual(beacons([
        'config system ha',
        '    config ha-mgmt-interfaces',
        '        edit 1',
        '            set interface "port1"',
        '        next',
        '    end',
        'end',
    ]), ['port2'], "a reserved management interface is the unit's own");
    assert.deepEqual(beacons([
        'config system interface',
        '    edit "port2"',
        '        set role wan',
        '    next',
        'end',
        'config system ha',
        '    set data-beacon-dev "port2"',
        'end',
    ]), ['port2'], 'a wan port named is used');
    assert.deepEqual(beacons(['config system ha', '    set data-beacon disable', '    set data-beacon-dev "port1"', 'end']), []);
});
test('data-beacon-dev may not name an hbdev; failover-hold-time is 0-300', () => {
    assert.throws(() => treeFromText('config system ha\n    set hbdev "port1" 10\n    set data-beacon-dev "port1"\nend\n', systemSchema, ctx), /port port1 is an hbdev: beacons go on data ports/);
    assert.throws(() => treeFromText('config system ha\n    set failover-hold-time 301\nend\n', systemSchema, ctx), /301/);
});
test('each session-pickup option lands in its own field', () => {
    const pickup = (lines) => haSettingsFromTree(treeFromText(['config system ha', ...lines, 'end'].join('\n'), systemSchema, ctx), ctx).sessionPickup;
    const off = { tcp: false, connectionless: false, expectation: false, nat: false, delay: false };
    assert.deepEqual(pickup(['    set session-pickup enable']), { ...off, tcp: true });
    const fields = [
        ['connectionless', 'connectionless'],
        ['expectation', 'expectation'],
        ['nat', 'nat'],
        ['delay', 'delay'],
    ];
    for (const [option, field] of fields) {
        assert.deepEqual(pickup(['    set session-pickup enable', `    set session-pickup-${option} enable`]), {
            ...off,
            tcp: true,
            [field]: true,
        });
    }
});
//# sourceMappingURL=settings-from-tree.test.js.map