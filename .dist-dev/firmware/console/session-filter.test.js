import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROTO } from '../../hal/conntrack/index.js';
import { echo, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { SessionFilter } from './session-filter.js';
const web = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443));
const dns = session(tuple('198.18.1.11', '198.18.2.53', PROTO.UDP, 53001, 53));
const ping = session(echo('198.18.1.10', '198.18.2.10', 77));
const web6 = session(tuple('2001:db8:1::10', '2001:db8:2::10', PROTO.TCP, 40001, 443));
const all = [web, dns, ping, web6];
function passing(filter) {
    return all.flatMap((s, i) => (filter.matches(s) ? [i] : []));
}
test('an empty filter passes everything and lists every field as any', () => {
    const f = new SessionFilter();
    assert.deepEqual(passing(f), [0, 1, 2, 3]);
    assert.equal(f.describe(), 'session filter:\nproto: any\nsource ip: any\ndest ip: any\nsource port: any\ndest port: any\n');
});
test('one value or a from-to range per field; a new value replaces the old', () => {
    const f = new SessionFilter();
    assert.equal(f.set('dport', ['443']), '');
    assert.deepEqual(passing(f), [0, 3]);
    assert.equal(f.set('src', ['198.18.1.10']), '');
    assert.deepEqual(passing(f), [0]);
    assert.equal(f.set('src', ['198.18.1.0', '198.18.1.255']), '');
    assert.equal(f.set('dport', ['50', '60']), '');
    assert.deepEqual(passing(f), [1]);
    assert.match(f.describe(), /^source ip: 198\.18\.1\.0-198\.18\.1\.255$/m);
    assert.match(f.describe(), /^dest port: 50-60$/m);
    f.clear();
    assert.equal(f.set('proto', ['17']), '');
    assert.equal(f.set('sport', ['53001']), '');
    assert.deepEqual(passing(f), [1]);
    assert.match(f.describe(), /^proto: 17-17$/m);
});
test('IPv6 addresses and ranges match IPv6 sessions only', () => {
    const f = new SessionFilter();
    assert.equal(f.set('dst', ['2001:db8:2::1', '2001:db8:2::ffff']), '');
    assert.deepEqual(passing(f), [3]);
    assert.equal(f.set('dst', ['2001:DB8:2:0::10']), '', 'any spelling of the address');
    assert.deepEqual(passing(f), [3]);
});
test('ICMP is filtered by its echo id as the source port and its type as the destination port', () => {
    const f = new SessionFilter();
    f.set('sport', ['77']);
    assert.deepEqual(passing(f), [2]);
    f.clear();
    f.set('dport', ['8']);
    assert.deepEqual(passing(f), [2]);
});
test('negate inverts one field; clear empties values and negations', () => {
    const f = new SessionFilter();
    assert.equal(f.negate(['dport']), '');
    assert.deepEqual(passing(f), [0, 1, 2, 3], 'a negated field without a value passes everything');
    assert.match(f.describe(), /^dest port: any \(negate: applies once set\)$/m);
    f.set('dport', ['443']);
    assert.deepEqual(passing(f), [1, 2]);
    assert.match(f.describe(), /^dest port: 443-443 \(negated\)$/m);
    f.set('src', ['198.18.1.10']);
    assert.deepEqual(passing(f), [2], 'the other fields still have to match');
    f.clear();
    f.set('dport', ['443']);
    assert.deepEqual(passing(f), [0, 3]);
});
test('bad values: FortiOS errors naming the word and what is allowed; the filter is unchanged', () => {
    const f = new SessionFilter();
    f.set('dport', ['443']);
    const cases = [
        [['src', ['198.18.1.300']], "value parse error before '198.18.1.300': src needs an IPv4 or IPv6 address"],
        [['dst', ['server']], "value parse error before 'server': dst needs an IPv4 or IPv6 address"],
        [['sport', ['65536']], "value parse error before '65536': sport needs a port, an integer 0-65535"],
        [['dport', ['-1']], "value parse error before '-1': dport needs a port, an integer 0-65535"],
        [['proto', ['tcp']], "value parse error before 'tcp': proto needs an IP protocol number, an integer 0-255"],
        [['proto', ['256']], "value parse error before '256': proto needs an IP protocol number"],
        [['dport', ['90', '80']], "value parse error before '80': dport range must not end below its start 90"],
        [['src', ['198.18.1.1', '2001:db8::1']], "value parse error before '2001:db8::1': src range ends must be of one family"],
    ];
    for (const [args, message] of cases) {
        const out = f.set(...args);
        assert.ok(out.startsWith(message), `${args.join(' ')}: ${out}`);
        assert.ok(out.endsWith('Command fail. Return code -651\n'), out);
    }
    assert.equal(f.set('sport', ['1', '2', '3']), "command parse error before '3': sport takes a port, an integer 0-65535, or a range: <from> <to>\n" +
        'Command fail. Return code -61\n');
    assert.equal(f.set('src', []), 'src takes an IPv4 or IPv6 address, e.g. 198.18.1.10, or a range: <from> <to>\nCommand fail. Return code -160\n');
    assert.deepEqual(passing(f), [0, 3], 'only dport 443 still applies');
});
test('negate names the fields it takes', () => {
    const f = new SessionFilter();
    assert.equal(f.negate(['policy']), "command parse error before 'policy': negate takes one of: proto, src, dst, sport, dport\nCommand fail. Return code -61\n");
    assert.equal(f.negate([]), 'negate takes one of: proto, src, dst, sport, dport\nCommand fail. Return code -160\n');
    assert.match(f.negate(['src', 'dst']), /^command parse error before 'dst'/);
    assert.match(f.negate(['\x1b[2J']), /^command parse error before '\^\[\[2J'/);
});
//# sourceMappingURL=session-filter.test.js.map