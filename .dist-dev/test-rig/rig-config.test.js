import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RigError } from './errors.js';
import { hbIntervalSetting, rigConfig } from './rig-config.js';
test('board A gets the default rig configuration, priority 200', () => {
    assert.equal(rigConfig(0), `config system global
    set hostname "TDM-A"
end
config system ha
    set mode a-p
    set group-id 7
    set group-name "tandem-rig"
    set password "rig-secret"
    set priority 200
    set override disable
    set hbdev "ha1" 50 "ha2" 50
    set hb-interval 1
    set hb-interval-in-milliseconds 100ms
    set hb-lost-threshold 6
    set hello-holddown 5
    set ha-uptime-diff-margin 300
end
config system interface
    edit "mgmt"
        set ip 198.18.3.11/24
        set allowaccess ping
    next
end
`);
});
test('other boards get their own hostname and priority 128', () => {
    const d = rigConfig(3);
    assert.match(d, /set hostname "TDM-D"/);
    assert.match(d, /set priority 128\n/);
    assert.match(d, /edit "mgmt"\n {8}set ip 198\.18\.3\.14\/24\n/);
});
test('options override every value; quotes in strings are escaped', () => {
    const c = rigConfig(1, {
        priority: 250,
        override: true,
        password: 'se"cret',
        groupName: 'g2',
        groupId: 12,
        hbIntervalMs: 50,
        lostThreshold: 3,
        helloHolddownS: 7,
        marginS: 1,
        monitor: ['port1', 'port2'],
        encryption: true,
        haLines: ['set session-pickup enable'],
        extra: 'config system interface\nend',
    });
    for (const line of [
        'set priority 250',
        'set override enable',
        'set password "se\\"cret"',
        'set group-name "g2"',
        'set group-id 12',
        'set hb-interval 5',
        'set hb-interval-in-milliseconds 10ms',
        'set hb-lost-threshold 3',
        'set hello-holddown 7',
        'set ha-uptime-diff-margin 1',
        'set monitor "port1" "port2"',
        'set encryption enable',
        'set session-pickup enable',
    ]) {
        assert.ok(c.includes(`    ${line}\n`), `missing "${line}" in:\n${c}`);
    }
    assert.ok(c.endsWith('end\nconfig system interface\nend\n'));
});
test('values the firmware must refuse are written as given', () => {
    assert.match(rigConfig(0, { priority: 300 }), /set priority 300\n/);
});
test('heartbeat intervals map to hb-interval and its unit at the range edges', () => {
    assert.deepEqual(hbIntervalSetting(10), { interval: 1, unit: '10ms' });
    assert.deepEqual(hbIntervalSetting(190), { interval: 19, unit: '10ms' });
    assert.deepEqual(hbIntervalSetting(100), { interval: 1, unit: '100ms' });
    assert.deepEqual(hbIntervalSetting(200), { interval: 2, unit: '100ms' });
    assert.deepEqual(hbIntervalSetting(2000), { interval: 20, unit: '100ms' });
    for (const bad of [0, 5, 15, 250, 2100, 1.5]) {
        assert.throws(() => hbIntervalSetting(bad), (e) => e instanceof RigError && e.message.includes(`hbIntervalMs ${bad} `));
    }
});
//# sourceMappingURL=rig-config.test.js.map