/**
 * The session sync decoders against what a peer, a bad cable or an attacker with the key may
 * send: random bytes, valid bodies mutated, and random CBOR structures shaped like the real
 * ones. They never throw; what they accept is well formed (it encodes back to itself).
 * Seeded: SYNC_FUZZ_SEED replays a run.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Encoder } from 'cbor-x';
import { PROTO } from '../../hal/conntrack/index.js';
import { expectation, manySessions, tuple } from '../../hal/conntrack/records.fixture.js';
import { readBatch } from './batch-reader.js';
import { encodeExpectationAdd, encodeExpectationDelete } from './expectation-codec.js';
import { decodeKey, decodeSession, KEY_FIELDS } from './session-codec.js';
import { encodeKey, encodeSession } from './session-codec.testkit.js';
import { prng } from './stream/channel.fake.js';
import { BatchBuilder, decodeSyncBody, encodeAck, encodeBatch, encodeRecord, genericSyncBody, } from './sync-frames.js';
import { decodeRecord } from './sync-records.js';
const SEED = Number(process.env.SYNC_FUZZ_SEED ?? 0x5e551095);
const CASES = 12_000;
const cbor = new Encoder({ useRecords: false, mapsAsObjects: true });
function fuzzer(seed) {
    const rnd = prng(seed);
    const below = (n) => Math.floor(rnd() * n);
    const pick = (xs) => xs[below(xs.length)];
    const bytes = (n) => Uint8Array.from({ length: n }, () => below(256));
    /** Any CBOR-able value, shallow or nested. */
    const any = (depth = 0) => {
        switch (below(depth > 2 ? 9 : 11)) {
            case 0:
                return below(256);
            case 1:
                return pick([-1, -0.5, 0.5, 2 ** 16, 2 ** 32, 2 ** 53, 2 ** 64, Number.NaN, Number.POSITIVE_INFINITY]);
            case 2:
                return below(2 ** 31);
            case 3:
                return pick(['', 'ftp', 'x'.repeat(17), 'TDSIM00000000002', '\u00e9\u0000']);
            case 4:
                return bytes(pick([0, 3, 4, 5, 15, 16, 17]));
            case 5:
                return null;
            case 6:
                return pick([true, false, undefined]);
            case 7:
                return { kind: 1, __proto__: { polluted: true }, length: 14 };
            case 8:
                return -below(2 ** 20);
            default:
                return Array.from({ length: below(8) }, () => any(depth + 1));
        }
    };
    return { rnd, below, pick, bytes, any };
}
const SESSIONS = manySessions(24);
test(`decodeSession and decodeKey take ${CASES} random records without throwing; what they accept encodes back to itself`, () => {
    const f = fuzzer(SEED);
    let sessions = 0;
    let keys = 0;
    for (let i = 0; i < CASES; i++) {
        // A real record with a few fields replaced, or a random array of a plausible length, or anything.
        let w;
        const shape = f.below(4);
        if (shape < 2) {
            // A field from another record (IPv6 addresses in an IPv4 session, ICMP codes in a TCP
            // one...) or any value at all.
            const encode = shape === 0 ? encodeSession : encodeKey;
            const real = encode(f.pick(SESSIONS));
            for (let n = 1 + f.below(3); n > 0; n--) {
                const at = f.below(real.length);
                real[at] = f.below(2) === 0 ? encode(f.pick(SESSIONS))[at] : f.any();
            }
            w = real;
        }
        else if (shape === 2) {
            w = Array.from({ length: f.pick([KEY_FIELDS, 14, 13, 15, 0]) }, () => f.any());
        }
        else {
            w = f.any();
        }
        // Half go through the wire, so the values are what cbor-x hands over (Buffers, not Uint8Arrays).
        if (f.below(2) === 0) {
            try {
                const b = cbor.encode(w);
                w = cbor.decode(b);
            }
            catch {
                continue;
            }
        }
        const s = decodeSession(w);
        if (s) {
            sessions++;
            assert.deepEqual(decodeSession(encodeSession(s)), s, `case ${i}: ${JSON.stringify(w)}`);
        }
        const k = decodeKey(w);
        if (k) {
            keys++;
            assert.deepEqual(decodeKey(encodeKey(k)), k, `case ${i}`);
        }
    }
    assert.ok(sessions > 500 && keys > 500, `some were well formed: ${sessions} sessions, ${keys} keys`);
});
const EXPECTATIONS = [
    expectation(tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 40000, 21), tuple('198.18.1.10', '198.18.2.10', PROTO.TCP, 0, 30001)),
    expectation(tuple('2001:db8::1', '2001:db8::2', PROTO.TCP, 40000, 21), tuple('2001:db8::1', '2001:db8::2', PROTO.TCP, 0, 30002), {
        fn: 'nat-follow-master',
        nat: tuple('::', '::', PROTO.TCP, 30002, 0),
    }),
];
test(`decodeRecord takes ${CASES} mutated expectation records without throwing; what it accepts encodes back to itself`, () => {
    const f = fuzzer(SEED ^ 0x3e);
    let accepted = 0;
    for (let i = 0; i < CASES; i++) {
        const encode = f.below(2) === 0 ? encodeExpectationAdd : encodeExpectationDelete;
        let w = encode(f.pick(EXPECTATIONS));
        const real = w;
        for (let n = f.below(3); n > 0; n--)
            real[f.below(real.length)] = f.below(2) === 0 ? encode(f.pick(EXPECTATIONS))[f.below(real.length)] : f.any();
        if (f.below(2) === 0) {
            try {
                w = cbor.decode(cbor.encode(w));
            }
            catch {
                continue;
            }
        }
        const r = decodeRecord(w);
        if (r?.kind === 'expectation') {
            accepted++;
            assert.deepEqual(decodeRecord(encodeExpectationAdd(r.expectation)), r, `case ${i}`);
        }
        else if (r?.kind === 'expectation-delete') {
            accepted++;
            assert.deepEqual(decodeRecord(encodeExpectationDelete(r.key)), r, `case ${i}`);
        }
    }
    assert.ok(accepted > 1000, `some were well formed: ${accepted}`);
});
function checkBody(b, at) {
    const safe = (n) => Number.isSafeInteger(n) && n >= 0;
    assert.ok(safe(b.epoch), at);
    if (b.kind === 1) {
        assert.ok(typeof b.to === 'string' && b.to.length >= 1 && b.to.length <= 16, at);
        assert.ok(safe(b.seq) && safe(b.total) && safe(b.mark) && b.mark <= 7 && Array.isArray(b.records), at);
    }
    else {
        assert.ok(safe(b.cumulative) && (b.dup === -1 || safe(b.dup)) && typeof b.resync === 'boolean', at);
        assert.ok(b.sack.length % 2 === 0 && b.sack.length <= 64 && b.sack.every(safe), at);
        const again = encodeAck(b);
        assert.deepEqual(decodeSyncBody(again, again.length), b, at);
    }
}
test(`decodeSyncBody takes ${CASES} random, mutated and made-up bodies without throwing; what it accepts is well formed`, () => {
    const f = fuzzer(SEED ^ 0x9e3779b9);
    const builder = new BatchBuilder();
    for (const s of SESSIONS)
        builder.add(encodeRecord(encodeSession(s)));
    const batch = builder.cut(3, 24);
    const valid = [
        encodeBatch('TDSIM00000000002', 2 ** 20 + 3, 17, batch),
        encodeBatch('B', 0, 2 ** 40, { mark: 0, total: 0, records: [], bytes: 0 }),
        encodeAck({ epoch: 2 ** 20 + 3, cumulative: 17, sack: [19, 21, 30, 31], dup: 18, resync: false }),
        encodeAck({ epoch: 5, cumulative: 0, sack: [], dup: -1, resync: true }),
    ];
    const kinds = { random: 0, mutated: 0, madeUp: 0 };
    let accepted = 0;
    for (let i = 0; i < CASES; i++) {
        let body;
        const kind = f.below(3);
        if (kind === 0) {
            kinds.random++;
            body = f.bytes(f.below(300));
        }
        else if (kind === 1) {
            kinds.mutated++;
            body = f.pick(valid).slice();
            for (let n = 1 + f.below(4); n > 0; n--)
                body[f.below(body.length)] = f.below(256);
            const cut = f.below(8);
            if (cut === 0)
                body = body.slice(0, f.below(body.length));
            else if (cut === 1)
                body = Uint8Array.from([...body, ...f.bytes(1 + f.below(8))]);
        }
        else {
            kinds.madeUp++;
            const head = f.pick([1, 2, 1, 2, 0, 3]);
            const fields = Array.from({ length: f.pick([5, 6, 7, 7, 8]) }, () => f.any());
            if (f.below(2) === 0)
                fields[0] = f.pick(['TDSIM00000000002', 7]);
            body = new Uint8Array(cbor.encode([head, ...fields]));
        }
        // Sometimes the body is shorter than the buffer it sits in.
        const length = f.below(8) === 0 ? f.below(body.length + 1) : body.length;
        const padded = new Uint8Array(length + f.below(16));
        padded.set(body.subarray(0, length));
        const b = decodeSyncBody(padded, length);
        if (b) {
            accepted++;
            checkBody(b, `case ${i}`);
        }
    }
    assert.ok(Object.values(kinds).every((n) => n > CASES / 4), JSON.stringify(kinds));
    assert.ok(accepted > 100, `${accepted} accepted`);
});
/** A wire record with its byte strings as Buffers (cbor-x writes them without the Uint8Array tag), at random. */
function untagged(w, f) {
    if (w instanceof Uint8Array)
        return f.below(2) === 0 ? Buffer.from(w) : w;
    return Array.isArray(w) ? w.map((x) => untagged(x, f)) : w;
}
test(`the batch reader and the generic decoder agree on ${CASES} batches: valid, mutated, cut, and of every record kind`, () => {
    const f = fuzzer(SEED ^ 0x2545f491);
    const nat = { ...SESSIONS[0], reply: { ...SESSIONS[0].reply, dst: '198.18.200.1', dport: 40000 } };
    const helped = { ...SESSIONS[0], helper: 'ftp' };
    const related = { ...SESSIONS[1], master: tuple('198.18.0.1', '198.19.0.9', PROTO.TCP, 1030, 21) };
    const master = tuple('198.18.0.1', '198.19.0.9', PROTO.TCP, 1030, 21);
    const exp = expectation(master, tuple('198.18.0.1', '198.19.0.9', PROTO.TCP, 0, 40001));
    const wires = [
        ...SESSIONS.map(encodeSession),
        ...SESSIONS.map(encodeKey),
        encodeSession(nat),
        encodeSession(helped),
        encodeSession(related),
        encodeExpectationAdd(exp),
        encodeExpectationDelete(exp),
        [18, 4, 'a newer kind'],
    ];
    let fast = 0;
    let agreedAccepted = 0;
    for (let i = 0; i < CASES; i++) {
        const builder = new BatchBuilder();
        for (let n = f.below(40); n > 0; n--) {
            const w = untagged(f.pick(wires), f);
            builder.add(f.below(20) === 0 ? new Uint8Array(cbor.encode(f.any())) : encodeRecord(w));
        }
        let body = encodeBatch(f.pick(['TDSIM00000000002', 'B']), f.pick([0, 7, 2 ** 20 + 3, 2 ** 40]), f.below(2 ** 16), builder.cut(f.below(8), f.below(3) * 1000));
        const change = f.below(4);
        if (change === 1) {
            body = body.slice();
            for (let n = 1 + f.below(3); n > 0; n--)
                body[f.below(body.length)] = f.below(256);
        }
        else if (change === 2)
            body = body.slice(0, f.below(body.length));
        else if (change === 3)
            body = Uint8Array.from([...body, ...f.bytes(1 + f.below(4))]);
        const reference = genericSyncBody(body, body.length);
        const got = decodeSyncBody(body, body.length);
        assert.deepEqual(got, reference, `case ${i}`);
        if (readBatch(body, body.length, () => null) !== undefined)
            fast++;
        if (got)
            agreedAccepted++;
    }
    assert.ok(fast > CASES / 3, `the reader walked ${fast} of the bodies itself`);
    assert.ok(agreedAccepted > CASES / 3, `${agreedAccepted} accepted by both`);
});
//# sourceMappingURL=sync-fuzz.test.js.map