/**
 * The heartbeat worker's relay of control frames (firmware/control/) over UDP 703 with
 * `unicast-hb`: the worker owns that socket, so control frames arriving on it are handed to the
 * main process as they are, and the main process's frames are sent on it. Control frames are
 * neither opened nor counted by the heartbeat decoder here: their keys are not the heartbeat
 * ones, and the main process has the ladder.
 *
 * The heartbeat path comes first: at most RELAY_PER_TURN frames each way per turn of the loop,
 * copied once; the rest are dropped and counted (the control streams retransmit).
 */
import type { HbTransport } from './hb-transport.js';
import { CONTROL_FRAME_TYPE, HA_MAGIC, HEADER_LEN, Off, readU16 } from './wire/header.js';

export const RELAY_PER_TURN = 64;

export interface RelayCounters {
  /** Frames handed on: received for the main process, and sent for it. */
  relayed: number;
  /** Frames beyond a turn's share, or that the main process's socket had no room for. */
  dropped: number;
}

export class ControlRelay {
  readonly counters: RelayCounters = { relayed: 0, dropped: 0 };
  #in: Uint8Array[] = [];
  #sent = 0;

  /** Whether buf[offset, end) is a control frame: if so it is the relay's (kept if the turn has room). */
  take(buf: Uint8Array, offset: number, end: number): boolean {
    if (end - offset < HEADER_LEN || buf[offset + Off.type] !== CONTROL_FRAME_TYPE || readU16(buf, offset) !== HA_MAGIC) {
      return false;
    }
    if (this.#in.length < RELAY_PER_TURN) this.#in.push(buf.slice(offset, end));
    else this.counters.dropped++;
    return true;
  }

  /** The main process's frames (HA payloads), on the unicast link's transport. */
  send(frames: readonly Uint8Array[], transport: HbTransport | null): void {
    for (const f of frames) {
      if (transport && this.#sent < RELAY_PER_TURN && transport.send(f, f.length)) {
        this.#sent++;
        this.counters.relayed++;
      } else {
        this.counters.dropped++;
      }
    }
  }

  /** At the end of a turn: what was taken goes to the main process (`post` false: it did not fit). */
  endTurn(post: (frames: Uint8Array[]) => boolean): void {
    this.#sent = 0;
    if (this.#in.length === 0) return;
    const frames = this.#in;
    this.#in = [];
    if (post(frames)) this.counters.relayed += frames.length;
    else this.counters.dropped += frames.length;
  }
}
