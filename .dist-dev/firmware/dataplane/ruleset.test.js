import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataPlaneExample } from '../config/data-plane.fixture.js';
import { dataPlaneFromTree } from '../config/data-plane-from-tree.js';
import { ConfigError } from '../config/errors.js';
import { ctx } from '../config/schema.fixture.js';
import { firmwareSchema } from '../config/schema-system.js';
import { treeFromText } from '../config/tree-from-text.js';
import { dataPlane, ifnameOf, policy, shapes } from './ruleset.fixture.js';
import { renderRuleset } from './ruleset.js';
const render = (dp) => renderRuleset(dp, { ifnameOf });
const shape = (name) => {
    const found = shapes.find((s) => s.name === name);
    assert.ok(found, name);
    return render(found.dp);
};
/** Every line of one chain, its type line first when it has one. */
function regularRules(text, chain) {
    const lines = text.split('\n');
    const start = lines.indexOf(`\tchain ${chain} {`);
    assert.ok(start >= 0, `chain ${chain} in\n${text}`);
    const end = lines.indexOf('\t}', start);
    return lines.slice(start + 1, end).map((l) => l.replace(/^\t\t/, ''));
}
/** The rules of one base chain, without its type line. */
const rules = (text, chain) => regularRules(text, chain).slice(1);
const NEW_WITHOUT_SYN = 'tcp flags & (fin|syn|rst|ack) != syn ct state new';
const DROP_WITHOUT_SYN = `${NEW_WITHOUT_SYN} counter name "tcp-without-syn" drop comment "TCP session without SYN"`;
const FTP_HELPER = 'meta l4proto tcp th dport 21 ct state new ct helper set "ftp" comment "session-helper ftp"';
const STATEFUL = ['ct state established,related accept', 'ct state invalid drop', FTP_HELPER, DROP_WITHOUT_SYN];
const INPUT_BASE = ['ct state established,related accept', 'iifname "lo" accept', DROP_WITHOUT_SYN];
const IF12 = 'iifname "tdm-port1" oifname "tdm-port2"';
test('the whole text: generator comment, atomic replace of the table, three chains', () => {
    assert.equal(shape('accept, one address, one service'), [
        '# tandem data plane ruleset (firmware/dataplane/ruleset.ts), applied as one atomic replace',
        'table inet tandem',
        'delete table inet tandem',
        'table inet tandem {',
        '\tcounter tcp-without-syn {}',
        '\tct helper ftp { type "ftp" protocol tcp; l3proto inet; }',
        '\tchain forward {',
        '\t\ttype filter hook forward priority 0; policy drop;',
        '\t\tct state established,related accept',
        '\t\tct state invalid drop',
        `\t\t${FTP_HELPER}`,
        `\t\t${DROP_WITHOUT_SYN}`,
        `\t\t${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport 80 ct state new accept comment "policy 1"`,
        '\t}',
        '\tchain postrouting {',
        '\t\ttype nat hook postrouting priority srcnat; policy accept;',
        '\t}',
        '\tchain input {',
        '\t\ttype filter hook input priority 0; policy accept;',
        ...INPUT_BASE.map((r) => `\t\t${r}`),
        '\t}',
        '}',
        '',
    ].join('\n'));
});
test('no policy: only the stateful rules, everything new falls to the drop policy', () => {
    const text = shape('no policy');
    assert.deepEqual(rules(text, 'forward'), STATEFUL);
    assert.deepEqual(rules(text, 'postrouting'), []);
    assert.deepEqual(rules(text, 'input'), INPUT_BASE, 'no address, yet no TCP session without SYN to the unit either');
    assert.ok(!text.includes('chain tcp-session-without-syn'), 'no exemption chain');
});
test('several interfaces, addresses and services: anonymous sets, one rule per protocol', () => {
    const head = 'iifname { "tdm-port1", "tdm-port3" } oifname "tdm-port2" ip saddr { 198.18.1.0/24, 198.18.3.0/28 } ' +
        'ip daddr { 198.18.2.100-198.18.2.200, 198.18.2.7/32 }';
    const tail = 'ct state new accept comment "policy 2"';
    assert.deepEqual(rules(shape('multiple interfaces, addresses, services'), 'forward'), [
        ...STATEFUL,
        `${head} meta l4proto tcp th dport { 80, 443, 8000-8080 } ${tail}`,
        `${head} meta l4proto udp th dport { 443, 53 } ${tail}`,
        `${head} meta l4proto { icmp, 47 } ${tail}`,
    ]);
});
test('iprange becomes an nft range', () => {
    assert.deepEqual(rules(shape('iprange'), 'forward'), [
        ...STATEFUL,
        `${IF12} ip saddr 198.18.2.100-198.18.2.200 ip daddr 198.18.1.0/24 meta l4proto tcp th dport 80 ct state new accept comment "policy 3"`,
    ]);
});
test('all and ALL match anything IPv4: no address nor service match', () => {
    assert.deepEqual(rules(shape('all and ALL'), 'forward'), [
        ...STATEFUL,
        `${IF12} meta nfproto ipv4 ct state new accept comment "policy 4"`,
    ]);
    const anyIp = render(dataPlane([policy(4, { service: ['gre', 'any-ip'] })]));
    assert.deepEqual(rules(anyIp, 'forward'), [
        ...STATEFUL,
        `${IF12} ip saddr 198.18.1.0/24 ct state new accept comment "policy 4"`,
    ]);
});
test('deny drops new connections and never reaches postrouting', () => {
    const text = shape('deny');
    assert.deepEqual(rules(text, 'forward'), [...STATEFUL, `${IF12} ip saddr 198.18.1.0/24 ct state new drop comment "policy 5"`]);
    assert.deepEqual(rules(text, 'postrouting'), []);
});
test('a disabled policy renders nothing; the next one keeps its place', () => {
    assert.deepEqual(rules(shape('disabled'), 'forward'), [
        ...STATEFUL,
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport 80 ct state new accept comment "policy 7"`,
    ]);
});
test('nat without ippool masquerades behind the outgoing interface', () => {
    const text = shape('nat masquerade');
    const match = `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport 80`;
    assert.deepEqual(rules(text, 'forward'), [...STATEFUL, `${match} ct state new accept comment "policy 8"`]);
    assert.deepEqual(rules(text, 'postrouting'), [`${match} masquerade comment "policy 8"`]);
});
test('nat with an ippool snats to the pool range (a single address without a range)', () => {
    assert.deepEqual(rules(shape('nat ippool'), 'postrouting'), [
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport 80 snat ip to 198.18.2.50-198.18.2.59 comment "policy 9 clients-out"`,
        `${IF12} ip saddr 198.18.3.0/28 meta l4proto tcp th dport 80 snat ip to 198.18.2.60 comment "policy 10"`,
    ]);
});
test('postrouting keeps first-match: an earlier accept without nat is exempted, later ones are not listed', () => {
    assert.deepEqual(rules(shape('nat after a plain accept'), 'postrouting'), [
        `${IF12} ip saddr 198.18.1.0/24 ip daddr 198.18.2.7/32 meta l4proto tcp th dport 80 accept comment "policy 11"`,
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport 80 masquerade comment "policy 12"`,
    ]);
});
test('a hostile policy name cannot add nft syntax: the comment keeps a plain alphabet', () => {
    const text = shape('hostile name');
    assert.ok(text.includes('comment "policy 14 x_ accept_ __ table ip evil _"\n'), text);
    assert.equal(text.split('\n').filter((l) => l.startsWith('table')).length, 2);
    const long = render(dataPlane([policy(1, { name: 'n'.repeat(300) })]));
    assert.ok(long.includes(`comment "policy 1 ${'n'.repeat(119)}"\n`), 'comment cut to 128 characters');
});
test('a port maps to a kernel name that is checked before it reaches the text', () => {
    const dp = dataPlane([policy(21)]);
    for (const bad of ['', 'eth0"; flush ruleset', 'a name', 'x'.repeat(16)]) {
        assert.throws(() => renderRuleset(dp, { ifnameOf: (p) => (p === 'port2' ? bad : p) }), (e) => e instanceof ConfigError && e.option === 'dstintf' && e.value === 'port2' && /edit 21/.test(e.message), bad);
    }
});
test('bad policy config names the policy id, the option and the value', () => {
    const cases = [
        { dp: dataPlane([policy(31, { srcaddr: ['nowhere'] })]), option: 'srcaddr', value: 'nowhere' },
        { dp: dataPlane([policy(32, { service: ['nothing'] })]), option: 'service', value: 'nothing' },
        {
            dp: dataPlane([policy(33, { nat: true, ippool: true, poolname: ['wan-pool', 'one'] })]),
            option: 'poolname',
            value: 'wan-pool one',
        },
        { dp: dataPlane([policy(34, { nat: true, ippool: true, poolname: ['gone'] })]), option: 'poolname', value: 'gone' },
        { dp: dataPlane([policy(35, { dstintf: [] })]), option: 'dstintf', value: '' },
    ];
    const badAddress = dataPlane([policy(36, { dstaddr: ['host'] })]);
    badAddress.addresses = badAddress.addresses.map((a) => a.name === 'host' ? { name: 'host', type: 'iprange', startIp: '198.18.2.1 } ; ', endIp: '198.18.2.9' } : a);
    cases.push({ dp: badAddress, option: 'dstaddr', value: '198.18.2.1 } ; ' });
    const badPort = dataPlane([policy(37)]);
    badPort.services = [{ name: 'http', protocol: 'TCP/UDP/SCTP', tcp: [{ low: 90, high: 80 }], udp: [], protocolNumber: 0 }];
    cases.push({ dp: badPort, option: 'service', value: 'http' });
    for (const { dp, option, value } of cases) {
        const id = dp.policies[0]?.id;
        assert.throws(() => render(dp), (e) => e instanceof ConfigError &&
            e.option === option &&
            e.value === value &&
            e.path.join(' ') === `config firewall policy edit ${id}` &&
            e.message.includes(`edit ${id}`), `policy ${id}`);
    }
});
test('deterministic: equal configs give identical text, a policy order change does not go unnoticed', () => {
    for (const { dp } of shapes)
        assert.equal(render(structuredClone(dp)), render(dp));
    const a = render(dataPlane([policy(1), policy(2, { action: 'deny' })]));
    const b = render(dataPlane([policy(2, { action: 'deny' }), policy(1)]));
    assert.notEqual(a, b);
});
test('from config text: the shared example renders its NAT-to-pool and deny policies in order', () => {
    const dp = dataPlaneFromTree(treeFromText(dataPlaneExample, firmwareSchema, ctx), ctx);
    const text = render(dp);
    const clientsOut = `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport { 80, 443, 8000-8080 }`;
    assert.deepEqual(rules(text, 'forward'), [
        'ct state established,related accept',
        'ct state invalid drop',
        FTP_HELPER,
        `${NEW_WITHOUT_SYN} jump tcp-session-without-syn`,
        DROP_WITHOUT_SYN,
        `${clientsOut} ct state new accept comment "policy 3 clients-out"`,
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto udp th dport 443 ct state new accept comment "policy 3 clients-out"`,
        'iifname "tdm-port2" oifname "tdm-port1" ip daddr 198.18.1.0/24 ct state new drop comment "policy 1"',
    ]);
    assert.deepEqual(regularRules(text, 'tcp-session-without-syn'), [
        `${clientsOut} accept comment "policy 3 clients-out"`,
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto udp th dport 443 accept comment "policy 3 clients-out"`,
    ]);
    assert.deepEqual(rules(text, 'postrouting'), [
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport { 80, 443, 8000-8080 } snat ip to 198.18.2.50-198.18.2.59 comment "policy 3 clients-out"`,
        `${IF12} ip saddr 198.18.1.0/24 meta l4proto udp th dport 443 snat ip to 198.18.2.50-198.18.2.59 comment "policy 3 clients-out"`,
    ]);
});
test('allowaccess: the input chain answers what each addressed interface allows and drops the rest', () => {
    assert.deepEqual(rules(shape('allowaccess'), 'input'), [
        ...INPUT_BASE,
        'meta l4proto udp th dport { 703, 708 } accept comment "HA heartbeat and session sync"',
        'icmpv6 type { nd-neighbor-solicit, nd-neighbor-advert, nd-router-solicit, nd-router-advert } accept comment "IPv6 neighbour discovery"',
        'iifname "tdm-port1" icmp type echo-request accept comment "allowaccess port1"',
        'iifname "tdm-port1" icmpv6 type echo-request accept comment "allowaccess port1"',
        'iifname "tdm-port1" tcp dport { 443, 22 } accept comment "allowaccess port1"',
        'iifname "tdm-port1" udp dport 161 accept comment "allowaccess port1"',
        'iifname { "tdm-port1", "tdm-port2" } drop comment "not in allowaccess"',
    ]);
});
test('FTP (FortiOS default session-helper on TCP 21): the helper object, given to new connections ahead of the SYN check', () => {
    const text = shape('no policy');
    assert.equal(text.split('\n').filter((l) => l === '\tct helper ftp { type "ftp" protocol tcp; l3proto inet; }').length, 1);
    assert.deepEqual(rules(text, 'forward').slice(0, 4), STATEFUL);
    assert.ok(!rules(text, 'input').includes(FTP_HELPER), 'forwarded traffic only');
});
test('a TCP session without SYN: dropped and counted before any policy, in forward and input alike', () => {
    const text = render(dataPlane([policy(1, { service: ['ALL'] })]));
    assert.equal(rules(text, 'forward')[3], DROP_WITHOUT_SYN, 'after the stateful rules, before policy 1');
    assert.equal(rules(text, 'input')[2], DROP_WITHOUT_SYN);
    assert.equal(text.split('\n').filter((l) => l.includes('counter tcp-without-syn')).length, 1, 'one counter, declared once');
});
test('tcp-session-without-syn: the exemption chain keeps first match over the policies ahead of the last exempt one', () => {
    const text = shape('tcp session without syn');
    assert.deepEqual(rules(text, 'forward').slice(0, 5), [
        'ct state established,related accept',
        'ct state invalid drop',
        FTP_HELPER,
        `${NEW_WITHOUT_SYN} jump tcp-session-without-syn`,
        DROP_WITHOUT_SYN,
    ]);
    const match = `${IF12} ip saddr 198.18.1.0/24 meta l4proto tcp th dport 80`;
    assert.deepEqual(regularRules(text, 'tcp-session-without-syn'), [
        `${IF12} ip saddr 198.18.1.7/32 meta l4proto tcp th dport 80 return comment "policy 41"`,
        `${IF12} ip saddr 198.18.1.0/24 ip daddr 198.18.2.7/32 meta l4proto tcp th dport 80 return comment "policy 42"`,
        `${match} accept comment "policy 44 mid-stream"`,
    ]);
    // The policies themselves are unchanged: the SYN that opens a session meets them as before.
    assert.ok(rules(text, 'forward').includes(`${match} ct state new accept comment "policy 44 mid-stream"`));
});
test('tcp-session-without-syn on a deny or disabled policy exempts nothing', () => {
    for (const p of [
        policy(51, { action: 'deny', tcpSessionWithoutSyn: true }),
        policy(52, { enabled: false, tcpSessionWithoutSyn: true }),
    ]) {
        const text = render(dataPlane([p, policy(53)]));
        assert.deepEqual(rules(text, 'forward').slice(0, 4), STATEFUL, `policy ${p.id}`);
        assert.ok(!text.includes('tcp-session-without-syn'), `policy ${p.id}: no exemption chain`);
    }
});
//# sourceMappingURL=ruleset.test.js.map