import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPlaneExample } from './data-plane.fixture.js';
import { dataPlaneFromTree } from './data-plane-from-tree.js';
import { ConfigError } from './errors.js';
import { printTree } from './printer.js';
import { ctx, loadError } from './schema.fixture.js';
import { firmwareSchema } from './schema-system.js';
import { haSettingsFromTree } from './settings-from-tree.js';
import { defaultTree } from './tree.js';
import { treeFromText } from './tree-from-text.js';
const load = (text) => treeFromText(text, firmwareSchema, ctx);
test('round trip: show and show full-configuration read back to the same tree', () => {
    const tree = load(dataPlaneExample);
    const shown = printTree(tree, firmwareSchema, ctx, { full: false });
    assert.equal(shown, dataPlaneExample, 'show gives the file back as written');
    const full = printTree(tree, firmwareSchema, ctx, { full: true });
    assert.ok(full.includes('    edit 1\n        set name ""\n        set status enable\n'), full);
    assert.ok(full.includes('        set dst 0.0.0.0 0.0.0.0\n        set gateway 198.18.2.254\n        set distance 10\n'), full);
    for (const text of [shown, full]) {
        const again = load(text);
        assert.deepEqual(again, tree);
        assert.equal(printTree(again, firmwareSchema, ctx, { full: true }), full);
    }
});
test('the typed data plane: interfaces, routes, objects, policies in configured order', () => {
    const dp = dataPlaneFromTree(load(dataPlaneExample), ctx);
    assert.deepEqual(dp.interfaces, [
        {
            name: 'port1',
            address: { address: '198.18.1.1', prefixLength: 24 },
            ipv6: '2001:db8:1::1/64',
            allowaccess: ['ping', 'https', 'ssh'],
            role: 'lan',
            alias: 'inside',
            perUnit: false,
        },
        {
            name: 'port2',
            address: { address: '198.18.2.1', prefixLength: 24 },
            ipv6: undefined,
            allowaccess: ['ping'],
            role: 'wan',
            alias: '',
            perUnit: false,
        },
        {
            name: 'mgmt',
            address: { address: '198.18.9.10', prefixLength: 24 },
            ipv6: undefined,
            allowaccess: ['ping', 'https', 'ssh'],
            role: 'undefined',
            alias: '',
            perUnit: true,
        },
    ]);
    assert.deepEqual(dp.routes, [
        {
            seq: 1,
            enabled: true,
            dst: { address: '0.0.0.0', prefixLength: 0 },
            gateway: '198.18.2.254',
            device: 'port2',
            distance: 10,
        },
    ]);
    assert.deepEqual(dp.addresses, [
        { name: 'clients', type: 'ipmask', subnet: { address: '198.18.1.0', prefixLength: 24 } },
        { name: 'servers', type: 'iprange', startIp: '198.18.2.100', endIp: '198.18.2.200' },
    ]);
    assert.deepEqual(dp.services, [
        {
            name: 'web',
            protocol: 'TCP/UDP/SCTP',
            tcp: [
                { low: 80, high: 80 },
                { low: 443, high: 443 },
                { low: 8000, high: 8080 },
            ],
            udp: [{ low: 443, high: 443 }],
            protocolNumber: 0,
        },
    ]);
    assert.deepEqual(dp.pools, [{ name: 'wan-pool', type: 'overload', startIp: '198.18.2.50', endIp: '198.18.2.59' }]);
    assert.deepEqual(dp.policies, [
        {
            id: 3,
            name: 'clients-out',
            enabled: true,
            srcintf: ['port1'],
            dstintf: ['port2'],
            srcaddr: ['clients'],
            dstaddr: ['all'],
            service: ['web'],
            action: 'accept',
            schedule: 'always',
            nat: true,
            ippool: true,
            poolname: ['wan-pool'],
            tcpSessionWithoutSyn: true,
        },
        {
            id: 1,
            name: '',
            enabled: true,
            srcintf: ['port2'],
            dstintf: ['port1'],
            srcaddr: ['all'],
            dstaddr: ['clients'],
            service: ['ALL'],
            action: 'deny',
            schedule: 'always',
            nat: false,
            ippool: false,
            poolname: [],
            tcpSessionWithoutSyn: false,
        },
    ]);
    assert.deepEqual(dp.linkMonitors, [
        {
            name: 'wan-check',
            srcintf: 'port2',
            server: ['198.18.2.254', '198.18.2.253'],
            intervalMs: 500,
            failtime: 5,
            recoverytime: 5,
            haPriority: 1,
        },
    ]);
    const ha = haSettingsFromTree(load(dataPlaneExample), ctx);
    assert.deepEqual(ha.pingserverMonitorInterface, ['port2']);
    assert.equal(ha.pingserverFailoverThreshold, 5);
});
test('defaults: an empty config has no data plane; new entries take the FortiOS defaults', () => {
    assert.deepEqual(dataPlaneFromTree(defaultTree(firmwareSchema, ctx), ctx), {
        interfaces: [],
        routes: [],
        addresses: [],
        services: [],
        pools: [],
        policies: [],
        linkMonitors: [],
    });
    const text = [
        'config system interface',
        '    edit "port1"',
        '    next',
        'end',
        'config firewall address',
        '    edit "any-net"',
        '    next',
        'end',
        'config firewall policy',
        '    edit 9',
        '        set srcintf "port1"',
        '        set dstintf "port1"',
        '        set srcaddr "all"',
        '        set dstaddr "any-net"',
        '        set service "ALL"',
        '    next',
        'end',
        'config router static',
        '    edit 4',
        '        set device "port1"',
        '    next',
        'end',
    ].join('\n');
    const dp = dataPlaneFromTree(load(text), ctx);
    assert.deepEqual(dp.interfaces, [
        { name: 'port1', address: undefined, ipv6: undefined, allowaccess: [], role: 'undefined', alias: '', perUnit: false },
    ]);
    assert.deepEqual(dp.addresses, [{ name: 'any-net', type: 'ipmask', subnet: { address: '0.0.0.0', prefixLength: 0 } }]);
    assert.deepEqual(dp.routes, [
        { seq: 4, enabled: true, dst: { address: '0.0.0.0', prefixLength: 0 }, gateway: '0.0.0.0', device: 'port1', distance: 10 },
    ]);
    assert.equal(dp.policies[0].action, 'deny');
    assert.equal(dp.policies[0].nat, false);
    assert.equal(dp.policies[0].ippool, false);
    assert.equal(dp.policies[0].enabled, true);
    assert.equal(dp.policies[0].schedule, 'always');
});
/** The example with one line replaced (or removed); returns the text and that line's number. */
function edited(find, replace, after = '') {
    const lines = dataPlaneExample.split('\n');
    const start = after === '' ? 0 : lines.indexOf(after);
    assert.ok(start >= 0, `no line ${after}`);
    const index = lines.indexOf(find, start);
    assert.ok(index >= 0, `no line ${find} after ${after}`);
    if (replace === undefined)
        lines.splice(index, 1);
    else
        lines[index] = replace;
    return { text: lines.join('\n'), line: index + 1 };
}
const P3 = '    edit 3';
const P1 = '    edit 1';
const interfaces = 'allowed: port1, port2, mgmt';
// [line to find, its replacement, the entry it is in, message after "line N: "]
const brokenReferences = [
    [
        '        set srcintf "port1"',
        '        set srcintf "port3"',
        P3,
        `config firewall policy: edit 3: set srcintf "port3": policy 3: srcintf port3 is not a configured interface, ${interfaces}`,
    ],
    [
        '        set dstintf "port1"',
        '        set dstintf "port1" "ha1"',
        P1,
        `config firewall policy: edit 1: set dstintf "port1" "ha1": policy 1: dstintf ha1 is not a configured interface, ${interfaces}`,
    ],
    [
        '        set srcaddr "clients"',
        '        set srcaddr "nobody"',
        P3,
        'config firewall policy: edit 3: set srcaddr "nobody": policy 3: srcaddr nobody is not a firewall address, allowed: all, clients, servers',
    ],
    [
        '        set dstaddr "all"',
        '        set dstaddr "All"',
        P3,
        'config firewall policy: edit 3: set dstaddr "All": policy 3: dstaddr All is not a firewall address, allowed: all, clients, servers',
    ],
    [
        '        set service "web"',
        '        set service "web" "HTTP"',
        P3,
        'config firewall policy: edit 3: set service "web" "HTTP": policy 3: service HTTP is not a custom service, allowed: ALL, web',
    ],
    [
        '        set service "ALL"',
        '        set service "all"',
        P1,
        'config firewall policy: edit 1: set service "all": policy 1: service all is not a custom service, allowed: ALL, web',
    ],
    [
        '        set poolname "wan-pool"',
        '        set poolname "lan-pool"',
        P3,
        'config firewall policy: edit 3: set poolname "lan-pool": policy 3: poolname lan-pool is not a firewall ippool, allowed: wan-pool',
    ],
    [
        '        set device "port2"',
        '        set device "port3"',
        'config router static',
        `config router static: edit 1: set device "port3": static route 1: device port3 is not a configured interface, ${interfaces}`,
    ],
    [
        '        set srcintf "port2"',
        '        set srcintf "ha2"',
        'config system link-monitor',
        `config system link-monitor: edit "wan-check": set srcintf "ha2": link-monitor wan-check: srcintf ha2 is not a configured interface, ${interfaces}`,
    ],
];
test('every broken reference names section, entry, statement, bad name and what exists, at its line', () => {
    for (const [find, replace, after, message] of brokenReferences) {
        const { text, line } = edited(find, replace, after);
        const err = loadError(text);
        assert.equal(err.code, 'rule', message);
        assert.equal(err.line, line, message);
        assert.equal(err.message, `line ${line}: ${message}`);
    }
});
/** 1-based line of `find` in `text`, searching from the line `after`. */
function lineIn(text, find, after) {
    const lines = text.split('\n');
    const index = lines.indexOf(find, lines.indexOf(after));
    assert.ok(index >= 0, `no line ${find} after ${after}`);
    return index + 1;
}
test('entry rules: missing fields, ippool without poolname or nat, ranges out of order', () => {
    // [edits to the example, the entry, the line the error points at, message after "line N: "]
    const cases = [
        [
            [['        set poolname "wan-pool"', undefined]],
            P3,
            '        set ippool enable',
            'config firewall policy: edit 3: set ippool enable: ippool enable needs a poolname',
        ],
        [
            [['        set nat enable', '        set nat disable']],
            P3,
            '        set ippool enable',
            'config firewall policy: edit 3: set ippool enable: ippool enable needs nat enable',
        ],
        [
            [['        set action accept', '        set action deny']],
            P3,
            '        set nat enable',
            'config firewall policy: edit 3: set nat enable: nat enable needs action accept, not deny',
        ],
        [
            [['        set service "ALL"', undefined]],
            'config firewall policy',
            P1,
            'config firewall policy: edit 1: set service: service must be set',
        ],
        [
            [['        set device "port2"', undefined]],
            'config router static',
            P1,
            'config router static: edit 1: set device: a static route needs a device',
        ],
        [
            [['        set end-ip 198.18.2.200', '        set end-ip 198.18.2.99']],
            '    edit "servers"',
            '        set end-ip 198.18.2.99',
            'config firewall address: edit "servers": set end-ip 198.18.2.99: end-ip 198.18.2.99 is below start-ip 198.18.2.100',
        ],
        [
            [['        set startip 198.18.2.50', undefined]],
            'config firewall ippool',
            '    edit "wan-pool"',
            'config firewall ippool: edit "wan-pool": set startip 0.0.0.0: an ippool needs startip set',
        ],
        [
            [
                ['        set tcp-portrange 80 443 8000-8080', undefined],
                ['        set udp-portrange 443', undefined],
            ],
            'config firewall service custom',
            '    edit "web"',
            'config firewall service custom: edit "web": set protocol TCP/UDP/SCTP: protocol TCP/UDP/SCTP needs tcp-portrange or udp-portrange',
        ],
    ];
    for (const [edits, after, pointAt, message] of cases) {
        let lines = dataPlaneExample.split('\n');
        for (const [find, replace] of edits) {
            const index = lines.indexOf(find, lines.indexOf(after));
            assert.ok(index >= 0, `no line ${find} after ${after}`);
            lines = [...lines.slice(0, index), ...(replace === undefined ? [] : [replace]), ...lines.slice(index + 1)];
        }
        const text = lines.join('\n');
        const line = lineIn(text, pointAt, after);
        const err = loadError(text);
        assert.equal(err.code, 'rule', message);
        assert.equal(err.message, `line ${line}: ${message}`);
        assert.equal(err.line, line);
    }
});
test('dataPlaneFromTree refuses a tree changed after loading so a reference breaks', () => {
    const tree = load(dataPlaneExample);
    const route = tree.get('router static');
    assert.ok(route?.kind === 'table');
    route.entries[0].node.options.set('device', ['port3']);
    assert.throws(() => dataPlaneFromTree(tree, ctx), (err) => err instanceof ConfigError &&
        err.line === undefined &&
        err.message ===
            `config router static: edit 1: set device "port3": static route 1: device port3 is not a configured interface, ${interfaces}`);
    const noInterfaces = dataPlaneExample.replace(/config system interface\n[\s\S]*?\nend\n/, '');
    assert.equal(loadError(noInterfaces).message, 'line 65: config router static: edit 1: set device "port2": static route 1: device port2 is not a configured interface, allowed: (none)');
});
test('an ip6-address is kept in RFC 5952 form, whichever way it was written', () => {
    for (const written of ['2001:DB8:1:0:0:0:0:1/64', '2001:db8:1::0001/064', '2001:db8:1:0::1/64']) {
        const text = dataPlaneExample.replace('set ip6-address 2001:db8:1::1/64', `set ip6-address ${written}`);
        assert.equal(dataPlaneFromTree(load(text), ctx).interfaces[0]?.ipv6, '2001:db8:1::1/64', written);
    }
});
test('an IPv4 octet with a leading zero is refused, not read as octal or decimal', () => {
    const text = dataPlaneExample.replace('198.18.1.1', '198.18.01.1');
    assert.match(loadError(text).message, /198\.18\.01\.1/);
});
test('a bad ip6-address names the value and what is allowed', () => {
    for (const bad of ['2001:db8::1', '2001:db8::1/129', '198.18.1.1/24', 'fe80::zz/64', 'fe80::1%eth0/64']) {
        const text = dataPlaneExample.replace('set ip6-address 2001:db8:1::1/64', `set ip6-address ${bad}`);
        const err = loadError(text);
        assert.ok(err.message.includes(`set ip6-address ${bad}`), err.message);
        assert.match(err.message, /x:x::x\/0-128/);
    }
});
//# sourceMappingURL=data-plane-from-tree.test.js.map