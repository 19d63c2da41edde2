import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from 'cbor-x';
import { PROTO } from '../../hal/conntrack/index.js';
import { expectation, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { decodeExpectationAdd, decodeExpectationDelete, ExpectationKind, encodeExpectationAdd, encodeExpectationDelete, } from './expectation-codec.js';
import { decodeKey, decodeSession } from './session-codec.js';
import { encodeKey, encodeSession } from './session-codec.testkit.js';
import { decodeSyncBody, encodeBatch, encodeRecord } from './sync-frames.js';
import { decodeRecord } from './sync-records.js';
const control = tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21);
const plain = expectation(control, tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001));
const natted = expectation(control, tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30002), {
    fn: 'nat-follow-master',
    natDir: 1,
    nat: tuple('0.0.0.0', '0.0.0.0', PROTO.TCP, 30002, 0),
    flags: 0x4,
    expectClass: 1,
    timeout: 17,
});
const v6 = expectation(tuple('2001:db8::1', '2001:db8:2::1', PROTO.TCP, 40000, 21), tuple('2001:db8::1', '2001:db8:2::1', PROTO.TCP, 0, 30003));
/** Records as a secondary gets them: in a batch, through CBOR, decoded. */
function throughBatch(records) {
    const encoded = records.map(encodeRecord);
    const batch = { mark: 0, total: 0, records: encoded, bytes: encoded.reduce((n, r) => n + r.length, 0) };
    const body = encodeBatch('TDSIM00000000002', 1, 0, batch);
    const decoded = decodeSyncBody(body, body.length);
    assert.equal(decoded?.kind, 1);
    return decoded?.kind === 1 ? decoded.records : [];
}
test('expectations and their deletions survive the wire: helper, class, flags, expect function, NAT, IPv6', () => {
    const records = [plain, natted, v6].flatMap((e) => [encodeExpectationAdd(e), encodeExpectationDelete(e)]);
    const back = throughBatch(records);
    assert.deepEqual(back, [
        { kind: 'expectation', expectation: plain },
        { kind: 'expectation-delete', key: { family: 4, tuple: plain.tuple } },
        { kind: 'expectation', expectation: natted },
        { kind: 'expectation-delete', key: { family: 4, tuple: natted.tuple } },
        { kind: 'expectation', expectation: v6 },
        { kind: 'expectation-delete', key: { family: 6, tuple: v6.tuple } },
    ]);
    assert.ok(encodeRecord(encodeExpectationAdd(plain)).length <= 80, 'an expectation fits about 15 to a frame');
});
test('sessions and keys decode as records as before, in the same batch as expectations', () => {
    const s = session(control, { helper: 'ftp' });
    const back = throughBatch([encodeSession(s), encodeExpectationAdd(plain), encodeKey(s)]);
    assert.deepEqual(back, [
        { kind: 'session', session: { ...s, id: 0 } },
        { kind: 'expectation', expectation: plain },
        { kind: 'delete', key: { family: 4, orig: control, zone: 0 } },
    ]);
});
test('a unit from before expectations were synced refuses their records as malformed, without throwing', () => {
    for (const record of [encodeExpectationAdd(natted), encodeExpectationDelete(plain)]) {
        // As that unit read a batch: the body through the generic CBOR decoder, then each record.
        const w = decode(encodeRecord(record));
        assert.equal(decodeSession(w), null);
        assert.equal(decodeKey(w), null);
    }
});
test('a record kind from a newer version is unknown, not malformed; stray numbers and broken records are malformed', () => {
    assert.deepEqual(decodeRecord([18, 4, 'whatever']), { kind: 'unknown' });
    assert.deepEqual(decodeRecord([255]), { kind: 'unknown' });
    const add = encodeExpectationAdd(natted);
    const bad = [
        null,
        [],
        [5],
        [256, 4],
        [-1],
        [16.5],
        add.slice(0, 10),
        Object.assign([...add], { 1: 5 }),
        Object.assign([...add], { 2: [1, 2, 3] }),
        Object.assign([...add], { 3: null }),
        Object.assign([...add], { 5: -1 }),
        Object.assign([...add], { 7: 'x'.repeat(40) }),
        Object.assign([...add], { 8: 300 }),
        Object.assign([...add], { 9: 7 }),
        Object.assign([...add], { 10: [2, add[2]] }),
        Object.assign([...add], { 10: [0, 'x'] }),
        [ExpectationKind.Delete, 4],
        [ExpectationKind.Delete, 6, add[2]],
    ];
    for (const w of bad)
        assert.equal(decodeRecord(w), null, JSON.stringify(w));
    assert.equal(decodeExpectationAdd(encodeExpectationDelete(plain)), null);
    assert.equal(decodeExpectationDelete(add), null);
});
//# sourceMappingURL=expectation-codec.test.js.map