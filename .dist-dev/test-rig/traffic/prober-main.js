/**
 * The UDP prober, run in the client namespace: one probe every interval to the server agent,
 * which echoes it. One synchronous loop polls a timerfd ticker (pacing without drift: ticks
 * the loop could not serve in time are sent at once, up to MAX_CATCH_UP), the UDP socket and
 * stdin, and sleeps in poll(2) in between, so it needs no busy core and no event loop.
 *
 * It runs SCHED_FIFO at FIFO_PRIORITY when it may: above ordinary threads, so a busy machine
 * does not delay its ticks (measured over 10 s on a busy 2-core box: ~100 late ticks and a
 * send-interval p99 of 1.3-1.5 ms without, 0-4 late ticks and a p99 of 1.04-1.06 ms with),
 * and below the boards' heartbeat threads (50), so it never delays what it measures. Its
 * share of a core is a few percent.
 *
 *   node prober-main.js '{"server":"198.18.2.10","port":7101,"intervalMs":1,"runId":42}'
 */
import { createLinuxClock } from '../../hal/clock/linux.js';
import { openUdpPort } from '../../hal/nic/udp-socket.js';
import { CommandReader, writeLine } from './agent-io.js';
import { Histogram } from './histogram.js';
import { DRAIN_MS, decodeProbe, ECHO_BYTES, encodeProbe, PROBE_BYTES, SETTLE_MS } from './protocol.js';
import { SeqTracker } from './seq-tracker.js';
const RING = 1 << 16;
const FIFO_PRIORITY = 10;
const MAX_CATCH_UP = 10;
const UDP = 0;
const STDIN = 1;
const TICKER = 2;
class Prober {
    args;
    clock = createLinuxClock();
    udp = openUdpPort(0);
    poller = this.clock.openPoller();
    stdin = { fd: 0 };
    commands = new CommandReader();
    ticker;
    out = new Uint8Array(PROBE_BYTES);
    outView = new DataView(this.out.buffer);
    in = new Uint8Array(2048);
    inView = new DataView(this.in.buffer);
    sendTimes = new Float64Array(RING);
    echoes = new SeqTracker();
    pacing = new Histogram();
    rtt = new Histogram(0.01, 1000);
    startedAtMs;
    stoppedAtMs = null;
    seq = 0;
    lastSendMs = Number.NaN;
    sendErrors = 0;
    missedTicks = 0;
    schedFifo = false;
    constructor(args) {
        this.args = args;
        this.ticker = this.clock.openTicker(args.intervalMs);
        this.poller.watch([this.udp, this.stdin, this.ticker]);
        this.startedAtMs = this.clock.nowMs();
    }
    run() {
        this.schedFifo = this.clock.raiseThreadPriority(FIFO_PRIORITY).ok;
        writeLine({ ready: true });
        for (;;) {
            let timeout = -1;
            if (this.stoppedAtMs !== null) {
                timeout = this.stoppedAtMs + DRAIN_MS - this.clock.nowMs();
                if (timeout <= 0)
                    this.finish();
            }
            this.poller.wait(timeout);
            if (this.ticker && this.poller.readable(TICKER))
                this.tick(this.ticker.take());
            if (this.poller.readable(UDP))
                this.receive();
            if (this.poller.readable(STDIN))
                this.command();
        }
    }
    tick(ticks) {
        if (ticks > MAX_CATCH_UP)
            this.missedTicks += ticks - MAX_CATCH_UP;
        const sends = Math.min(ticks, MAX_CATCH_UP);
        this.missedTicks += Math.max(0, sends - 1);
        for (let i = 0; i < sends; i++) {
            const now = this.clock.nowMs();
            if (!Number.isNaN(this.lastSendMs))
                this.pacing.add(now - this.lastSendMs);
            this.lastSendMs = now;
            encodeProbe(this.outView, { runId: this.args.runId, seq: this.seq, sendMs: now });
            this.sendTimes[this.seq & (RING - 1)] = now;
            this.seq++;
            if (!this.udp.sendTo(this.args.server, this.args.port, this.out, PROBE_BYTES))
                this.sendErrors++;
        }
    }
    receive() {
        for (let n = this.udp.recv(this.in); n >= 0; n = this.udp.recv(this.in)) {
            const p = n >= ECHO_BYTES ? decodeProbe(this.inView, n, this.args.runId) : null;
            if (!p || p.seq >= this.seq)
                continue;
            const now = this.clock.nowMs();
            this.rtt.add(now - p.sendMs);
            this.echoes.accept(p.seq, p.sendMs, now);
        }
    }
    command() {
        const commands = this.commands.readAvailable();
        if (commands === null)
            process.exit(0);
        for (const c of commands) {
            if (c === 'report')
                writeLine(this.snapshot());
            else if (this.stoppedAtMs === null) {
                this.stoppedAtMs = this.clock.nowMs();
                this.ticker?.close();
                this.ticker = null;
                this.poller.watch([this.udp, this.stdin]);
            }
        }
    }
    finish() {
        writeLine(this.snapshot());
        process.exit(0);
    }
    /** The last probe sent at least SETTLE_MS ago (after stop: the last probe). */
    settled(now) {
        const last = this.seq - 1;
        let s = last;
        if (this.stoppedAtMs === null) {
            while (s >= 0 && last - s < RING - 1 && this.sendTimes[s & (RING - 1)] > now - SETTLE_MS)
                s--;
        }
        return s < 0 ? null : { seq: s, sendMs: this.sendTimes[s & (RING - 1)] };
    }
    snapshot() {
        const now = this.clock.nowMs();
        return {
            intervalMs: this.args.intervalMs,
            startedAtMs: this.startedAtMs,
            stoppedAtMs: this.stoppedAtMs,
            nowMs: now,
            sent: this.seq,
            sendErrors: this.sendErrors,
            missedTicks: this.missedTicks,
            schedFifo: this.schedFifo,
            settled: this.settled(now),
            echoes: this.echoes.record(),
            pacing: this.pacing.summary(),
            rtt: this.rtt.summary(),
        };
    }
}
new Prober(JSON.parse(process.argv[2] ?? '{}')).run();
//# sourceMappingURL=prober-main.js.map