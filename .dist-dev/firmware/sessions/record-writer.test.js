/** The primary's byte writer against the record arrays and cbor-x: the same bytes, byte strings untagged. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROTO } from '../../hal/conntrack/index.js';
import { manySessions, tuple } from '../../hal/conntrack/records.fixture.js';
import { keyRecord, sessionRecord } from './record-writer.js';
import { encodeKey, encodeSession } from './session-codec.testkit.js';
import { BatchBuilder, decodeSyncBody, encodeBatch, encodeRecord } from './sync-frames.js';
/** cbor-x writes a Buffer as a plain byte string, a Uint8Array tagged. */
const untagged = (w) => (w instanceof Uint8Array ? Buffer.from(w) : Array.isArray(w) ? w.map(untagged) : w);
const base = manySessions(36);
const first = base[0];
const v6 = base[3];
const SESSIONS = [
    ...base,
    { ...first, reply: { ...first.reply, dst: '198.18.200.1', dport: 40000 } },
    { ...first, helper: 'ftp', status: 0xffffffff, timeout: 0x10000, mark: 0x80000000, zone: 300 },
    { ...first, tcp: null, timeout: 23, mark: 255 },
    { ...v6, helper: 'sip', master: tuple('2001:db8:1::1', '2001:db8::9', PROTO.TCP, 5060, 5060) },
];
test('a session record is the bytes cbor-x writes of its array, byte strings untagged', () => {
    for (const s of SESSIONS) {
        assert.deepEqual(sessionRecord(s), new Uint8Array(encodeRecord(untagged(encodeSession(s)))), JSON.stringify(s));
        assert.deepEqual(keyRecord(s), new Uint8Array(encodeRecord(untagged(encodeKey(s)))), JSON.stringify(s));
    }
});
test('records written by hand come back whole through a batch', () => {
    const b = new BatchBuilder();
    for (const s of SESSIONS)
        b.add(sessionRecord(s));
    for (const s of SESSIONS.slice(0, 6))
        b.add(keyRecord(s));
    const body = encodeBatch('TDSIM00000000002', 3, 9, b.cut());
    const back = decodeSyncBody(body, body.length);
    assert.ok(back?.kind === 1);
    assert.deepEqual(back.records, [
        ...SESSIONS.map((s) => ({ kind: 'session', session: { ...s, id: 0, startWallMs: 0 } })),
        ...SESSIONS.slice(0, 6).map((s) => ({ kind: 'delete', key: { family: s.family, orig: s.orig, zone: s.zone } })),
    ]);
});
test('an address not of its family, or a helper name too long for the wire, is refused', () => {
    assert.throws(() => sessionRecord({ ...first, orig: { ...first.orig, src: '2001:db8::1' } }), /not IPv4/);
    assert.throws(() => keyRecord({ ...v6, orig: { ...v6.orig, dst: '198.18.0.1' } }), /not IPv6/);
    assert.throws(() => sessionRecord({ ...first, helper: 'x'.repeat(24) }), /helper name/);
    assert.equal(sessionRecord({ ...first, helper: 'x'.repeat(16) }).length > 0, true);
});
//# sourceMappingURL=record-writer.test.js.map