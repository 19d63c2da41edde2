import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FakeClock } from '../../hal/clock/clock.fake.js';
import { EventLog, formatLogLine } from './event-log.js';
const record = { level: 'info', namespace: 'ha', message: 'joined', event: true };
test('a log line is dated by the clock service: now, or the instant a worker stamped', () => {
    const clock = new FakeClock(5000);
    assert.equal(formatLogLine(record, clock), '2026-01-01T00:00:05.000Z [5000.000] info ha: joined\n');
    assert.equal(formatLogLine({ ...record, atMs: 4750.25 }, clock), '2026-01-01T00:00:04.750Z [4750.250] info ha: joined\n');
});
test('the event log appends key=value lines dated by the clock service, and reads back both files', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-event-log-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'flash', 'events.log');
    const clock = new FakeClock(1000);
    const log = new EventLog(path, clock);
    log.append(record);
    clock.advance(500);
    log.append({ ...record, level: 'warn', message: 'peer "B" lost', subtype: 'ha', fields: { peer: 'B', ms: 12 } });
    log.append({ ...record, message: 'stamped by a worker', atMs: 1250 });
    assert.equal(readFileSync(path, 'utf8'), 'date=2026-01-01 time=00:00:01 eventtime=1767225601000000 type="event" subtype="ha" level="notice" msg="joined"\n' +
        'date=2026-01-01 time=00:00:01 eventtime=1767225601500000 type="event" subtype="ha" level="warning" msg="peer \\"B\\" lost" peer="B" ms=12\n' +
        'date=2026-01-01 time=00:00:01 eventtime=1767225601250000 type="event" subtype="ha" level="notice" msg="stamped by a worker"\n');
    writeFileSync(`${path}.1`, 'old line\n');
    assert.deepEqual((await log.lines()).slice(0, 2), ['old line', readFileSync(path, 'utf8').split('\n')[0]]);
    assert.equal((await log.lines()).length, 4);
});
//# sourceMappingURL=event-log.test.js.map