import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeRecord } from './protocol.js';
import { StreamEnd, socketFailure } from './stream-end.js';
const rec = (stream, seq) => encodeRecord({ stream, seq, sendMs: 0 });
test('records in order keep a stream alive; the longest gap between arrivals is its stall', () => {
    const client = new StreamEnd(2, 'connecting');
    assert.equal(client.next(0), null, 'nothing is written before the connection');
    client.connected();
    const first = client.next(0);
    assert.ok(first);
    assert.deepEqual([first.readUInt16BE(2), first.readUInt32BE(4)], [2, 0]);
    const server = new StreamEnd(null, 'alive');
    assert.equal(server.next(0), null, 'the server end writes once it knows the stream id');
    server.receive(first, 100);
    server.receive(Buffer.concat([rec(2, 1), rec(2, 2).subarray(0, 5)]), 110);
    server.receive(rec(2, 2).subarray(5), 620);
    server.receive(rec(2, 3), 630);
    const v = server.view(640);
    assert.deepEqual([v.id, v.state, v.received, v.reason], [2, 'alive', 4, null]);
    assert.deepEqual(v.maxStall, { ms: 510, startMs: 110, endMs: 620 });
    assert.deepEqual(server.next(650)?.readUInt16BE(2), 2);
});
test('a stall going on counts while the stream is alive', () => {
    const end = new StreamEnd(0, 'alive');
    end.receive(rec(0, 0), 10);
    end.receive(rec(0, 1), 20);
    assert.deepEqual(end.view(2020).maxStall, { ms: 2000, startMs: 20, endMs: null });
});
test('a record out of sequence or of another stream breaks the stream', () => {
    const a = new StreamEnd(0, 'alive');
    a.receive(Buffer.concat([rec(0, 0), rec(0, 2)]), 5);
    assert.deepEqual([a.view(6).state, a.view(6).reason, a.view(6).brokenAtMs], ['broken', 'out of sequence: record 2 where 1 was due', 5]);
    assert.equal(a.next(7), null, 'a broken stream writes nothing');
    const b = new StreamEnd(0, 'alive');
    b.receive(rec(1, 0), 5);
    assert.match(b.view(6).reason ?? '', /record of stream 1/);
    const c = new StreamEnd(0, 'alive');
    c.receive(Buffer.alloc(16), 5);
    assert.match(c.view(6).reason ?? '', /without the stream magic/);
});
test('the first failure is the one reported', () => {
    const end = new StreamEnd(0, 'alive');
    end.broke(socketFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })), 1);
    end.broke('closed', 2);
    assert.deepEqual([end.view(3).reason, end.view(3).brokenAtMs], ['reset', 1]);
    assert.equal(socketFailure(Object.assign(new Error('x'), { code: 'ETIMEDOUT' })), 'error ETIMEDOUT');
});
//# sourceMappingURL=stream-end.test.js.map