import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IPS, PROTO } from '../../hal/conntrack/index.js';
import { echo, manySessions, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { decodeKey, decodeSession } from './session-codec.js';
import { encodeKey, encodeSession } from './session-codec.testkit.js';
import { encodeRecord } from './sync-frames.js';
test('sessions of every kind survive the wire: TCP, UDP, ICMP, IPv6, NAT, a helper and its master', () => {
    const nat = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 80), {
        reply: tuple('198.18.2.10', '198.18.2.50', PROTO.TCP, 80, 61000),
        status: 0xe | IPS.SRC_NAT | IPS.SRC_NAT_DONE,
        mark: 5,
        zone: 3,
    });
    const related = session(tuple('198.18.2.10', '198.18.1.10', PROTO.TCP, 20, 50000), {
        status: 0xe | IPS.EXPECTED,
        helper: 'ftp',
        master: tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40001, 21),
    });
    for (const s of [...manySessions(12), nat, related, session(echo('2001:db8::1', '2001:db8::2', 7))]) {
        const back = decodeSession(encodeSession(s));
        assert.deepEqual(back, { ...s, id: 0 });
    }
});
test('a plain TCP session takes about 40 bytes; a key alone fewer', () => {
    const s = session(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 443));
    const bytes = encodeRecord(encodeSession(s)).length;
    assert.ok(bytes <= 45, `${bytes} bytes`);
    assert.ok(encodeRecord(encodeKey(s)).length < bytes);
    assert.deepEqual(decodeKey(encodeKey(s)), { family: 4, orig: s.orig, zone: 0 });
});
test('malformed records decode to null, never throw', () => {
    const good = encodeSession(session(tuple('198.18.1.10', '198.18.2.10', PROTO.UDP, 1, 2)));
    const bad = [
        null,
        'x',
        [],
        good.slice(0, 13),
        Object.assign([...good], { 0: 5 }),
        Object.assign([...good], { 2: Uint8Array.of(1, 2, 3) }),
        Object.assign([...good], { 4: 70000 }),
        Object.assign([...good], { 6: [1] }),
        Object.assign([...good], { 8: -1 }),
        Object.assign([...good], { 11: [1, 2] }),
        Object.assign([...good], { 12: 7 }),
        Object.assign([...good], { 13: ['x'] }),
    ];
    for (const w of bad)
        assert.equal(decodeSession(w), null, JSON.stringify(w));
    assert.equal(decodeKey([4, 6, Uint8Array.of(1, 2, 3, 4), Uint8Array.of(1, 2, 3), 1, 2, 0]), null);
});
//# sourceMappingURL=session-codec.test.js.map