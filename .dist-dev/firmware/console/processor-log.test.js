/** `execute log filter` and `execute log display` through the console processor and the real command tree. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatEventLine } from '../log/event-line.js';
import { FakeConfig, FakeDiag, FakeHa } from './controls.fake.js';
import { CommandProcessor } from './processor.js';
const at = Date.UTC(2026, 11, 2, 10, 0, 0);
const events = Array.from({ length: 30 }, (_, i) => formatEventLine({ level: i % 10 === 0 ? 'warn' : 'info', namespace: i % 2 ? 'ha' : 'main', message: `event ${i}`, event: true }, at + i * 1000));
function setup(eventLog = { lines: async () => events }) {
    const processor = new CommandProcessor({
        config: new FakeConfig(),
        ha: new FakeHa(),
        diag: new FakeDiag(),
        firmwareVersion: '1.0.0',
        ...(eventLog ? { eventLog } : {}),
    });
    return { processor, run: async (line, session = processor.openSession()) => (await session.execute(line)).output };
}
const DEFAULT_DUMP = 'category: event\nstart-line: 1\nview-lines: 10\nFilter: \n';
test('execute log display shows the newest ten by default, numbered', async () => {
    const { run } = setup();
    const out = await run('execute log display');
    const lines = out.split('\n');
    assert.deepEqual(lines.slice(0, 2), ['30 logs found.', '10 logs returned.']);
    assert.equal(lines[2], `1: ${events[29]}`);
    assert.equal(lines[11], `10: ${events[20]}`);
    assert.equal(lines.length, 13);
});
test('the filter is kept per console session: fields, paging, dump and reset', async () => {
    const { processor, run } = setup();
    const a = processor.openSession();
    const b = processor.openSession();
    assert.equal(await run('execute log filter', a), DEFAULT_DUMP);
    assert.equal(await run('execute log filter category event', a), '');
    assert.equal(await run('execute log filter field subtype ha', a), '');
    assert.equal(await run('execute log filter field msg 1 3', a), '');
    assert.equal(await run('execute log filter view-lines 5', a), '');
    assert.equal(await run('execute log filter start-line 2', a), '');
    assert.equal(await run('exe log filter dump', a), 'category: event\nstart-line: 2\nview-lines: 5\nFilter: subtype=="ha" and (msg~"1" or msg~"3")\n');
    // subtype ha: the odd events; of those, a 1 or a 3 in the message: 1 3 11 13 15 17 19 21 23.
    const out = await run('execute log display', a);
    assert.match(out, /^9 logs found\.\n5 logs returned\.\n2: .*msg="event 21"\n3: .*msg="event 19"\n/);
    assert.equal(await run('execute log filter', b), DEFAULT_DUMP, 'another session has its own filter');
    assert.match(await run('execute log display', b), /^30 logs found\.\n10 logs returned\./);
    assert.equal(await run('execute log filter field msg', a), '', 'a field without values is cleared');
    assert.equal(await run('execute log filter field subtype', a), '');
    assert.match(await run('execute log filter level', a), /Return code/);
    assert.equal(await run('execute log filter field level warning', a), '');
    assert.match(await run('execute log display', a), /^3 logs found\.\n2 logs returned\.\n2: .*msg="event 10"\n3: .*msg="event 0"\n$/);
    assert.equal(await run('execute log filter reset', a), '');
    assert.equal(await run('execute log filter', a), DEFAULT_DUMP);
});
test('bad filter values are refused naming the value and what is allowed', async () => {
    const { run } = setup();
    assert.equal(await run('execute log filter view-lines 4'), "value parse error before '4': an integer 5-1000\nCommand fail. Return code -651\n");
    assert.match(await run('execute log filter view-lines 1001'), /an integer 5-1000/);
    assert.match(await run('execute log filter start-line 0'), /value parse error before '0'/);
    assert.match(await run('execute log filter category traffic'), /before 'traffic': only event logs/);
    assert.match(await run('execute log filter field level loud'), /before 'loud': level is one of error, warning, notice, debug/);
    assert.match(await run('execute log filter field "a b" x'), /a field name is letters/);
    assert.match(await run('execute log filter view-lines'), /Return code -160/);
});
test('without an event log, display says so', async () => {
    const { run } = setup(null);
    assert.match(await run('execute log display'), /the event log is unavailable on this unit/);
});
test('? and Tab after field offer the field names, then the levels', () => {
    const { processor } = setup();
    const s = processor.openSession();
    const names = s.help('execute log filter field ') ?? '';
    for (const name of ['subtype', 'level', 'msg', 'to', '<name>'])
        assert.match(names, new RegExp(`^${name} `, 'm'));
    assert.deepEqual(s.complete('execute log filter field sub').insert, 'type ');
    assert.deepEqual(s.complete('execute log filter field level war').insert, 'ning ');
    assert.match(s.help('execute log filter field level warning ') ?? '', /<Enter>/);
});
//# sourceMappingURL=processor-log.test.js.map