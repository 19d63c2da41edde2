/**
 * Session sync frames in and out: bodies (sync-frames.ts) sealed with the sync channel's keys
 * onto the port the session's hash picks (sync-ports.ts), and frames from the ports opened by
 * the same ladder as heartbeats (firmware/ha/wire/opener.ts), each rejection counted.
 */
import { DRAIN_LIMIT } from '../ha/hb-transport.js';
import { HA_MAX_PAYLOAD } from '../ha/wire/header.js';
import type { FrameOpener } from '../ha/wire/opener.js';
import type { FrameSealer } from '../ha/wire/sealer.js';
import { decodeSyncBody, SYNC_FRAME_TYPE, type SyncBody } from './sync-frames.js';
import type { SyncPort, SyncPorts } from './sync-ports.js';

const FRAME_BYTES = 14 + HA_MAX_PAYLOAD;

export interface LinkCounters {
  txFrames: number;
  /** Frames that found no port in use, or that the port refused. */
  txFailed: number;
  rxFrames: number;
}

/** Where the sync engines (primary-sync.ts, secondary-sync.ts) put their frame bodies: SyncLink, or a test's channel. */
export interface FrameOut {
  /** Sends `body` on the port `hash` picks; false when no port took it. Never throws. */
  send(body: Uint8Array, hash: number): boolean;
}

export class SyncLink implements FrameOut {
  private readonly tx = new Uint8Array(FRAME_BYTES);
  private readonly rx = new Uint8Array(FRAME_BYTES);
  readonly counters: LinkCounters = { txFrames: 0, txFailed: 0, rxFrames: 0 };

  constructor(
    private readonly ports: SyncPorts,
    private readonly sealer: FrameSealer,
    readonly opener: FrameOpener,
  ) {}

  /** Seals `body` and sends it on the port for `hash`. */
  send(body: Uint8Array, hash: number): boolean {
    const t = this.ports.pick(hash);
    const ok = t ? t.send(this.tx, this.sealer.seal(SYNC_FRAME_TYPE, body, this.tx, t.payloadOffset)) : false;
    if (ok) this.counters.txFrames++;
    else this.counters.txFailed++;
    return ok;
  }

  /** Reads what `port` holds; `onBody` gets each frame that opens and decodes, with its sender. */
  drain(port: SyncPort, onBody: (serial: string, body: SyncBody) => void): void {
    const t = port.transport;
    if (!t) return;
    for (let n = 0; n < DRAIN_LIMIT; n++) {
      const end = t.recv(this.rx);
      if (end < 0) return;
      this.counters.rxFrames++;
      const f = this.opener.open(this.rx, t.payloadOffset, end);
      if (!f.ok) continue;
      const body = decodeSyncBody(f.src, f.bodyLen);
      if (!body) {
        this.opener.refuseBody(f);
        continue;
      }
      onBody(this.opener.accept(f), body);
    }
  }
}
