import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advertProblem } from './body.js';
import { emptyCounters, HeartbeatDecoder } from './decoder.js';
import { FIXTURE_ADVERT, FIXTURE_BOOT_ID, FIXTURE_CLEAR_HEX, FIXTURE_ENCRYPTED_HEX, FIXTURE_PASSWORD, FIXTURE_SERIAL, hex, } from './frames.fixture.js';
import { deriveKeys } from './keys.js';
import { bodyMap, cbor, retag, rng, sealRaw } from './raw-frames.testkit.js';
const SEED = Number(process.env.WIRE_FUZZ_SEED ?? 0x7a4d3e11);
const CASES = 10_000;
// Every reason the decoder itself decides ('refused' is the cluster's).
const REASONS = new Set(Object.keys(emptyCounters()).filter((r) => r !== 'refused'));
test(`10k random and mutated buffers never throw (seed ${SEED}, env WIRE_FUZZ_SEED)`, () => {
    const next = rng(SEED);
    const below = (n) => next() % n;
    const keys = deriveKeys(FIXTURE_PASSWORD);
    const clearDec = new HeartbeatDecoder({ ownSerial: 'TDSIM00000000002', slots: [{ groupId: 7, keys, encryption: false }] });
    const encDec = new HeartbeatDecoder({ ownSerial: 'TDSIM00000000002', slots: [{ groupId: 7, keys, encryption: true }] });
    const originals = [hex(FIXTURE_CLEAR_HEX), hex(FIXTURE_ENCRYPTED_HEX)];
    const validBody = cbor(bodyMap(FIXTURE_ADVERT));
    const randomBytes = (n) => {
        const b = new Uint8Array(n);
        for (let i = 0; i < n; i++)
            b[i] = below(256);
        return b;
    };
    let accepted = 0;
    let forgedAccepted = 0;
    let seq = 1;
    const kinds = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < CASES; i++) {
        const kind = below(6);
        kinds[kind]++;
        let frame;
        let forged = false;
        // mutated-and-retagged frames are clear: only an HMAC tag can be recomputed over them
        const useEnc = kind !== 3 && below(2) === 1;
        switch (kind) {
            case 0: // noise of any length
                frame = randomBytes(below(300));
                break;
            case 1: // noise behind a plausible header, so the ladder reaches the tag check
                frame = randomBytes(52 + below(250));
                frame.set([0x54, 0x44, 1, below(4), below(3), useEnc ? 1 : 0, 0, 7], 0);
                frame[32] = (frame.length - 52) >> 8;
                frame[33] = (frame.length - 52) & 0xff;
                break;
            case 2: {
                // a valid frame with a few bytes flipped (and sometimes cut or extended): must not pass
                const orig = originals[useEnc ? 1 : 0];
                frame = orig.slice();
                const flips = 1 + below(8);
                for (let j = 0; j < flips; j++)
                    frame[below(frame.length)] ^= 1 + below(255);
                const shape = below(16);
                if (shape < 4)
                    frame = frame.slice(0, below(frame.length + 1));
                else if (shape < 7)
                    frame = Uint8Array.from([...frame, ...randomBytes(1 + below(8))]);
                forged = frame.length !== orig.length || frame.some((b, j) => b !== orig[j]);
                break;
            }
            case 3: {
                // a valid clear frame whose body bytes are mutated, then correctly tagged: CBOR fuzz
                const f = hex(FIXTURE_CLEAR_HEX);
                const flips = 1 + below(12);
                for (let j = 0; j < flips; j++)
                    f[36 + below(f.length - 52)] = below(256);
                f.set([0, 0, 0x10, 0], 28);
                f[31] = seq & 0xff;
                f[30] = (seq >> 8) & 0xff;
                seq++;
                frame = retag(f, FIXTURE_PASSWORD);
                break;
            }
            case 4: // random body, correctly sealed (clear or encrypted)
                frame = sealRaw({ body: randomBytes(below(200)), serial: FIXTURE_SERIAL, bootId: FIXTURE_BOOT_ID, seq: seq++, flags: useEnc ? 1 : 0 }, FIXTURE_PASSWORD);
                break;
            default: {
                // a valid body truncated or with a random tail, correctly sealed
                const cut = validBody.slice(0, below(validBody.length + 1));
                const body = below(2) ? cut : Uint8Array.from([...validBody, ...randomBytes(1 + below(6))]);
                frame = sealRaw({ body, serial: FIXTURE_SERIAL, bootId: FIXTURE_BOOT_ID, seq: seq++, flags: useEnc ? 1 : 0 }, FIXTURE_PASSWORD);
            }
        }
        const d = useEnc ? encDec : clearDec;
        const r = d.decode(frame, 0, frame.length);
        if (r.ok) {
            accepted++;
            if (forged)
                forgedAccepted++;
            assert.equal(advertProblem(r.advert), null, `case ${i}: accepted an advert out of range`);
        }
        else {
            assert.ok(REASONS.has(r.reason), `case ${i}: reason ${r.reason}`);
        }
    }
    const rejected = [clearDec, encDec].reduce((n, d) => n + Object.values(d.counters).reduce((a, b) => a + b, 0), 0);
    if (process.env.WIRE_FUZZ_VERBOSE)
        console.log({ accepted, kinds, clear: clearDec.counters, enc: encDec.counters });
    assert.equal(rejected + accepted, CASES, 'every rejection counted exactly once');
    assert.equal(forgedAccepted, 0, 'a frame changed without the key was accepted');
    assert.ok(kinds.every((k) => k > 1000), `every kind exercised: ${kinds}`);
    assert.ok(clearDec.counters.malformedBody > 1000, 'the CBOR path was reached');
    assert.ok(encDec.counters.malformedBody > 100, 'the encrypted CBOR path was reached');
});
//# sourceMappingURL=fuzz.test.js.map