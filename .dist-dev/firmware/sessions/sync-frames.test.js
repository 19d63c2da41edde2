import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Encoder } from 'cbor-x';
import { MAX_BODY_LEN } from '../ha/wire/header.js';
import { BatchBuilder, BatchMark, decodeSyncBody, encodeAck, encodeBatch, encodeRecord, RECORD_BUDGET } from './sync-frames.js';
/** A plain TCP session as session-codec.ts puts it on the wire. */
const TCP_RECORD = [
    4,
    6,
    Uint8Array.of(198, 18, 1, 10),
    Uint8Array.of(198, 18, 2, 10),
    40000,
    443,
    null,
    14,
    600,
    0,
    0,
    [3, 7, 7, 3, 3],
    '',
    null,
];
test('a batch is filled to the frame and reads back whole, at any seq', () => {
    const b = new BatchBuilder();
    const record = encodeRecord(TCP_RECORD);
    let n = 0;
    while (b.fits(record.length)) {
        b.add(record);
        n++;
    }
    assert.ok(n >= 30, `${n} records in a frame`);
    const batch = b.cut(BatchMark.Bulk | BatchMark.BulkBegin, 123456);
    assert.equal(b.count, 0);
    for (const seq of [0, 23, 255, 65536, 2 ** 32, 2 ** 53 - 1]) {
        const body = encodeBatch('TDSIM00000000002', 2 ** 20 + 1, seq, batch);
        assert.ok(body.length <= MAX_BODY_LEN, `${body.length} bytes at seq ${seq}`);
        const back = decodeSyncBody(body, body.length);
        assert.ok(back?.kind === 1);
        assert.equal(back.to, 'TDSIM00000000002');
        assert.equal(back.seq, seq);
        assert.equal(back.mark, BatchMark.Bulk | BatchMark.BulkBegin);
        assert.equal(back.total, 123456);
        assert.equal(back.records.length, n);
    }
    assert.ok(RECORD_BUDGET > 1300);
});
test('acks read back; anything else is null', () => {
    const ack = { epoch: 7, cumulative: 100, sack: [102, 105, 110, 111], dup: -1, resync: false };
    const body = encodeAck(ack);
    assert.deepEqual(decodeSyncBody(body, body.length), { kind: 2, ...ack });
    const cbor = new Encoder({ useRecords: false });
    const bad = [
        [2, 7, 100, [1], -1, false],
        [2, 7, 100, [], -2, false],
        [2, 7, 100, [], -1, 'no'],
        [1, 'B', 7, 0, 8, 0, []],
        [1, 'B', 7, 0, 0, 0, null],
        [1, 'B', 7, 0, 0, 0, [], []],
        [1, 7, 0, 0, 0, []],
        [1, '', 7, 0, 0, 0, []],
        [1, 'TDSIM000000000021', 7, 0, 0, 0, []],
        [9],
        { kind: 1 },
    ];
    for (const v of bad) {
        const b = cbor.encode(v);
        assert.equal(decodeSyncBody(b, b.length), null, JSON.stringify(v));
    }
    assert.equal(decodeSyncBody(Uint8Array.of(0xff, 0x00), 2), null);
});
test('a decoded batch does not depend on the frame buffer, which is reused (the stream holds batches for reordering)', () => {
    const b = new BatchBuilder();
    b.add(encodeRecord(TCP_RECORD));
    const frame = new Uint8Array(1500);
    const body = encodeBatch('TDSIM00000000002', 1, 0, b.cut());
    frame.set(body);
    const back = decodeSyncBody(frame, body.length);
    frame.fill(0xee);
    assert.ok(back?.kind === 1);
    const first = back.records[0];
    assert.ok(first?.kind === 'session');
    assert.equal(first.session.orig.src, '198.18.1.10');
});
//# sourceMappingURL=sync-frames.test.js.map