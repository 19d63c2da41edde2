/**
 * The heartbeat loop's data-port beacons (beacons.ts): a primary sends one on every beacon port
 * each beacon period, the first as soon as it takes over, and one more right after giving the
 * role up; what arrives on those ports passes the heartbeats' decoder, and only beacons count,
 * as evidence of life for the cluster. Sending and draining allocate nothing of their own.
 */
import { claimsPrimary } from './advert.js';
import { beaconTiming } from './beacons.js';
import { DRAIN_LIMIT } from './hb-transport.js';
import { FrameType } from './wire/header.js';
export class DataBeacons {
    #p;
    #periodMs;
    /** When this unit, while primary, sends its next beacon. */
    #nextAt = 0;
    constructor(parts, settings) {
        this.#p = parts;
        this.#periodMs = beaconTiming(settings).periodMs;
    }
    setTiming(settings) {
        this.#periodMs = beaconTiming(settings).periodMs;
    }
    /** When the next beacon is due while primary (the loop wakes for it). */
    get nextAt() {
        return this.#nextAt;
    }
    /** While primary: beacons when the period has passed since the last ones (at once after a takeover). */
    sendIfDue(now) {
        if (now >= this.#nextAt)
            this.#send(now);
    }
    /** Right after giving the role up: a rival that sees us only on the data ports learns at once that we let go. */
    sendAfterGivingUp(now) {
        this.#send(now);
        this.#nextAt = 0;
    }
    /** Reads what waits on beacon port `index`: beacons become cluster inputs, rejected frames are counted. */
    drain(index, now) {
        const { ports, codec, rxBuf, rejects, announces, cluster } = this.#p;
        const port = ports.ports[index];
        const t = port?.transport;
        if (!port || !t)
            return;
        for (let n = 0; n < DRAIN_LIMIT; n++) {
            const end = t.recv(rxBuf);
            if (end < 0)
                return;
            const r = codec.decoder.decode(rxBuf, t.payloadOffset, end);
            if (!r.ok) {
                rejects.note(r.reason, port.name, now, r.serial, r.groupId);
                continue;
            }
            // Heartbeats belong on heartbeat links: on a data port only beacons count.
            if (r.type !== FrameType.Beacon)
                continue;
            port.rxAccepted++;
            announces.frame(r.serial, claimsPrimary(r.serial, r.advert), port.name);
            cluster.beacon(r.serial, port.name, r.advert, now);
        }
    }
    #send(now) {
        const encoder = this.#p.codec.encoder;
        encoder.setAdvert(this.#p.cluster.advert(now));
        this.#p.ports.sendAll(encoder, this.#p.txBuf);
        this.#nextAt = now + this.#periodMs;
    }
}
//# sourceMappingURL=data-beacons.js.map