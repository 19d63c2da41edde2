import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Encoder } from 'cbor-x';
import { prng } from '../sessions/stream/channel.fake.js';
import { COMPRESS_ABOVE, decodeMessage, encodeMessage, LINK_KINDS } from './messages.js';
const hex = (b) => Buffer.from(b).toString('hex');
const cbor = new Encoder({ useRecords: false, mapsAsObjects: true, tagUint8Array: false });
/** A message as any CBOR encoder would write it: flag 0, then the map. */
const raw = (m) => new Uint8Array([0, ...cbor.encode(m)]);
const SUMS = { global: '7e06', root: '432c', all: '0b16', sections: { 'system.ha': 'd6c2', 'firewall.policy': '00aa' } };
const KEYS = { groupId: 7, groupName: 'rig', password: 'ENC abc', encryption: true };
/** One message of every kind, optional fields present in some. */
const SAMPLES = [
    { k: 'hello', sums: SUMS, syncConfig: true, isPrimary: false },
    {
        k: 'push',
        v: 3,
        base: '0b16',
        full: false,
        reason: 'commit on B',
        sections: [['firewall.policy', 'config firewall policy\nend\n']],
        sums: SUMS,
    },
    { k: 'result', v: 3, ok: false, reason: 'policy 3: srcintf', sums: SUMS, applyMs: 12.5 },
    { k: 'commit', id: 1, sections: [['system.global', 'config system global\nend\n']], base: { 'system.global': 'aa' } },
    { k: 'commit-result', id: 1, ok: true, v: 4 },
    { k: 'sync-req', reason: 'base mismatch' },
    { k: 'sums-req', id: 9 },
    { k: 'sums', id: 9, debugzone: SUMS, checksum: SUMS },
    { k: 'key-prepare', id: 2, next: KEYS },
    { k: 'key-ready', id: 2 },
    { k: 'key-refused', id: 2, reason: 'not from the primary' },
    { k: 'key-switch', id: 2 },
    { k: 'key-abort', id: 2, reason: 'timeout' },
    { k: 'con-open', sid: 1, admin: 'admin' },
    { k: 'con-in', sid: 1, line: 'get system status' },
    { k: 'con-out', sid: 1, output: 'Version: …\n', prompt: 'TDM-B # ', input: 'secret', exit: false },
    { k: 'con-close', sid: 1 },
    { k: 'img-offer', id: 1, version: '1.1.0', size: 3, sha256: 'ab'.repeat(32), sig: 'c2ln\n' },
    { k: 'img-chunk', id: 1, at: 0, data: Uint8Array.of(1, 2, 3) },
    { k: 'img-state', id: 1, state: 'refused', got: 0, version: '1.1.0', reason: 'no key' },
    { k: 'echo', id: 1, reply: false, data: Uint8Array.of(1, 2, 3) },
];
test('every kind has a sample, and each reads back as it was', () => {
    assert.deepEqual(new Set(SAMPLES.map((m) => m.k)), new Set(LINK_KINDS));
    for (const m of SAMPLES) {
        const d = decodeMessage(encodeMessage(m));
        assert.ok(d.ok, m.k);
        assert.deepEqual({ ...d.message }, m);
    }
});
test('byte fixture: flag 0, then the map as written; a canonical map head reads the same', () => {
    const fields = `616b 68${hex(Buffer.from('sync-req'))} 66${hex(Buffer.from('reason'))} 6178`;
    // cbor-x writes a map's length on two bytes (b9 0002), valid CBOR if not the shortest.
    assert.equal(hex(encodeMessage({ k: 'sync-req', reason: 'x' })), `00 b90002 ${fields}`.replace(/ /g, ''));
    const canonical = new Uint8Array(Buffer.from(`00 a2 ${fields}`.replace(/ /g, ''), 'hex'));
    assert.deepEqual(decodeMessage(canonical), { ok: true, message: { k: 'sync-req', reason: 'x' } });
    assert.equal(hex(encodeMessage({ k: 'echo', id: 1, reply: true, data: Uint8Array.of(9) })).slice(-4), '4109', 'bytes untagged');
});
test('above 4 KB of CBOR the map is raw-deflated (flag bit 0); at or below, not', () => {
    const text = (n) => 'set comments "x"\n'.repeat(n);
    const small = { k: 'sync-req', reason: text(1) };
    assert.equal(encodeMessage(small)[0], 0);
    const big = { k: 'sync-req', reason: text(1000) };
    const b = encodeMessage(big);
    assert.equal(b[0], 1);
    assert.ok(b.length < COMPRESS_ABOVE);
    assert.deepEqual(cbor.decode(inflateRawSync(b.subarray(1))), big);
    assert.deepEqual(decodeMessage(b), { ok: true, message: big });
    // An image chunk is zstd already: never deflated, whatever its size.
    const chunk = { k: 'img-chunk', id: 1, at: 0, data: new Uint8Array(64 << 10).fill(7) };
    const c = encodeMessage(chunk);
    assert.equal(c[0], 0);
    assert.deepEqual(decodeMessage(c), { ok: true, message: chunk });
});
test('the ladder: malformed bytes, maps and fields; unknown kinds; fields beyond the kind left out', () => {
    const malformed = { ok: false, reason: 'malformedMessage' };
    assert.deepEqual(decodeMessage(new Uint8Array(0)), malformed);
    assert.deepEqual(decodeMessage(Uint8Array.of(0)), malformed);
    assert.deepEqual(decodeMessage(Uint8Array.of(2, 0xa0)), malformed, 'an unknown flag bit');
    assert.deepEqual(decodeMessage(Uint8Array.of(1, 0xff, 0xff)), malformed, 'not deflate');
    assert.deepEqual(decodeMessage(raw([1, 2])), malformed);
    assert.deepEqual(decodeMessage(raw({ v: 1 })), malformed);
    assert.deepEqual(decodeMessage(raw({ k: 7 })), malformed);
    assert.deepEqual(decodeMessage(raw({ k: 'ping', id: 1 })), { ok: false, reason: 'unknownKind' });
    assert.deepEqual(decodeMessage(raw({ k: 'toString' })), { ok: false, reason: 'unknownKind' });
    const fieldFaults = [
        { k: 'sync-req' },
        { k: 'sums-req', id: -1 },
        { k: 'sums-req', id: 1.5 },
        { k: 'hello', sums: { ...SUMS, sections: { a: 1 } }, syncConfig: true, isPrimary: false },
        { k: 'hello', sums: { global: 'g', root: 'r' }, syncConfig: true, isPrimary: false },
        { k: 'push', v: 1, base: 'b', full: false, reason: 'r', sections: [['a']], sums: SUMS },
        { k: 'result', v: 1, ok: true, sums: SUMS, applyMs: -1 },
        { k: 'commit-result', id: 1, ok: true, reason: 3, v: 1 },
        { k: 'key-prepare', id: 1, next: { ...KEYS, groupId: 70000 } },
        { k: 'con-out', sid: 1, output: '', prompt: '', input: 'hidden' },
        { k: 'echo', id: 1, reply: false, data: 'abc' },
    ];
    for (const m of fieldFaults)
        assert.deepEqual(decodeMessage(raw(m)), malformed, JSON.stringify(m));
    const extra = decodeMessage(raw({ k: 'sums-req', id: 1, later: 'field' }));
    assert.deepEqual(extra, { ok: true, message: { k: 'sums-req', id: 1 } });
});
test('a compressed message inflating beyond 64 MB is refused', () => {
    const bomb = new Uint8Array([1, ...deflateRawSync(Buffer.alloc(65 << 20))]);
    assert.ok(bomb.length < 100_000);
    assert.deepEqual(decodeMessage(bomb), { ok: false, reason: 'malformedMessage' });
});
const SEED = Number(process.env.CONTROL_FUZZ_SEED ?? 0xc0ffee);
test(`fuzz (seed ${SEED}): mutated and random messages never throw; what decodes is well formed`, () => {
    const rnd = prng(SEED);
    const below = (n) => Math.floor(rnd() * n);
    const valid = SAMPLES.map(encodeMessage);
    const counts = { ok: 0, malformedMessage: 0, unknownKind: 0 };
    for (let i = 0; i < 20_000; i++) {
        const base = valid[below(valid.length)];
        let b;
        switch (below(4)) {
            case 0: {
                b = base.slice();
                for (let n = 1 + below(3); n > 0; n--)
                    b[below(b.length)] = below(256);
                break;
            }
            case 1:
                b = base.subarray(0, below(base.length + 1));
                break;
            case 2:
                b = Uint8Array.from({ length: below(64) }, () => below(256));
                break;
            default: {
                const m = { ...SAMPLES[below(SAMPLES.length)] };
                const keys = Object.keys(m);
                const key = keys[below(keys.length)];
                m[key] = [0, -1, 'x', true, null, [], {}, Uint8Array.of(1), 2 ** 60, Number.NaN][below(10)];
                b = raw(m);
            }
        }
        const d = decodeMessage(b);
        if (!d.ok) {
            counts[d.reason]++;
            continue;
        }
        counts.ok++;
        assert.ok(LINK_KINDS.includes(d.message.k));
        const again = decodeMessage(encodeMessage(d.message));
        assert.deepEqual(again, d, 'what decodes encodes back to itself');
    }
    for (const [name, n] of Object.entries(counts))
        assert.ok(n > 0, `${name} never happened: ${JSON.stringify(counts)}`);
});
//# sourceMappingURL=messages.test.js.map