import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ctx } from '../config/schema.fixture.js';
import { systemSchema } from '../config/schema-system.js';
import { haSettingsFromTree } from '../config/settings-from-tree.js';
import { defaultTree } from '../config/tree.js';
import { heartbeatIntervalMs, lostAfterMs } from './settings.js';
test('FortiOS default timers: a heartbeat every 200 ms, the peer lost after 1200 ms of silence', () => {
    const s = haSettingsFromTree(defaultTree(systemSchema, ctx), ctx);
    assert.equal(heartbeatIntervalMs(s), 200);
    assert.equal(lostAfterMs(s), 1200);
});
test('hb-interval counts in units of hb-interval-in-milliseconds', () => {
    assert.equal(heartbeatIntervalMs({ hbInterval: 20, hbIntervalUnitMs: 10 }), 200);
    assert.equal(lostAfterMs({ hbInterval: 20, hbIntervalUnitMs: 10, hbLostThreshold: 6 }), 1200);
});
//# sourceMappingURL=settings.test.js.map