/**
 * The sender and the receiver end to end over lossy channels (link.testkit.ts): every record
 * arrives once and in order whatever the channel does, and the counters of both ends and of
 * the channel agree with each other.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PERFECT } from './channel.fake.js';
import { Link, spanProducer } from './link.testkit.js';
const RECORDS = 100_000;
const PER_BATCH = 10;
const BATCHES = RECORDS / PER_BATCH;
/** Streams RECORDS records over `faults`; checks order and exactly-once on the way in. */
function stream(faults, seed) {
    let expected = 0;
    const link = new Link({
        faults,
        seed,
        deliver: (span) => {
            assert.equal(span.first, expected, `seed ${seed}: records in order, each once`);
            expected += span.count;
        },
    });
    const producer = spanProducer(link, RECORDS, PER_BATCH);
    const done = link.run(() => expected === RECORDS && link.idle(), 60_000, producer.produce);
    assert.ok(done, `seed ${seed}: ${expected} of ${RECORDS} records after 60 s, ${JSON.stringify(link.sender.status(link.now))}`);
    link.run(() => false, 20); // the last acks drain
    return link;
}
/** What both ends and the channels counted must agree. */
function assertConsistent(link, seed) {
    const s = link.sender.status(link.now);
    const r = link.receiver.status();
    const at = `seed ${seed}`;
    assert.equal(s.state, 'streaming', at);
    assert.equal(r.state, 'streaming', at);
    assert.equal(s.giveUps, 0, at);
    assert.equal(s.sent, BATCHES, `${at}: each batch transmitted once for the first time`);
    assert.equal(s.acked, BATCHES, at);
    assert.equal(r.delivered, BATCHES, at);
    assert.equal(link.data.sent, s.sent + s.retransmitted, `${at}: every transmission went on the wire`);
    assert.equal(link.data.delivered, link.data.sent - link.data.lost + link.data.duplicated, `${at}: the channel drained`);
    assert.equal(r.received, link.data.delivered, `${at}: every frame that arrived was taken`);
    assert.equal(r.received, r.delivered + r.duplicates, `${at}: whatever arrived was delivered or a duplicate`);
    assert.equal(r.gapsSeen, r.gapsRepaired, `${at}: every hole was filled`);
    assert.equal(r.buffered + r.discarded + r.staleEpoch + r.beyondWindow + r.whileResync, 0, at);
    assert.equal(link.acks.sent, r.acksSent, at);
    assert.equal(s.acks + s.staleAcks + s.badAcks, link.acks.delivered, `${at}: every ack that arrived was taken`);
    assert.equal(s.staleAcks + s.badAcks, 0, at);
    assert.equal(s.inFlight, 0, at);
    assert.equal(s.lagMs, 0, at);
}
test('a perfect channel: no retransmission, about one ack per 16 batches', () => {
    const link = stream(PERFECT, 1);
    assertConsistent(link, 1);
    const s = link.sender.status(link.now);
    assert.equal(s.retransmitted, 0);
    assert.ok(link.acks.sent <= BATCHES / 16 + 10, `${link.acks.sent} acks for ${BATCHES} batches`);
    assert.ok(s.srttMs > 0 && s.srttMs < 6, `SRTT ${s.srttMs} ms: channel delay + ack delay`);
    assert.equal(s.rtoMs, 15, 'the floor');
});
const LOSSY = (loss) => ({ loss, duplicate: 0.05, delayMs: 0.3, jitterMs: 3 });
test('reordering alone: the reorder threshold grows to the channel, spurious retransmissions stay rare', () => {
    const link = stream({ loss: 0, duplicate: 0, delayMs: 0.3, jitterMs: 3 }, 1);
    assertConsistent(link, 1);
    const s = link.sender.status(link.now);
    assert.ok(s.reorderThreshold > 3, `threshold ${s.reorderThreshold}`);
    assert.ok(s.spuriousRetransmits > 0, 'duplicates of early retransmissions were reported');
    assert.ok(s.retransmitted < BATCHES / 200, `${s.retransmitted} retransmissions, nothing lost`);
});
for (const loss of [0.1, 0.3]) {
    test(`${loss * 100}% loss both ways, 5% duplicated, reordered by up to 3 ms: 100k records, once and in order, over 5 seeds`, () => {
        for (const seed of [1, 2, 3, 4, 5]) {
            const link = stream(LOSSY(loss), seed);
            assertConsistent(link, seed);
            const s = link.sender.status(link.now);
            const r = link.receiver.status();
            const lostData = link.data.lost;
            // Selective: about one retransmission per frame lost, far from a window per loss.
            const ratio = s.retransmitted / lostData;
            assert.ok(ratio >= 0.95 && ratio <= 1.2, `seed ${seed}: ${s.retransmitted} retransmissions for ${lostData} frames lost`);
            assert.ok(s.fastRetransmits > 0, `seed ${seed}: SACK finds losses before the timers`);
            assert.ok(r.duplicates > 0 && r.outOfOrder > 0 && r.gapsSeen > 0, `seed ${seed}: the faults were exercised`);
        }
    });
}
test('a new epoch in mid-stream: the receiver drops the old one and starts over', () => {
    const got = [];
    const link = new Link({ faults: LOSSY(0.1), seed: 9, deliver: (n) => got.push(n) });
    let next = 0;
    const produce = (now) => {
        while (next < 2000 && link.sender.offer(next, now))
            next++;
    };
    link.run(() => next >= 1000, 10_000, produce);
    link.sender.reset(2);
    const restartAt = next;
    assert.ok(link.run(() => got.at(-1) === 1999 && link.idle(), 10_000, produce));
    const fromNew = got.indexOf(restartAt);
    assert.ok(fromNew > 0);
    assert.deepEqual(got.slice(fromNew), Array.from({ length: 2000 - restartAt }, (_, k) => restartAt + k), 'the new epoch in order');
    const old = got.slice(0, fromNew);
    assert.deepEqual(old, Array.from({ length: old.length }, (_, k) => k), 'the old epoch a prefix, in order');
    const r = link.receiver.status();
    assert.equal(r.epoch, 2);
    assert.equal(r.restarts, 2);
});
test('a cut link: the sender gives up after giveUpAfterMs, then a new epoch streams again', () => {
    const got = [];
    const link = new Link({ faults: PERFECT, seed: 1, deliver: (n) => got.push(n) });
    let next = 0;
    let limit = 500;
    const produce = (now) => {
        while (next < limit && link.sender.offer(next, now))
            next++;
    };
    assert.ok(link.run(() => got.length === 500, 1000, produce));
    link.data.dropIf = () => true;
    const cutAt = link.now;
    limit = 1000;
    assert.ok(link.run(() => link.sender.state === 'needs-resync', 10_000, produce));
    const s = link.sender.status(link.now);
    assert.equal(s.giveUps, 1);
    assert.ok(link.now - cutAt <= 5001, `gave up ${link.now - cutAt} ms after the cut`);
    assert.ok(s.lagMs >= 5000);
    assert.equal(link.sender.offer(0, link.now), false, 'refused until the resync');
    link.data.dropIf = () => false;
    link.sender.reset(2);
    const restartAt = next;
    limit = restartAt + 100;
    assert.ok(link.run(() => got.at(-1) === limit - 1, 1000, produce));
    assert.equal(link.receiver.epoch, 2);
    assert.equal(link.receiver.state, 'streaming');
});
//# sourceMappingURL=stream.test.js.map