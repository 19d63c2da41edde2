import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printSection } from './printer.js';
import { ctx, loadError } from './schema.fixture.js';
import { logSyslogdSetting } from './schema-log.js';
import { firmwareSchema } from './schema-system.js';
import { syslogSettingsFromTree } from './syslog-settings.js';
import { treeFromText } from './tree-from-text.js';
const syslogd = (...statements) => ['config log syslogd setting', ...statements.map((s) => `    ${s}`), 'end', ''].join('\n');
test('syslogd: disabled by default, FortiOS defaults, read into the sender settings', () => {
    const tree = treeFromText('', firmwareSchema, ctx);
    assert.deepEqual(syslogSettingsFromTree(tree), {
        enabled: false,
        server: '0.0.0.0',
        port: 514,
        facility: 'local7',
        format: 'default',
    });
    const set = treeFromText(syslogd('set status enable', 'set server 198.18.3.10', 'set port 5514', 'set facility local0', 'set format rfc5424'), firmwareSchema, ctx);
    assert.deepEqual(syslogSettingsFromTree(set), {
        enabled: true,
        server: '198.18.3.10',
        port: 5514,
        facility: 'local0',
        format: 'rfc5424',
    });
    assert.equal(printSection(logSyslogdSetting, set, ctx, { full: false }), syslogd('set status enable', 'set server 198.18.3.10', 'set port 5514', 'set facility local0', 'set format rfc5424'));
});
test('syslogd refuses what it cannot send, naming the value and what is allowed', () => {
    assert.match(loadError(syslogd('set status enable')).message, /syslog needs a server address when status is enable/);
    assert.match(loadError(syslogd('set format csv')).message, /set format csv: unknown value.*default, rfc5424/);
    assert.match(loadError(syslogd('set facility local8')).message, /set facility local8: unknown value.*local7/);
    assert.match(loadError(syslogd('set port 0')).message, /set port 0: out of range, allowed 1-65535/);
    assert.match(loadError(syslogd('set server 198.18.3')).message, /set server 198\.18\.3: not an IPv4 address/);
});
//# sourceMappingURL=schema-log.test.js.map