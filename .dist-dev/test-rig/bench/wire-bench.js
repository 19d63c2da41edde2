/**
 * Cost of the heartbeat wire per frame: `node dist/test-rig/bench/wire-bench.js [ops]`.
 * Prints ns/op, the median of 5 runs of `ops` operations (default 100k), for encode and decode
 * in both modes, the setAdvert paths and the rejection paths, next to a bare HMAC for scale.
 */
import { createHmac } from 'node:crypto';
import { HeartbeatDecoder } from '../../firmware/ha/wire/decoder.js';
import { HeartbeatEncoder } from '../../firmware/ha/wire/encoder.js';
import { FIXTURE_ADVERT, FIXTURE_PASSWORD, FIXTURE_SERIAL } from '../../firmware/ha/wire/frames.fixture.js';
import { FrameType } from '../../firmware/ha/wire/header.js';
import { deriveKeys } from '../../firmware/ha/wire/keys.js';
const OPS = Number(process.argv[2] ?? 100_000);
const RUNS = 5;
const keys = deriveKeys(FIXTURE_PASSWORD);
function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    return s[s.length >> 1];
}
/** ns/op of `op(i)` over OPS calls, median of RUNS runs after one warm-up run. */
function measure(name, setup) {
    const runs = [];
    for (let r = 0; r <= RUNS; r++) {
        const op = setup();
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < OPS; i++)
            op(i);
        const ns = Number(process.hrtime.bigint() - t0) / OPS;
        if (r > 0)
            runs.push(ns);
    }
    const line = `${name.padEnd(40)} ${median(runs).toFixed(0).padStart(6)} ns/op  (runs ${runs.map((x) => x.toFixed(0)).join(' ')})`;
    process.stdout.write(`${line}\n`);
}
function encoder(encryption) {
    const e = new HeartbeatEncoder({ serial: FIXTURE_SERIAL, groupId: 7, keys, encryption, bootId: 1, nextBootId: () => 1 });
    e.setAdvert(FIXTURE_ADVERT);
    return e;
}
/** OPS consecutive frames of one sender, so each decode sees a fresh sequence. */
function frames(encryption) {
    const e = encoder(encryption);
    const buf = new Uint8Array(OPS * e.frameLength);
    const at = new Int32Array(OPS + 1);
    for (let i = 0; i < OPS; i++)
        at[i + 1] = e.encode(FrameType.Heartbeat, buf, at[i]);
    return { buf, at };
}
function decoder(encryption) {
    return new HeartbeatDecoder({ ownSerial: 'TDSIM00000000002', slots: [{ groupId: 7, keys, encryption }] });
}
const tx = new Uint8Array(1514);
const plain = frames(false);
const sealed = frames(true);
measure('bare HMAC-SHA-256 of 150 bytes', () => {
    const data = tx.subarray(0, 150);
    return () => {
        createHmac('sha256', keys.auth).update(data).digest();
    };
});
for (const encryption of [false, true]) {
    const mode = encryption ? 'encrypted' : 'clear';
    measure(`encode (${mode})`, () => {
        const e = encoder(encryption);
        return () => e.encode(FrameType.Heartbeat, tx, 14);
    });
    const f = encryption ? sealed : plain;
    measure(`decode, accepted (${mode})`, () => {
        const d = decoder(encryption);
        return (i) => {
            if (!d.decode(f.buf, f.at[i], f.at[i + 1]).ok)
                throw new Error('bench frame refused');
        };
    });
    measure(`decode, replayed (${mode})`, () => {
        const d = decoder(encryption);
        d.decode(f.buf, f.at[0], f.at[1]);
        return () => d.decode(f.buf, f.at[0], f.at[1]);
    });
    measure(`decode, badAuth: wrong password (${mode})`, () => {
        const d = new HeartbeatDecoder({ ownSerial: 'X', slots: [{ groupId: 7, keys: deriveKeys('other'), encryption }] });
        return (i) => d.decode(f.buf, f.at[i], f.at[i + 1]);
    });
}
measure('decode, wrongGroup', () => {
    const d = new HeartbeatDecoder({ ownSerial: 'X', slots: [{ groupId: 8, keys, encryption: false }] });
    return (i) => d.decode(plain.buf, plain.at[i], plain.at[i + 1]);
});
measure('setAdvert, unchanged', () => {
    const e = encoder(false);
    const same = { ...FIXTURE_ADVERT };
    return () => e.setAdvert(same);
});
measure('setAdvert, ageS changed (re-encode)', () => {
    const e = encoder(false);
    const adverts = [0, 1].map((ageS) => ({ ...FIXTURE_ADVERT, ageS }));
    return (i) => e.setAdvert(adverts[i & 1]);
});
//# sourceMappingURL=wire-bench.js.map