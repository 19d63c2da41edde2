import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSyslog, syslogPri } from './syslog-format.js';
const wallMs = Date.UTC(2026, 11, 2, 10, 39, 1) + 123.456;
const from = { facility: 'local7', hostname: 'TDM-A', pid: 4242 };
const stateChange = {
    level: 'info',
    namespace: 'ha',
    message: 'HA state standby -> work: peer lost',
    event: true,
    subtype: 'ha',
    fields: { from: 'standby', to: 'work', reason: 'peer lost' },
};
test('PRI is facility × 8 + severity, FortiOS facility names and level names', () => {
    assert.equal(syslogPri('local7', stateChange), 189, 'local7 notice');
    assert.equal(syslogPri('local7', { ...stateChange, level: 'warn' }), 188);
    assert.equal(syslogPri('kernel', { ...stateChange, level: 'error' }), 3);
    assert.equal(syslogPri('daemon', { ...stateChange, level: 'debug' }), 31);
});
test('format default: <PRI> then the event log line', () => {
    assert.equal(formatSyslog('default', stateChange, wallMs, from), '<189>date=2026-12-02 time=10:39:01 eventtime=1796207941123456 type="event" subtype="ha" level="notice" ' +
        'msg="HA state standby -> work: peer lost" from="standby" to="work" reason="peer lost"');
});
test('format rfc5424: header, structured data with the fields, then the message', () => {
    assert.equal(formatSyslog('rfc5424', stateChange, wallMs, from), '<189>1 2026-12-02T10:39:01.123456Z TDM-A tandem 4242 ha [tandem@32473 subtype="ha" level="notice" ' +
        'from="standby" to="work" reason="peer lost"] HA state standby -> work: peer lost');
    const odd = {
        level: 'warn',
        namespace: 'main',
        message: 'line one\nline two',
        event: true,
        fields: { why: 'a "quoted" ] \\ value', ms: 1500 },
    };
    assert.equal(formatSyslog('rfc5424', odd, Date.UTC(2026, 0, 1), { facility: 'local0', hostname: 'has space', pid: 1 }), '<132>1 2026-01-01T00:00:00.000000Z hasspace tandem 1 main [tandem@32473 subtype="main" level="warning" ' +
        'why="a \\"quoted\\" \\] \\\\ value" ms="1500"] line one line two');
    assert.match(formatSyslog('rfc5424', odd, 0, { ...from, hostname: '' }), /^<188>1 \S+ - tandem /, 'no hostname: the NILVALUE');
});
//# sourceMappingURL=syslog-format.test.js.map