/**
 * A second key slot costs nothing per frame that opens with the slot tried first (the one the
 * unit sends with, which its peers use too but in the moment around a switch): the heap grows
 * by the same bytes per frame with two slots as with one. Measured on V8's heap spaces over
 * rounds no garbage collection ran in (a space that shrank marks a round where one did).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getHeapSpaceStatistics } from 'node:v8';
import { HeartbeatDecoder } from './decoder.js';
import { HeartbeatEncoder } from './encoder.js';
import { FIXTURE_ADVERT } from './frames.fixture.js';
import { FrameType } from './header.js';
import { RingKeys } from './key-ring.js';
import { deriveKeys } from './keys.js';
const FRAMES = 400;
const ROUNDS = 40;
const CUR = { groupId: 7, groupName: 'prod', password: 'secret', encryption: false };
/** FRAMES consecutive frames sealed with `spec`, one buffer each. */
function frames(spec) {
    const [slot] = new RingKeys(deriveKeys).slots({ slots: [spec], send: 0 });
    const e = new HeartbeatEncoder({ serial: 'TDSIM00000000001', ...slot, bootId: 1, nextBootId: () => 2 });
    e.setAdvert(FIXTURE_ADVERT);
    return Array.from({ length: FRAMES * ROUNDS }, () => {
        const buf = new Uint8Array(1500);
        return buf.subarray(0, e.encode(FrameType.Heartbeat, buf, 0));
    });
}
function usedBySpace() {
    return getHeapSpaceStatistics().map((s) => s.space_used_size);
}
/** Heap bytes per decoded frame: the median over rounds with no collection in them. */
function bytesPerFrame(ring, input) {
    const decoder = new HeartbeatDecoder({
        ownSerial: 'TDSIM00000000002',
        slots: new RingKeys(deriveKeys).slots(ring),
        first: ring.send,
    });
    const perFrame = [];
    for (let round = 0; round < ROUNDS; round++) {
        const before = usedBySpace();
        for (let i = round * FRAMES; i < (round + 1) * FRAMES; i++) {
            const f = input[i];
            if (!decoder.decode(f, 0, f.length).ok)
                throw new Error(`frame ${i} refused`);
        }
        const after = usedBySpace();
        // The first rounds warm the code up (inline caches, optimisation) and are not counted.
        if (round < ROUNDS / 4 || after.some((used, i) => used < before[i]))
            continue;
        perFrame.push((after.reduce((a, b) => a + b) - before.reduce((a, b) => a + b)) / FRAMES);
    }
    assert.ok(perFrame.length >= 5, `only ${perFrame.length} rounds ran without a collection`);
    perFrame.sort((a, b) => a - b);
    return perFrame[Math.floor(perFrame.length / 2)];
}
for (const encryption of [false, true]) {
    test(`two slots allocate no more per frame than one (${encryption ? 'encrypted' : 'clear'})`, () => {
        const cur = { ...CUR, encryption };
        const next = { ...cur, password: 'new secret' };
        const input = frames(next);
        const one = bytesPerFrame({ slots: [next], send: 0 }, input);
        const two = bytesPerFrame({ slots: [cur, next], send: 1 }, input);
        assert.ok(two <= one + 8, `${two.toFixed(1)} bytes per frame with two slots, ${one.toFixed(1)} with one`);
    });
}
//# sourceMappingURL=opener-alloc.test.js.map