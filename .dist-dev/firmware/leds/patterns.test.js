import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ledLights } from './patterns.js';
const pair = {
    running: true,
    alarm: undefined,
    ha: { enabled: true, state: 'work', members: 2, refused: 0, rivals: 0 },
    configSync: ['in-sync', 'in-sync'],
    sessionsReady: true,
};
const ha = (over) => ({ ...pair, ha: { ...pair.ha, ...over } });
test('STATUS: 1 Hz while booting, steady once running, fast red on an alarm', () => {
    assert.deepEqual(ledLights({ ...pair, running: false }).status, { colour: 'green', blink: '1hz' });
    assert.deepEqual(ledLights(pair).status, { colour: 'green', blink: 'steady' });
    assert.deepEqual(ledLights({ ...pair, alarm: 'booted from the last good copy' }).status, { colour: 'red', blink: '4hz' });
});
test('HA in a formed cluster: steady green primary, 1 Hz green secondary, 4 Hz amber negotiating', () => {
    assert.deepEqual(ledLights(pair).ha, { colour: 'green', blink: 'steady' });
    assert.deepEqual(ledLights(ha({ state: 'standby' })).ha, { colour: 'green', blink: '1hz' });
    assert.deepEqual(ledLights(ha({ state: 'hello' })).ha, { colour: 'amber', blink: '4hz' });
    assert.deepEqual(ledLights(ha({ state: 'standby', refused: 1 })).ha, { colour: 'green', blink: '1hz' }, 'role wins');
});
test('HA without a peer: red when refusing, amber steady alone or split, amber 4 Hz in hello, dark standalone', () => {
    assert.deepEqual(ledLights(ha({ members: 1, refused: 1 })).ha, { colour: 'red', blink: '4hz' });
    assert.deepEqual(ledLights(ha({ members: 1 })).ha, { colour: 'amber', blink: 'steady' });
    assert.deepEqual(ledLights(ha({ rivals: 1 })).ha, { colour: 'amber', blink: 'steady' }, 'split brain');
    assert.deepEqual(ledLights(ha({ members: 1, state: 'hello' })).ha, { colour: 'amber', blink: '4hz' });
    assert.equal(ledLights(ha({ enabled: false })).ha, null);
    assert.equal(ledLights({ ...pair, ha: null }).ha, null);
});
test('SYNC: steady in sync, blinking while config or sessions sync, dark without a peer', () => {
    assert.deepEqual(ledLights(pair).sync, { colour: 'green', blink: 'steady' });
    assert.deepEqual(ledLights({ ...pair, configSync: ['in-sync', 'syncing'] }).sync, { colour: 'green', blink: '1hz' });
    assert.deepEqual(ledLights({ ...pair, configSync: ['out-of-sync', 'in-sync'] }).sync?.blink, '1hz');
    assert.deepEqual(ledLights({ ...pair, sessionsReady: false }).sync?.blink, '1hz');
    assert.deepEqual(ledLights({ ...pair, configSync: ['in-sync'] }).sync?.blink, '1hz', 'the peer not heard yet');
    assert.equal(ledLights(ha({ members: 1 })).sync, null);
    assert.equal(ledLights(ha({ enabled: false })).sync, null);
});
//# sourceMappingURL=patterns.test.js.map