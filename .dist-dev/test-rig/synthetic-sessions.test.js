import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PROTO } from '../hal/conntrack/index.js';
import { CLIENT_NET, MAX_SESSIONS, SPORT_BASE, syntheticIndex, syntheticSession, syntheticTuple } from './synthetic-sessions.js';
test('each index has a tuple of its own, and the tuple gives the index back', () => {
    const seen = new Set();
    for (const i of [0, 1, 255, 256, 65_535, 65_536, 65_537, 999_999, 1_000_000, 2_000_123, MAX_SESSIONS - 1]) {
        const t = syntheticTuple(i, 10);
        const key = `${t.proto} ${t.src} ${t.sport} ${t.dst} ${t.dport}`;
        assert.ok(!seen.has(key), `index ${i} repeats ${key}`);
        seen.add(key);
        assert.equal(syntheticIndex(t), i);
    }
});
test('a run of 200000 consecutive indices has no repeated tuple', () => {
    const keys = new Set();
    for (let i = 1_000_000; i < 1_200_000; i++) {
        const t = syntheticTuple(i);
        keys.add(`${t.src}:${t.sport}`);
    }
    assert.equal(keys.size, 200_000);
});
test('index 65536·k + h is client host h on port SPORT_BASE + k', () => {
    const t = syntheticTuple(3 * 65_536 + 258);
    assert.equal(t.src, `${CLIENT_NET}.1.2`);
    assert.equal(t.sport, SPORT_BASE + 3);
});
test('udpPercent makes i mod 100 below it UDP; the rest is TCP established with window tracking', () => {
    const kinds = Array.from({ length: 100 }, (_, i) => syntheticSession(i, { udpPercent: 25, timeoutS: 60 }));
    assert.equal(kinds.filter((s) => s.orig.proto === PROTO.UDP).length, 25);
    const udp = kinds[24];
    const tcp = kinds[25];
    assert.equal(udp?.orig.proto, PROTO.UDP);
    assert.equal(udp?.tcp, null);
    assert.equal(tcp?.orig.proto, PROTO.TCP);
    assert.equal(tcp?.tcp?.state, 3);
    assert.equal(tcp?.tcp?.wscaleOrig, 7);
    assert.equal(tcp?.timeout, 60);
    assert.equal(tcp?.status, 0xe);
    assert.deepEqual(tcp?.reply, {
        ...tcp?.orig,
        src: tcp?.orig.dst,
        dst: tcp?.orig.src,
        sport: tcp?.orig.dport,
        dport: tcp?.orig.sport,
    });
});
test('tuples that are not a loader session give -1', () => {
    const t = syntheticTuple(42);
    assert.equal(syntheticIndex({ ...t, dst: '198.18.2.10' }), -1);
    assert.equal(syntheticIndex({ ...t, dport: 80 }), -1);
    assert.equal(syntheticIndex({ ...t, src: '198.18.1.10' }), -1);
    assert.equal(syntheticIndex({ ...t, sport: SPORT_BASE - 1 }), -1);
    assert.equal(syntheticIndex({ ...t, proto: PROTO.ICMP }), -1);
});
test('indices outside 0 … MAX_SESSIONS-1 are refused', () => {
    assert.throws(() => syntheticTuple(-1), RangeError);
    assert.throws(() => syntheticTuple(MAX_SESSIONS), RangeError);
    assert.throws(() => syntheticTuple(1.5), RangeError);
});
//# sourceMappingURL=synthetic-sessions.test.js.map