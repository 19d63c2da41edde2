/**
 * The Linux clock driver against the real kernel: CLOCK_MONOTONIC, timerfd, poll and
 * SCHED_FIFO. Waits are measured, never assumed; bounds are loose enough for a busy 2-core host.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { HalError } from '../errors.js';
import { createLinuxIpc } from '../ipc/linux.js';
import { kernelAvailable } from '../kernel-gate.testkit.js';
import { CLOCK_MONOTONIC, libc, timespecMs } from '../libc.js';
import { wallTimeIso } from './index.js';
import { createLinuxClock } from './linux.js';
const clock = createLinuxClock();
function monotonicMs() {
    const ts = new BigInt64Array(2);
    assert.equal(libc.clock_gettime(CLOCK_MONOTONIC, ts), 0);
    return timespecMs(ts);
}
/**
 * Asserts that `count` expirations of a ticker armed between opening and armed is what the
 * clock allows for a take() made between before and after (no scheduling assumption).
 */
function assertCount(count, period, start, take) {
    const least = Math.floor((take.before - start.armed) / period + 1e-6);
    const most = Math.floor((take.after - start.opening) / period + 1e-6);
    assert.ok(least <= count && count <= most, `${count} expirations, clock allows ${least}..${most}`);
}
/** Blocks this thread for `ms` without spinning. */
function blockFor(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
async function probe(request, onBlocking) {
    const worker = new Worker(new URL('./probe-worker.testkit.js', import.meta.url), { workerData: request });
    try {
        for (;;) {
            const [reply] = (await once(worker, 'message'));
            if (reply.kind === 'blocking')
                onBlocking?.(reply.tid);
            else
                return reply;
        }
    }
    finally {
        await worker.terminate();
    }
}
/** Resolves once thread `tid` of this process sleeps inside poll(2). */
async function blockedInPoll(tid) {
    const deadline = Date.now() + 5000;
    while (!readFileSync(`/proc/self/task/${tid}/wchan`, 'utf8').includes('poll')) {
        if (Date.now() > deadline)
            assert.fail(`thread ${tid} never blocked in poll`);
        await sleep(2);
    }
}
describe('linux clock', () => {
    it('nowMs reads CLOCK_MONOTONIC', () => {
        for (let i = 0; i < 100; i++) {
            const before = monotonicMs();
            const now = clock.nowMs();
            const after = monotonicMs();
            assert.ok(before - 0.001 <= now && now <= after + 0.001, `${before} <= ${now} <= ${after}`);
        }
    });
    it('wallMs reads CLOCK_REALTIME, and wallTimeIso dates a monotonic instant by it', () => {
        for (let i = 0; i < 100; i++) {
            const before = Date.now();
            const wall = clock.wallMs();
            const after = Date.now();
            assert.ok(before - 1 <= wall && wall <= after + 1, `${before} <= ${wall} <= ${after}`);
        }
        const before = Date.now();
        const iso = Date.parse(wallTimeIso(clock, clock.nowMs() - 60_000));
        assert.ok(before - 60_001 <= iso && iso <= Date.now() - 59_999, `${iso} is a minute ago`);
    });
    it('ticks at its period and take() counts every expiration', () => {
        const period = 20;
        const opening = clock.nowMs();
        const ticker = clock.openTicker(period);
        const armed = clock.nowMs();
        const poller = clock.openPoller();
        poller.watch([ticker]);
        let expirations = 0;
        for (let i = 0; i < 10; i++) {
            assert.equal(poller.wait(5000), 1);
            assert.equal(poller.readable(0), true);
            // Each wait needs an expiration after the last take: wake-up i is at least i + 1 periods in.
            assert.ok(clock.nowMs() - opening >= (i + 1) * period - 0.5, `wake-up ${i} came early`);
            const before = clock.nowMs();
            const n = ticker.take();
            const after = clock.nowMs();
            assert.ok(n >= 1, 'a readable ticker has an expiration');
            expirations += n;
            assertCount(expirations, period, { opening, armed }, { before, after });
        }
        ticker.close();
    });
    it('accumulates expirations while nobody reads, and setPeriod re-arms from now', () => {
        const opening = clock.nowMs();
        const ticker = clock.openTicker(10);
        const armed = clock.nowMs();
        blockFor(105);
        const before = clock.nowMs();
        const taken = ticker.take();
        const after = clock.nowMs();
        assert.ok(taken >= 10, `${taken} expirations in 105 ms`);
        assertCount(taken, 10, { opening, armed }, { before, after });
        const rearming = clock.nowMs();
        ticker.setPeriod(60);
        const rearmed = clock.nowMs();
        const left = ticker.take();
        assertCount(left, 60, { opening: rearming, armed: rearmed }, { before: rearmed, after: clock.nowMs() });
        const poller = clock.openPoller();
        poller.watch([ticker]);
        assert.equal(poller.wait(5000), 1);
        assert.ok(clock.nowMs() - rearming >= 59.9, 'tick before one new period');
        assert.ok(ticker.take() >= 1);
        ticker.close();
        assert.equal(ticker.take(), 0);
        assert.throws(() => clock.openTicker(0), (e) => e instanceof HalError && e.errno === 22);
    });
    it('bytes on a watched socket wake a Poller blocked in wait() on another thread', async () => {
        const [ours, theirs] = createLinuxIpc().streamPair();
        let woke = 0;
        const reply = await probe({ mode: 'wait', streamFd: theirs.fd, timeoutMs: 10000 }, (tid) => {
            blockedInPoll(tid).then(() => {
                woke = clock.nowMs();
                ours.write(Uint8Array.of(1, 2, 3), 3);
            });
        });
        ours.close();
        theirs.close();
        assert.ok(woke > 0, 'the worker was never seen blocked');
        assert.equal(reply.kind, 'woken');
        if (reply.kind !== 'woken')
            return;
        assert.equal(reply.ready, 1);
        assert.equal(reply.readable, true);
        assert.equal(reply.read, 3);
        assert.equal(reply.pendingAfterDrain, 0, 'still readable once read');
        assert.ok(reply.waitedMs < 5000, `waited ${reply.waitedMs} ms: the wake-up did not end the wait`);
    });
    it('a Poller with nothing ready times out', () => {
        const [ours, theirs] = createLinuxIpc().streamPair();
        const poller = clock.openPoller();
        poller.watch([theirs]);
        const start = clock.nowMs();
        assert.equal(poller.wait(30), 0);
        assert.ok(clock.nowMs() - start >= 29, 'returned before the timeout');
        assert.equal(poller.readable(0), false);
        ours.write(Uint8Array.of(1), 1);
        assert.equal(poller.wait(0), 1);
        theirs.read(new Uint8Array(8));
        assert.equal(poller.wait(0), 0);
        ours.close();
        theirs.close();
    });
    it('raises a thread to SCHED_FIFO', async (t) => {
        if (!kernelAvailable(t))
            return;
        const reply = await probe({ mode: 'priority', priority: 50 });
        assert.equal(reply.kind, 'priority');
        if (reply.kind !== 'priority')
            return;
        assert.deepEqual(reply.result, { ok: true });
        assert.equal(reply.policy, 1, 'policy of the worker thread');
        assert.equal(reply.rtPriority, 50);
    });
    it('lowers a SCHED_FIFO thread back to the normal policy', async (t) => {
        if (!kernelAvailable(t))
            return;
        const reply = await probe({ mode: 'priority', priority: 50, thenLower: true });
        assert.ok(reply.kind === 'priority');
        assert.deepEqual(reply.result, { ok: true });
        assert.equal(reply.policy, 0, 'SCHED_OTHER');
        assert.equal(reply.rtPriority, 0);
    });
    it('refuses a priority out of range without throwing', () => {
        const result = clock.raiseThreadPriority(0);
        assert.equal(result.ok, false);
        assert.match(result.ok ? '' : result.reason, /1\.\.99/);
    });
});
//# sourceMappingURL=linux.test.js.map