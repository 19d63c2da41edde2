/**
 * Control links between units for tests of the key change (key-change.ts): what it uses of a
 * ControlLink (send, on, onPeerReset) and nothing more. Messages arrive in order per pair after
 * `latencyMs` on the FakeTimers, as plain data (structured-cloned, as the wire would leave
 * them); a unit cut off sends nothing (send is false) and receives nothing, and what was in
 * flight to or from it is lost. Every message delivered is kept in `delivered`.
 */
import type { FakeTimers } from '../time/timers.fake.js';
import type { ControlKind, ControlMessage } from './api.js';
import type { KeyLink } from './key-change.js';

type Handler = (from: string, message: ControlMessage) => void;

interface Endpoint {
  handlers: Map<ControlKind, Handler>;
  resets: ((serial: string, why: string) => void)[];
}

export class FakeKeyLinks {
  readonly #timers: FakeTimers;
  readonly #units = new Map<string, Endpoint>();
  readonly #cut = new Set<string>();
  /** Messages delivered, in order. */
  readonly delivered: { from: string; to: string; message: ControlMessage }[] = [];
  latencyMs = 5;

  constructor(timers: FakeTimers) {
    this.#timers = timers;
  }

  /** The link of unit `serial`. */
  link(serial: string): KeyLink {
    const e: Endpoint = { handlers: new Map(), resets: [] };
    this.#units.set(serial, e);
    return {
      send: (to, message) => this.#send(serial, to, message),
      on: (kind, handler) => {
        e.handlers.set(kind, handler as Handler);
      },
      onPeerReset: (handler) => {
        e.resets.push(handler);
      },
    };
  }

  /** Nothing reaches or leaves `serial` until restore(). */
  cut(serial: string): void {
    this.#cut.add(serial);
  }

  restore(serial: string): void {
    this.#cut.delete(serial);
  }

  /** `serial`'s stream to `peer` restarted (it gave up, or the peer rebooted). */
  reset(serial: string, peer: string): void {
    for (const h of this.#units.get(serial)?.resets ?? []) h(peer, 'stream restarted');
  }

  #send(from: string, to: string, message: ControlMessage): boolean {
    if (this.#cut.has(from) || this.#cut.has(to) || !this.#units.has(to)) return false;
    const copy = structuredClone(message);
    this.#timers.after(this.latencyMs, () => {
      const e = this.#units.get(to);
      if (!e || this.#cut.has(from) || this.#cut.has(to)) return;
      this.delivered.push({ from, to, message: copy });
      e.handlers.get(copy.k)?.(from, copy);
    });
    return true;
  }
}
