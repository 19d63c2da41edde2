import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatReport } from './format.js';
import { buildReport } from './report.js';
import { SeqTracker } from './seq-tracker.js';
const none = { count: 0, medianMs: null, p99Ms: null, maxMs: null, meanMs: null };
function end(id, o = {}) {
    return {
        id,
        state: 'alive',
        reason: null,
        brokenAtMs: null,
        sent: 100,
        received: 100,
        lastArrivalMs: 1000,
        maxStall: { ms: 12, startMs: 500, endMs: 512 },
        ...o,
    };
}
/** 1000 probes sent at 1 ms from t=0: the forward path lost 200..399, the way back also 600..649. */
function snapshots() {
    const echoes = new SeqTracker();
    const forward = new SeqTracker();
    for (let n = 0; n < 1000; n++) {
        if (n >= 200 && n < 400)
            continue;
        forward.accept(n, n, n + 0.1);
        if (n < 600 || n >= 650)
            echoes.accept(n, n, n + 0.2);
    }
    const prober = {
        intervalMs: 1,
        startedAtMs: 0,
        stoppedAtMs: 999,
        nowMs: 1300,
        sent: 1000,
        sendErrors: 0,
        missedTicks: 2,
        schedFifo: true,
        settled: { seq: 999, sendMs: 999 },
        echoes: echoes.record(),
        pacing: none,
        rtt: none,
    };
    return { prober, server: { nowMs: 1300, forward: forward.record(), streams: [] } };
}
test('the report tells the forward path from the way back', () => {
    const { prober, server } = snapshots();
    const r = buildReport(prober, server, { nowMs: 1300, streams: [] }, false);
    assert.deepEqual([r.sent, r.received, r.lost, r.inFlight, r.firstEchoAtMs], [1000, 750, 250, 0, 0.2]);
    assert.deepEqual(r.outages.map((o) => [o.firstSeq, o.lastSeq, o.gapMs]), [
        [200, 399, 201],
        [600, 649, 51],
    ]);
    assert.deepEqual([r.forward.received, r.forward.lost, r.forward.outages.length, r.forward.outages[0]?.startMs], [800, 200, 1, 199]);
    const text = formatReport(r);
    assert.match(text, /traffic stopped/);
    assert.match(text, /gap 201\.0 ms {2}lost 200 {2}from 199\.0 to 400\.0/);
    assert.match(text, /sent 1000, echoed 750, lost 250/);
});
test('streams join both ends: broken when either end broke, the longer stall of both ways', () => {
    const { prober, server } = snapshots();
    server.streams = [
        end(0, { maxStall: { ms: 700, startMs: 100, endMs: 800 } }),
        end(1, { state: 'broken', reason: 'reset', brokenAtMs: 900 }),
        end(3, { received: 40 }),
    ];
    const client = [end(0), end(1), end(2, { state: 'connecting', sent: 0, received: 0, maxStall: null }), end(3)];
    const r = buildReport(prober, server, { nowMs: 1300, streams: client }, true);
    assert.deepEqual([r.streams.requested, r.streams.alive, r.streams.broken, r.streams.connecting, r.streams.maxStallMs], [4, 2, 1, 1, 700]);
    const [s0, s1, , s3] = r.streams.list;
    assert.equal(s0?.maxStallMs, 700);
    assert.deepEqual([s1?.state, s1?.reason, s1?.brokenAtMs], ['broken', 'server: reset', 900]);
    assert.deepEqual([s3?.toServer.sent, s3?.toServer.received], [100, 40]);
    assert.match(formatReport(r), /streams: 2 alive, 1 broken, 1 connecting \(of 4\); max stall 700\.0 ms/);
});
//# sourceMappingURL=report.test.js.map