import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode } from 'cbor-x';
import { advertProblem, BODY_FIELDS, decodeBody, encodeBody } from './body.js';
import { WireError } from './errors.js';
import { FIXTURE_ADVERT, FIXTURE_BODY_HEX, hex, toHex } from './frames.fixture.js';
import { MAX_BODY_LEN } from './header.js';
import { bodyMap, cbor } from './raw-frames.testkit.js';
const decodeAll = (b) => decodeBody(b, b.length);
test('the fixture advert encodes to the fixture body, a CBOR map with the short keys', () => {
    const body = encodeBody(FIXTURE_ADVERT);
    assert.equal(toHex(body), FIXTURE_BODY_HEX);
    assert.deepEqual(decode(body), bodyMap(FIXTURE_ADVERT));
});
test('the key table is complete and unambiguous', () => {
    const keys = BODY_FIELDS.map((f) => f.key);
    assert.equal(new Set(keys).size, keys.length);
    assert.deepEqual(BODY_FIELDS.map((f) => f.name).sort(), Object.keys(FIXTURE_ADVERT).sort());
});
test('decodeBody returns the advert, reading only the given length', () => {
    const body = hex(FIXTURE_BODY_HEX);
    const padded = new Uint8Array(body.length + 10).fill(0xff);
    padded.set(body);
    assert.deepEqual(decodeBody(padded, body.length), FIXTURE_ADVERT);
    assert.equal(decodeBody(padded, body.length - 1), null);
});
test("another encoder's map (map16 header, other key order) decodes the same", () => {
    const m = bodyMap(FIXTURE_ADVERT);
    const reversed = Object.fromEntries(Object.entries(m).reverse());
    const body = cbor(reversed);
    assert.equal(body[0], 0xb9, 'map with a 16-bit length');
    assert.deepEqual(decodeAll(body), FIXTURE_ADVERT);
});
test('unknown keys from a later minor version are ignored', () => {
    const m = { ...bodyMap(FIXTURE_ADVERT), zz: [1, { deep: 'x' }], 99: 'numeric key', nx: null };
    assert.deepEqual(decodeAll(cbor(m)), FIXTURE_ADVERT);
});
test('each missing 1.0 key makes the body malformed; a missing later key reads as what its absence means', () => {
    for (const f of BODY_FIELDS) {
        const m = bodyMap(FIXTURE_ADVERT);
        delete m[f.key];
        if (f.absent === undefined)
            assert.equal(decodeAll(cbor(m)), null, f.key);
        else
            assert.equal(decodeAll(cbor(m))?.[f.name], f.absent, f.key);
    }
});
test('wrong types and out-of-range values make the body malformed', () => {
    const cases = [
        ['fw', ''],
        ['fw', 'x'.repeat(33)],
        ['fw', 1],
        ['mo', 'm'.repeat(33)],
        ['gn', null],
        ['hm', 'active-passive'],
        ['hn', 'h'.repeat(65)],
        ['st', 'active'],
        ['st', 'WORK'],
        ['pr', 256],
        ['pr', -1],
        ['pr', 1.5],
        ['pr', '200'],
        ['pr', 200n],
        ['ov', 0],
        ['ag', 2 ** 32],
        ['mu', 3],
        ['mt', 0x10000],
        ['fo', 'false'],
        ['hi', 0],
        ['hi', 60001],
        ['lt', 0],
        ['lt', 256],
        ['pp', 'P'.repeat(17)],
        ['pp', new Uint8Array(4)],
    ];
    for (const [key, value] of cases) {
        const m = { ...bodyMap(FIXTURE_ADVERT), [key]: value };
        assert.equal(decodeAll(cbor(m)), null, `${key}=${String(value)}`);
    }
});
test('values at the edges of their ranges are accepted', () => {
    const edge = {
        ...FIXTURE_ADVERT,
        firmware: 'f'.repeat(32),
        model: '',
        hostname: 'h'.repeat(64),
        priority: 255,
        ageS: 0xffffffff,
        monitorUp: 0,
        monitorTotal: 0xffff,
        hbIntervalMs: 60000,
        lostThreshold: 1,
        primary: '',
        state: 'hello',
        mode: 'a-a',
    };
    assert.deepEqual(decodeAll(encodeBody(edge)), edge);
});
test('bodies that are not a CBOR map of the fields are malformed, never thrown', () => {
    const garbage = ['', 'ff', '00', '80', 'a0', 'f6', '1bffffffffffffffff', 'bf', '9b00000000ffffffff', 'd9dfff8301'];
    for (const h of garbage)
        assert.equal(decodeAll(hex(h)), null, h);
    assert.equal(decodeAll(cbor([bodyMap(FIXTURE_ADVERT)])), null);
    assert.equal(decodeAll(new Uint8Array(40000).fill(0x81)), null, 'deep nesting');
});
test('encodeBody refuses what a peer would refuse, naming the field and what is allowed', () => {
    const bad = [
        [{ priority: 300 }, /priority 300: must be an integer 0-255/],
        [{ state: 'active' }, /state "active": must be one of hello, work, standby/],
        [{ hostname: 'h'.repeat(65) }, /hostname .*: must be a string of 0-64 characters/],
        [{ monitorUp: 3 }, /monitorUp 3: must not exceed monitorTotal 2/],
        [{ ageS: Number.NaN }, /ageS NaN: must be an integer/],
    ];
    for (const [patch, msg] of bad) {
        const a = { ...FIXTURE_ADVERT, ...patch };
        assert.match(advertProblem(a) ?? '', msg);
        assert.throws(() => encodeBody(a), (e) => e instanceof WireError && msg.test(e.message));
    }
    assert.equal(advertProblem(FIXTURE_ADVERT), null);
});
test('the largest advert the ranges allow still fits in one frame', () => {
    const wide = '\u{1F600}'.repeat(8); // 16 UTF-16 units, 32 UTF-8 bytes
    const big = {
        ...FIXTURE_ADVERT,
        firmware: wide + wide,
        model: wide + wide,
        groupName: wide + wide,
        hostname: wide.repeat(4),
        primary: wide,
    };
    assert.ok(encodeBody(big).length <= MAX_BODY_LEN);
});
//# sourceMappingURL=body.test.js.map