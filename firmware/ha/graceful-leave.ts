/**
 * Graceful shutdown of the heartbeat loop: a last frame on every link says "take over now"
 * (carp's last advert). A primary then keeps forwarding until its successor's heartbeat says it
 * works, at most HANDOVER_WAIT_MS: make before break, so a planned shutdown loses (next to) no
 * packet. The successor reacts to the leave frame itself, not to a timer, so the wait is
 * milliseconds. One more leave frame after releasing makes the successor announce again:
 * switches that relearnt our port from what we forwarded meanwhile would otherwise wait for its
 * next round.
 */
import type { Clock, Poller } from '../../hal/clock/index.js';
import type { Logger } from '../log/logger.js';
import type { TakeoverExecutor } from '../takeover/executor.js';
import type { Lease } from '../takeover/lease.js';
import type { Cluster } from './cluster.js';
import { FrameType } from './wire/header.js';

/** How long a leaving primary keeps forwarding while waiting for its successor to work. */
export const HANDOVER_WAIT_MS = 100;

/** What the handover asks of the heartbeat loop. */
export interface LeavingLoop {
  /** Sends a frame of `type` with this unit's advert on every heartbeat link. */
  sendHeartbeat(type: FrameType, now: number): void;
  /** Consumes whatever woke the poll (it would wake again at once and spin) and takes in the heartbeats heard. */
  consumeWoken(now: number): void;
}

export interface HandoverParts {
  clock: Clock;
  poller: Poller;
  cluster: Cluster;
  takeover: TakeoverExecutor;
  lease: Lease;
  log: Logger;
}

export interface Released {
  atMs: number;
  tookMs: number;
  failures: string[];
}

export class GracefulLeave {
  constructor(private readonly p: HandoverParts) {}

  /**
   * Leave frames, the wait for a successor while primary, then the data ports released. Returns
   * the release (when, how long it took, what failed) when this unit held the ports, for the
   * main process: it must stop announcing them.
   */
  run(loop: LeavingLoop): Released | null {
    const { clock, cluster, takeover, lease } = this.p;
    const start = clock.nowMs();
    loop.sendHeartbeat(FrameType.Leave, start);
    loop.sendHeartbeat(FrameType.Leave, start);
    const held = takeover.active;
    const handover = held && cluster.hasPeers;
    if (handover) this.#awaitSuccessor(loop, start + HANDOVER_WAIT_MS);
    lease.revoke();
    const atMs = clock.nowMs();
    const failures = takeover.giveUp();
    const tookMs = clock.nowMs() - atMs;
    if (handover) loop.sendHeartbeat(FrameType.Leave, clock.nowMs());
    return held ? { atMs, tookMs, failures } : null;
  }

  #awaitSuccessor(loop: LeavingLoop, deadline: number): void {
    const { clock, poller, cluster, takeover, lease, log } = this.p;
    for (let now = clock.nowMs(); now < deadline; now = clock.nowMs()) {
      poller.wait(Math.max(1, Math.ceil(deadline - now)));
      const at = clock.nowMs();
      // Still forwarding until the successor works: the lease must not run out meanwhile.
      if (takeover.active) lease.renew(at);
      loop.consumeWoken(at);
      if (cluster.peerWorking()) {
        log.info(`successor works ${(at - deadline + HANDOVER_WAIT_MS).toFixed(2)} ms after the leave frames`);
        return;
      }
    }
    log.event(`no successor took over within ${HANDOVER_WAIT_MS} ms of the leave frames; releasing the data ports`, 'warn');
  }
}
