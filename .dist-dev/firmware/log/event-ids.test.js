/** Log ids on the event line and as RFC 5424's MSGID, for the events a SIEM keys on. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventId } from './event-ids.js';
import { formatEventLine, parseEventLine } from './event-line.js';
import { formatSyslog } from './syslog-format.js';
const state = {
    level: 'info',
    namespace: 'ha',
    message: 'HA state standby -> work: peer lost',
    event: true,
    subtype: 'ha',
    fields: { action: 'state', from: 'standby', to: 'work' },
};
test('an event with an id carries logid and logdesc, in FortiOS order; one without carries neither', () => {
    const line = formatEventLine(state, Date.parse('2026-12-02T10:39:01Z'));
    assert.match(line, /^date=2026-12-02 time=10:39:01 eventtime=\d+ logid="0101000001" type="event" subtype="ha" level="notice" logdesc="HA state changed" msg=/);
    assert.equal(parseEventLine(line).get('logid'), '0101000001');
    const plain = formatEventLine({ ...state, fields: {} }, 0);
    assert.doesNotMatch(plain, /logid|logdesc/);
    assert.equal(eventId({ ...state, subtype: 'config' }), undefined, 'ids are per subtype');
});
test('a field named like the line own keys never makes it ambiguous', () => {
    const line = formatEventLine({ ...state, fields: { ...state.fields, logid: 'forged', logdesc: 'forged' } }, 0);
    assert.equal(line.match(/logid=/g)?.length, 1);
    assert.doesNotMatch(line, /forged/);
});
test('RFC 5424: the MSGID is the log id where the event has one, else the subtype', () => {
    const from = { facility: 'local7', hostname: 'TDM-A', pid: 7 };
    assert.match(formatSyslog('rfc5424', state, 0, from), /^<\d+>1 \S+ TDM-A tandem 7 0101000001 \[/);
    assert.match(formatSyslog('rfc5424', { ...state, fields: {} }, 0, from), /^<\d+>1 \S+ TDM-A tandem 7 ha \[/);
});
//# sourceMappingURL=event-ids.test.js.map