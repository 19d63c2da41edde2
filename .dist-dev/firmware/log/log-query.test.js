import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatEventLine, parseEventLine } from './event-line.js';
import { matchesQuery, queryLog, renderLogPage } from './log-query.js';
const at = Date.UTC(2026, 11, 2, 10, 39, 1);
const line = (r, seconds = 0) => formatEventLine({ level: 'info', namespace: 'main', message: 'm', event: true, ...r }, at + seconds * 1000);
const LINES = [
    line({ message: 'firmware started' }, 0),
    line({ message: 'HA state hello -> work: won', subtype: 'ha', fields: { from: 'hello', to: 'work' } }, 1),
    line({ message: 'peer B lost: no heartbeats', level: 'warn', subtype: 'ha', fields: { action: 'lost', peer: 'B' } }, 2),
    line({ message: 'disk full', level: 'error' }, 3),
    'an old line without fields',
];
const query = (fields, startLine = 1, viewLines = 10) => ({
    fields: new Map(Object.entries(fields)),
    startLine,
    viewLines,
});
test('an event line is FortiOS key=value and reads back, quotes and all', () => {
    const l = line({ message: 'say "hi" \\o/', subtype: 'ha', fields: { to: 'work', ms: 42 } });
    assert.equal(l, 'date=2026-12-02 time=10:39:01 eventtime=1796207941000000 type="event" subtype="ha" level="notice" ' +
        'msg="say \\"hi\\" \\\\o/" to="work" ms=42');
    const f = parseEventLine(l);
    assert.equal(f.get('msg'), 'say "hi" \\o/');
    assert.equal(f.get('ms'), '42');
    assert.equal(f.get('subtype'), 'ha');
    assert.equal(line({ subtype: 'ha', fields: { msg: 'x', level: 'y' } }).includes('msg="x"'), false, 'reserved keys stay the line’s own');
});
test('fields match exactly, any of their values; msg by substring; level that level or worse', () => {
    const found = (fields) => LINES.filter((l) => matchesQuery(l, query(fields))).length;
    assert.equal(found({}), 5);
    assert.equal(found({ subtype: ['ha'] }), 2);
    assert.equal(found({ subtype: ['ha'], to: ['work'] }), 1);
    assert.equal(found({ to: ['work', 'standby'] }), 1);
    assert.equal(found({ peer: ['C'] }), 0);
    assert.equal(found({ msg: ['lost'] }), 1);
    assert.equal(found({ msg: ['old line'] }), 1, 'a line without fields is searched whole');
    assert.equal(found({ level: ['warning'] }), 2);
    assert.equal(found({ level: ['error'] }), 1);
    assert.equal(found({ level: ['notice'] }), 4);
});
test('display counts the matches, then pages through them newest first', () => {
    const page = queryLog(LINES, query({ subtype: ['main', 'ha'] }, 2, 2));
    assert.equal(page.found, 4);
    assert.deepEqual(page.lines.map((l) => l.n), [2, 3]);
    assert.equal(renderLogPage(page), `4 logs found.\n2 logs returned.\n2: ${LINES[2]}\n3: ${LINES[1]}\n`);
    assert.equal(renderLogPage(queryLog(LINES, query({}, 5, 10))), `5 logs found.\n1 logs returned.\n5: ${LINES[0]}\n`);
    assert.equal(renderLogPage(queryLog([], query({}))), '0 logs found.\n0 logs returned.\n');
    assert.equal(queryLog(LINES, query({}, 9)).lines.length, 0, 'past the end: nothing, no error');
});
//# sourceMappingURL=log-query.test.js.map