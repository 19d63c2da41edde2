import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { EventLog, formatLogLine } from './event-log.js';
import type { LogRecord } from './logger.js';

const record: LogRecord = { level: 'info', namespace: 'ha', message: 'joined', event: true };

test('a log line is dated by the clock service: now, or the instant a worker stamped', () => {
  const clock = new FakeClock(5000);
  assert.equal(formatLogLine(record, clock), '2026-01-01T00:00:05.000Z [5000.000] info ha: joined\n');
  assert.equal(formatLogLine({ ...record, atMs: 4750.25 }, clock), '2026-01-01T00:00:04.750Z [4750.250] info ha: joined\n');
});

test('the event log appends lines dated by the clock service', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-event-log-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const clock = new FakeClock(1000);
  const log = new EventLog(join(dir, 'flash', 'events.log'), clock);
  log.append(record);
  clock.advance(500);
  log.append({ ...record, level: 'warn', message: 'peer lost' });
  assert.equal(
    readFileSync(join(dir, 'flash', 'events.log'), 'utf8'),
    '2026-01-01T00:00:01.000Z info ha: joined\n2026-01-01T00:00:01.500Z warn ha: peer lost\n',
  );
});
