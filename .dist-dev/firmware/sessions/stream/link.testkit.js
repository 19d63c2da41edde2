/**
 * A primary's sender and a secondary's receiver joined by two lossy channels (channel.fake.ts)
 * on a fake clock, run the way the sync loop runs them: a turn every millisecond takes the
 * frames that arrived, sends the ack that is due, and transmits what the sender has, at most
 * `framesPerTurn` (3000 frames/s by default). Each turn also checks the wake-up contract: what
 * nextWakeAt() puts in the future, take() and ackDue() must not offer now.
 */
import { FakeClock } from '../../../hal/clock/clock.fake.js';
import { LossyChannel } from './channel.fake.js';
import { StreamReceiver } from './receiver.js';
import { StreamSender } from './sender.js';
export class Link {
    clock = new FakeClock(0);
    sender;
    receiver;
    data;
    acks;
    framesPerTurn;
    constructor(o) {
        this.sender = new StreamSender(o.epoch ?? 1, o.sender);
        this.receiver = new StreamReceiver(o.deliver, o.receiver);
        this.data = new LossyChannel(o.faults, o.seed);
        this.acks = new LossyChannel(o.faults, o.seed ^ 0x5bd1e995);
        this.framesPerTurn = o.framesPerTurn ?? 3;
    }
    get now() {
        return this.clock.nowMs();
    }
    /** One loop turn at the current time; `produce` offers batches before the sender transmits. */
    turn(produce) {
        const now = this.now;
        for (const f of this.data.receive(now))
            this.receiver.onBatch(f.epoch, f.seq, f.payload, now);
        const ackWake = this.receiver.nextWakeAt(now);
        const ack = this.receiver.takeAck(now);
        if (ack !== null && ackWake > now)
            throw new Error(`ack taken at ${now} before its wake-up at ${ackWake}`);
        if (ack !== null)
            this.acks.send(ack, now);
        for (const a of this.acks.receive(now))
            this.sender.onAck(a, now);
        produce?.(now);
        const wake = this.sender.nextWakeAt(now);
        const frames = this.sender.take(now, this.framesPerTurn);
        if (frames.length > 0 && wake > now)
            throw new Error(`sender transmitted at ${now} before its wake-up at ${wake}`);
        for (const f of frames)
            this.data.send({ epoch: f.epoch, seq: f.seq, payload: f.payload }, now);
    }
    /** Turns every millisecond until `done()` holds or `limitMs` more pass; returns whether done. */
    run(done, limitMs, produce) {
        const end = this.now + limitMs;
        while (!done()) {
            if (this.now >= end)
                return false;
            this.turn(produce);
            this.clock.advance(1);
        }
        return true;
    }
    /** Nothing on the wire, nothing in flight, no ack owed. */
    idle() {
        return this.data.pending === 0 && this.acks.pending === 0 && this.sender.status(this.now).inFlight === 0;
    }
}
/**
 * A producer of `total` numbered records, `perBatch` to a batch, as fast as the window allows;
 * what the window refuses waits here (the caller's coalescing, reduced to a counter).
 */
export function spanProducer(link, total, perBatch) {
    let next = 0;
    return {
        produce: (now) => {
            while (next < total) {
                const count = Math.min(perBatch, total - next);
                if (!link.sender.offer({ first: next, count }, now))
                    return;
                next += count;
            }
        },
        offered: () => next,
    };
}
//# sourceMappingURL=link.testkit.js.map