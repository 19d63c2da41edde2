import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLogger, type LogRecord, setLogSink } from '../log/logger.js';
import { reportEvents } from './event-report.js';

test('HA events carry subtype ha and the fields a SIEM filters on', (t) => {
  const records: LogRecord[] = [];
  setLogSink((r) => records.push(r));
  t.after(() => setLogSink(() => {}));
  reportEvents(createLogger('ha'), [
    { kind: 'state', from: 'standby', to: 'work', reason: 'peer lost' },
    { kind: 'joined', serial: 'TDM2', hostname: 'fw-b', link: 'ha1', hello: false },
    { kind: 'lost', serial: 'TDM2', reason: 'no heartbeat on any link' },
    { kind: 'left', serial: 'TDM2' },
    { kind: 'refused', serial: 'TDM3', link: 'ha2', reason: 'group-id 8 differs' },
  ]);
  assert.deepEqual(
    records.map((r) => [r.level, r.event, r.subtype, r.fields]),
    [
      ['info', true, 'ha', { action: 'state', from: 'standby', to: 'work', reason: 'peer lost' }],
      ['info', true, 'ha', { action: 'joined', peer: 'TDM2', peername: 'fw-b', link: 'ha1' }],
      ['warn', true, 'ha', { action: 'lost', peer: 'TDM2', reason: 'no heartbeat on any link' }],
      ['info', true, 'ha', { action: 'left', peer: 'TDM2' }],
      ['warn', true, 'ha', { action: 'refused', peer: 'TDM3', link: 'ha2', reason: 'group-id 8 differs' }],
    ],
  );
  assert.equal(records[0]?.message, 'HA state standby -> work: peer lost');
});
