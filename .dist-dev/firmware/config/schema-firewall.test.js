import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printTree } from './printer.js';
import { ctx, loadError } from './schema.fixture.js';
import { firmwareSchema } from './schema-system.js';
import { treeFromText } from './tree-from-text.js';
/** `config <section>` / `edit <entry>` / the statement on line 3. */
function entryWith(section, entry, statement) {
    return [`config ${section}`, `    edit ${entry}`, `        ${statement}`, '    next', 'end', ''].join('\n');
}
const PORTS = 'allowed: port1, port2, port3, ha1, ha2, mgmt';
const IPMASK = 'allowed a.b.c.d m.m.m.m or a.b.c.d/0-32, contiguous mask';
const RANGE = 'allowed low[-high] with 1 <= low <= high <= 65535';
// [section, entry, statement, message tail after the statement]
const badValues = [
    ['system interface', '"port1"', 'set ip 198.18.1.1', `netmask missing, ${IPMASK}`],
    ['system interface', '"port1"', 'set ip 198.18.1.1/33', `prefix length out of range, ${IPMASK}`],
    ['system interface', '"port1"', 'set ip 198.18.1.1 255.0.255.0', `not a netmask, ${IPMASK}`],
    ['system interface', '"port1"', 'set ip 198.18.1.256 255.255.255.0', `not an IPv4 address, ${IPMASK}`],
    ['system interface', '"port1"', 'set ip 198.18.1.1 255.255.255.0 1', `address and mask only, ${IPMASK}`],
    ['system interface', '"port1"', 'set allowaccess ping telnet', 'unknown value, allowed: ping, https, ssh, http, snmp'],
    ['system interface', '"port1"', 'set allowaccess ping ping', 'ping listed twice'],
    ['system interface', '"port1"', 'set role inside', 'unknown value, allowed: lan, wan, dmz, undefined'],
    ['system interface', '"port1"', `set alias "${'a'.repeat(26)}"`, 'too long (26 characters), allowed at most 25 characters'],
    ['router static', '1', 'set distance 0', 'out of range, allowed 1-255'],
    ['router static', '1', 'set distance 256', 'out of range, allowed 1-255'],
    ['router static', '1', 'set device "port9"', `unknown port port9, ${PORTS}`],
    ['router static', '1', 'set status on', 'unknown value, allowed: enable, disable'],
    ['firewall address', '"a"', 'set type fqdn', 'unknown value, allowed: ipmask, iprange'],
    ['firewall address', '"a"', 'set start-ip 198.18.1', 'not an IPv4 address, allowed a.b.c.d, each 0-255'],
    ['firewall service custom', '"s"', 'set protocol TCP', 'unknown value, allowed: TCP/UDP/SCTP, ICMP, IP'],
    ['firewall service custom', '"s"', 'set tcp-portrange 80 0', `port range out of order or range, ${RANGE}`],
    ['firewall service custom', '"s"', 'set tcp-portrange 2000-1000', `port range out of order or range, ${RANGE}`],
    ['firewall service custom', '"s"', 'set udp-portrange 65536', `port range out of order or range, ${RANGE}`],
    ['firewall service custom', '"s"', 'set udp-portrange 53:1024', `not a port range, ${RANGE}`],
    ['firewall ippool', '"p"', 'set type one-to-one', 'unknown value, allowed: overload'],
    ['firewall policy', '1', 'set action allow', 'unknown value, allowed: accept, deny'],
    ['firewall policy', '1', 'set schedule "night"', 'unknown value, allowed: always'],
    ['firewall policy', '1', 'set srcaddr "a" "a"', 'a listed twice'],
    ['firewall policy', '1', 'set nat yes', 'unknown value, allowed: enable, disable'],
    ['firewall policy', '1', 'set tcp-session-without-syn on', 'unknown value, allowed: enable, disable'],
    ['system link-monitor', '"m"', 'set server "198.18.9.1" "198.18.9.1"', '198.18.9.1 listed twice'],
    ['system link-monitor', '"m"', 'set interval 19', 'out of range, allowed 20-3600000'],
    ['system link-monitor', '"m"', 'set failtime 3601', 'out of range, allowed 1-3600'],
];
test('data-plane options refuse bad values, naming line, entry, statement and what is allowed', () => {
    for (const [section, entry, statement, tail] of badValues) {
        const err = loadError(entryWith(section, entry, statement));
        assert.equal(err.code, 'value', statement);
        assert.equal(err.message, `line 3: config ${section}: edit ${entry}: ${statement}: ${tail}`);
    }
});
test('table keys: interfaces are board ports, policy ids and route numbers are positive integers', () => {
    assert.equal(loadError(entryWith('system interface', '"port9"', 'set role lan')).message, `line 2: config system interface: edit port9: unknown port port9, ${PORTS}`);
    assert.equal(loadError(entryWith('firewall policy', '0', 'set action deny')).message, 'line 2: config firewall policy: edit 0: out of range, allowed 1-4294967294');
    assert.equal(loadError(entryWith('router static', 'x', 'set distance 5')).message, 'line 2: config router static: edit x: not an integer, allowed 1-4294967295');
});
test('addresses: a.b.c.d/len reads as FortiOS prints it, address then dotted mask', () => {
    const cases = [
        ['198.18.1.1/24', '198.18.1.1 255.255.255.0'],
        ['198.18.1.1/32', '198.18.1.1 255.255.255.255'],
        ['198.18.2.0/23', '198.18.2.0 255.255.254.0'],
        ['198.18.0.0/15', '198.18.0.0 255.254.0.0'],
        ['198.18.1.1 255.255.255.128', '198.18.1.1 255.255.255.128'],
    ];
    for (const [written, printed] of cases) {
        const tree = treeFromText(entryWith('system interface', '"port1"', `set ip ${written}`), firmwareSchema, ctx);
        const text = printTree(tree, firmwareSchema, ctx, { full: false });
        assert.ok(text.includes(`config system interface\n    edit "port1"\n        set ip ${printed}\n    next\nend\n`), text);
    }
});
test('link monitors need a srcintf and a server', () => {
    assert.equal(loadError(entryWith('system link-monitor', '"m"', 'set server "198.18.9.1"')).message, 'line 2: config system link-monitor: edit "m": set srcintf: a link monitor needs a srcintf');
    assert.equal(loadError(entryWith('system link-monitor', '"m"', 'set srcintf "port2"')).message, 'line 2: config system link-monitor: edit "m": set server: a link monitor needs a server');
});
//# sourceMappingURL=schema-firewall.test.js.map