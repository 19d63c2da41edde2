/**
 * The heartbeat loop's data-port beacons (beacons.ts): a primary sends one on every beacon port
 * each beacon period, the first as soon as it takes over, and one more right after giving the
 * role up; what arrives on those ports passes the heartbeats' decoder, and only beacons count,
 * as evidence of life for the cluster. Sending and draining allocate nothing of their own.
 */

import type { HaSettings } from '../config/ha-settings.js';
import { claimsPrimary } from './advert.js';
import type { AnnounceWatch } from './announce-watch.js';
import type { BeaconPorts } from './beacon-ports.js';
import { beaconTiming } from './beacons.js';
import type { Cluster } from './cluster.js';
import type { HbCodec } from './hb-codec.js';
import { DRAIN_LIMIT } from './hb-transport.js';
import type { RejectLog } from './reject-log.js';
import { FrameType } from './wire/header.js';

export interface DataBeaconParts {
  ports: BeaconPorts;
  codec: HbCodec;
  cluster: Cluster;
  announces: AnnounceWatch;
  rejects: RejectLog;
  /** The loop's frame buffers, shared with its heartbeats. */
  txBuf: Uint8Array;
  rxBuf: Uint8Array;
}

export class DataBeacons {
  readonly #p: DataBeaconParts;
  #periodMs: number;
  /** When this unit, while primary, sends its next beacon. */
  #nextAt = 0;

  constructor(parts: DataBeaconParts, settings: HaSettings) {
    this.#p = parts;
    this.#periodMs = beaconTiming(settings).periodMs;
  }

  setTiming(settings: HaSettings): void {
    this.#periodMs = beaconTiming(settings).periodMs;
  }

  /** When the next beacon is due while primary (the loop wakes for it). */
  get nextAt(): number {
    return this.#nextAt;
  }

  /** While primary: beacons when the period has passed since the last ones (at once after a takeover). */
  sendIfDue(now: number): void {
    if (now >= this.#nextAt) this.#send(now);
  }

  /** Right after giving the role up: a rival that sees us only on the data ports learns at once that we let go. */
  sendAfterGivingUp(now: number): void {
    this.#send(now);
    this.#nextAt = 0;
  }

  /** Reads what waits on beacon port `index`: beacons become cluster inputs, rejected frames are counted. */
  drain(index: number, now: number): void {
    const { ports, codec, rxBuf, rejects, announces, cluster } = this.#p;
    const port = ports.ports[index];
    const t = port?.transport;
    if (!port || !t) return;
    for (let n = 0; n < DRAIN_LIMIT; n++) {
      const end = t.recv(rxBuf);
      if (end < 0) return;
      const r = codec.decoder.decode(rxBuf, t.payloadOffset, end);
      if (!r.ok) {
        rejects.note(r.reason, port.name, now, r.serial, r.groupId);
        continue;
      }
      // Heartbeats belong on heartbeat links: on a data port only beacons count.
      if (r.type !== FrameType.Beacon) continue;
      port.rxAccepted++;
      announces.frame(r.serial, claimsPrimary(r.serial, r.advert), port.name);
      cluster.beacon(r.serial, port.name, r.advert, now);
    }
  }

  #send(now: number): void {
    const encoder = this.#p.codec.encoder;
    encoder.setAdvert(this.#p.cluster.advert(now));
    this.#p.ports.sendAll(encoder, this.#p.txBuf);
    this.#nextAt = now + this.#periodMs;
  }
}
