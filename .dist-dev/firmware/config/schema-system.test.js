import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from './errors.js';
import { ctx } from './schema.fixture.js';
import { systemSchema } from './schema-system.js';
import { treeFromText } from './tree-from-text.js';
function loadError(text) {
    try {
        treeFromText(text, systemSchema, ctx);
    }
    catch (err) {
        assert.ok(err instanceof ConfigError, String(err));
        return err;
    }
    assert.fail(`expected a ConfigError for:\n${text}`);
}
/** The bad statement always sits on line 6. */
function haWith(statement) {
    return [
        '#config-version=tandem-1',
        'config system global',
        'end',
        'config system ha',
        '    set group-name "x"',
        `    ${statement}`,
        'end',
    ].join('\n');
}
const long = (n) => 'a'.repeat(n);
const UNKNOWN_PORT9 = 'unknown port port9, allowed: port1, port2, port3, ha1, ha2, mgmt';
// [statement, option, bad token, expected message tail]
const badHaValues = [
    ['set mode active', 'mode', 'active', 'unknown value, allowed: standalone, a-p, a-a'],
    ['set group-id 256', 'group-id', '256', 'out of range, allowed 0-255'],
    ['set group-id -1', 'group-id', '-1', 'out of range, allowed 0-255'],
    ['set group-id ten', 'group-id', 'ten', 'not an integer, allowed 0-255'],
    ['set group-id 1 2', 'group-id', '2', 'one value only'],
    ['set group-id', 'group-id', '', 'value missing'],
    [`set group-name "${long(33)}"`, 'group-name', long(33), 'too long (33 characters), allowed at most 32 characters'],
    [`set password "${long(129)}"`, 'password', long(129), 'too long (129 characters), allowed at most 128 characters'],
    ['set password ENC not*base64', 'password', 'not*base64', 'not a valid ENC value'],
    ['set priority 300', 'priority', '300', 'out of range, allowed 0-255'],
    ['set override maybe', 'override', 'maybe', 'unknown value, allowed: enable, disable'],
    ['set hbdev "ha9" 50', 'hbdev', 'ha9', 'unknown port ha9, allowed: port1, port2, port3, ha1, ha2, mgmt'],
    ['set hbdev "ha1"', 'hbdev', 'ha1', 'port ha1 has no priority'],
    ['set hbdev "ha1" 513', 'hbdev', '513', 'out of range, allowed 0-512'],
    ['set hbdev "ha1" 50 "ha1" 60', 'hbdev', 'ha1', 'port ha1 listed twice'],
    ['set hbdev', 'hbdev', '', 'value missing (unset clears it)'],
    ['set monitor "port9"', 'monitor', 'port9', UNKNOWN_PORT9],
    ['set monitor "port1" "port1"', 'monitor', 'port1', 'port port1 listed twice'],
    ['set hb-interval 0', 'hb-interval', '0', 'out of range, allowed 1-20'],
    ['set hb-interval 21', 'hb-interval', '21', 'out of range, allowed 1-20'],
    ['set hb-interval-in-milliseconds 50ms', 'hb-interval-in-milliseconds', '50ms', 'unknown value, allowed: 100ms, 10ms'],
    ['set hb-lost-threshold 0', 'hb-lost-threshold', '0', 'out of range, allowed 1-60'],
    ['set hb-lost-threshold 61', 'hb-lost-threshold', '61', 'out of range, allowed 1-60'],
    ['set hello-holddown 4', 'hello-holddown', '4', 'out of range, allowed 5-300'],
    ['set hello-holddown 301', 'hello-holddown', '301', 'out of range, allowed 5-300'],
    ['set ha-uptime-diff-margin 0', 'ha-uptime-diff-margin', '0', 'out of range, allowed 1-65535'],
    ['set ha-uptime-diff-margin 65536', 'ha-uptime-diff-margin', '65536', 'out of range, allowed 1-65535'],
    ['set authentication on', 'authentication', 'on', 'unknown value, allowed: enable, disable'],
    ['set encryption 1', 'encryption', '1', 'unknown value, allowed: enable, disable'],
    ['set unicast-hb yes', 'unicast-hb', 'yes', 'unknown value, allowed: enable, disable'],
    ['set unicast-hb-peerip 256.1.1.1', 'unicast-hb-peerip', '256.1.1.1', 'not an IPv4 address, allowed a.b.c.d, each 0-255'],
    ['set unicast-hb-peerip 198.18.0', 'unicast-hb-peerip', '198.18.0', 'not an IPv4 address, allowed a.b.c.d, each 0-255'],
    ['set unicast-hb-peerip peer', 'unicast-hb-peerip', 'peer', 'not an IPv4 address, allowed a.b.c.d, each 0-255'],
    ['set gratuitous-arps on', 'gratuitous-arps', 'on', 'unknown value, allowed: enable, disable'],
    ['set arps 0', 'arps', '0', 'out of range, allowed 1-60'],
    ['set arps 61', 'arps', '61', 'out of range, allowed 1-60'],
    ['set arps-interval 0', 'arps-interval', '0', 'out of range, allowed 1-20'],
    ['set arps-interval 21', 'arps-interval', '21', 'out of range, allowed 1-20'],
    ['set hb-carrier-failover yes', 'hb-carrier-failover', 'yes', 'unknown value, allowed: enable, disable'],
    ['set session-pickup on', 'session-pickup', 'on', 'unknown value, allowed: enable, disable'],
    ['set session-pickup-connectionless 1', 'session-pickup-connectionless', '1', 'unknown value, allowed: enable, disable'],
    ['set session-pickup-expectation yes', 'session-pickup-expectation', 'yes', 'unknown value, allowed: enable, disable'],
    ['set session-pickup-nat on', 'session-pickup-nat', 'on', 'unknown value, allowed: enable, disable'],
    ['set session-pickup-delay 30', 'session-pickup-delay', '30', 'unknown value, allowed: enable, disable'],
    ['set session-sync-dev "port9"', 'session-sync-dev', 'port9', UNKNOWN_PORT9],
    ['set session-sync-dev "port3" "port3"', 'session-sync-dev', 'port3', 'port port3 listed twice'],
    ['set session-sync-dev', 'session-sync-dev', '', 'value missing (unset clears it)'],
    ['set pingserver-monitor-interface "port9"', 'pingserver-monitor-interface', 'port9', UNKNOWN_PORT9],
    ['set pingserver-failover-threshold -1', 'pingserver-failover-threshold', '-1', 'out of range, allowed 0-50'],
    ['set pingserver-failover-threshold 51', 'pingserver-failover-threshold', '51', 'out of range, allowed 0-50'],
    ['set pingserver-flip-timeout 5', 'pingserver-flip-timeout', '5', 'out of range, allowed 6-2147483647'],
    ['set pingserver-flip-timeout 2147483648', 'pingserver-flip-timeout', '2147483648', 'out of range, allowed 6-2147483647'],
];
test('every system ha option refuses bad values, naming line, section, statement and what is allowed', () => {
    for (const [statement, option, value, tail] of badHaValues) {
        const err = loadError(haWith(statement));
        assert.equal(err.code, 'value', statement);
        assert.equal(err.line, 6, statement);
        assert.equal(err.option, option, statement);
        assert.equal(err.value, value, statement);
        assert.equal(err.message, `line 6: config system ha: ${statement}: ${tail}`);
    }
});
test('the documented example message', () => {
    assert.equal(loadError(haWith('set priority 300')).message, 'line 6: config system ha: set priority 300: out of range, allowed 0-255');
});
test('hostname: 1-35 letters, digits, - _ .', () => {
    const cases = [
        [`"${long(36)}"`, 'too long (36 characters), allowed 1-35 characters'],
        ['""', 'too short, allowed 1-35 characters'],
        ['"bad name"', `character " " not allowed, allowed letters, digits, '-', '_', '.'`],
        ['"a/b"', `character "/" not allowed, allowed letters, digits, '-', '_', '.'`],
    ];
    for (const [value, tail] of cases) {
        const err = loadError(`config system global\n    set hostname ${value}\nend\n`);
        assert.equal(err.line, 2);
        assert.equal(err.message, `line 2: config system global: set hostname ${value}: ${tail}`);
    }
    const ok = treeFromText(`config system global\n    set hostname "${long(35)}"\nend\n`, systemSchema, ctx);
    assert.ok(ok);
});
test('unknown option lists the allowed options', () => {
    const err = loadError(haWith('set foo 1'));
    assert.equal(err.code, 'unknown-option');
    assert.equal(err.line, 6);
    assert.equal(err.message, 'line 6: config system ha: set foo 1: unknown option foo, allowed: mode, group-id, group-name, password, priority, override, ' +
        'sync-config, hbdev, session-sync-dev, monitor, hb-interval, hb-interval-in-milliseconds, hb-lost-threshold, hello-holddown, ha-uptime-diff-margin, ' +
        'authentication, encryption, unicast-hb, unicast-hb-peerip, gratuitous-arps, arps, arps-interval, session-pickup, ' +
        'session-pickup-connectionless, session-pickup-expectation, session-pickup-nat, session-pickup-delay, hb-carrier-failover, data-beacon, data-beacon-dev, failover-hold-time, upgrade-mode, pingserver-monitor-interface, pingserver-failover-threshold, pingserver-flip-timeout, ' +
        'ha-mgmt-status, ha-direct');
    assert.equal(loadError('config system global\n  unset domain\nend').message, 'line 2: config system global: unset domain: unknown option domain, allowed: hostname, admin-lockout-threshold, admin-lockout-duration');
});
test('unknown section names the allowed sections', () => {
    const err = loadError('config system global\nend\n\nconfig system hax\n    set mode a-p\nend\n');
    assert.equal(err.code, 'unknown-section');
    assert.equal(err.line, 4);
    assert.equal(err.message, 'line 4: config system hax: unknown section system hax, allowed: system global, system ha');
    const nested = loadError(haWith('config secondary-vcluster\n    end'));
    assert.equal(nested.line, 6);
    assert.equal(nested.message, 'line 6: config system ha: config secondary-vcluster: unknown section secondary-vcluster, allowed: ha-mgmt-interfaces');
});
test('edit in a section that is not a table is refused', () => {
    const err = loadError(haWith('edit "x"\n    next'));
    assert.equal(err.line, 6);
    assert.match(err.message, /^line 6: config system ha: edit "x": edit in config system ha, which is not a table$/);
});
test('cross-field rules point at the line of the option concerned', () => {
    const cases = [
        [
            ['config system ha', '    set mode a-p', '    set hbdev "ha1" 50 "ha2" 50', '    set monitor "port1" "ha2"', 'end'],
            4,
            'line 4: config system ha: set monitor "port1" "ha2": port ha2 is an hbdev: heartbeat ports are not monitored ports',
        ],
        [
            ['config system ha', '    set group-id 7', '    set mode a-p', '    set monitor "port1"', 'end'],
            3,
            'line 3: config system ha: set mode a-p: mode a-p needs at least one hbdev or unicast-hb enable',
        ],
        [
            ['config system ha', '    set mode a-a', 'end'],
            2,
            'line 2: config system ha: set mode a-a: mode a-a needs at least one hbdev or unicast-hb enable',
        ],
        [
            ['config system ha', '    set unicast-hb enable', '    set unicast-hb-peerip 0.0.0.0', 'end'],
            2,
            'line 2: config system ha: set unicast-hb enable: unicast-hb enable needs unicast-hb-peerip set',
        ],
        [
            ['#config-version=tandem-1', 'config system ha', '    set password ""', '    set authentication enable', 'end'],
            4,
            'line 4: config system ha: set authentication enable: authentication enable needs a non-empty password',
        ],
        [
            ['config system ha', '    set hbdev "ha1" 50 "ha2" 50', '    set session-sync-dev "port3" "ha2"', 'end'],
            3,
            'line 3: config system ha: set session-sync-dev "port3" "ha2": port ha2 is an hbdev: ' +
                'session sync goes on data ports, where it cannot crowd out the heartbeats',
        ],
        ...['connectionless', 'expectation', 'nat', 'delay'].map((what) => [
            ['config system ha', `    set session-pickup-${what} enable`, 'end'],
            2,
            `line 2: config system ha: set session-pickup-${what} enable: session-pickup-${what} enable needs session-pickup enable`,
        ]),
        [
            ['config system ha', '    set session-pickup disable', '    set session-pickup-nat enable', 'end'],
            3,
            'line 3: config system ha: set session-pickup-nat enable: session-pickup-nat enable needs session-pickup enable',
        ],
    ];
    for (const [lines, line, message] of cases) {
        const err = loadError(lines.join('\n'));
        assert.equal(err.code, 'rule');
        assert.equal(err.line, line);
        assert.equal(err.message, message);
    }
});
test('clusters that satisfy every rule load', () => {
    const texts = [
        ['config system ha', '    set mode a-p', '    set hbdev "ha1" 50', '    set monitor "port1" "port2"', 'end'],
        ['config system ha', '    set mode a-a', '    set unicast-hb enable', '    set unicast-hb-peerip 198.18.0.2', 'end'],
        ['config system ha', '    set password "s3cret"', '    set authentication enable', '    set encryption enable', 'end'],
        [
            'config system ha',
            '    set mode a-p',
            '    set hbdev "ha1" 50',
            '    set session-sync-dev "port3" "port2"',
            '    set session-pickup enable',
            '    set session-pickup-connectionless enable',
            '    set session-pickup-expectation enable',
            '    set session-pickup-nat enable',
            '    set session-pickup-delay enable',
            'end',
        ],
        // Disabled dependants need nothing.
        ['config system ha', '    set session-pickup-nat disable', 'end'],
    ];
    for (const t of texts)
        assert.ok(treeFromText(t.join('\n'), systemSchema, ctx));
});
//# sourceMappingURL=schema-system.test.js.map