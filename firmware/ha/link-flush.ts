/**
 * Link events on a board's own NICs, brought forward. The kernel reports a carrier change
 * through its link-event worker (linkwatch): at once for an "urgent" link, otherwise at most once
 * a second after its previous run, for every link of the kernel together. A link whose index
 * equals its iflink is not urgent, and a physical NIC is such a link, so a heartbeat port or a
 * monitored port that loses carrier within a second of another link event (a peer's ports as
 * it reboots, a flapping cable, a switch going down port by port) is reported up to a second
 * late, and the carrier fast path and the monitored-port failover wait for it. Measured with a
 * veth pair whose ends had the same index: the loss was reported 1.0–1.3 s after the down,
 * and a down undone within the second not at all (README, "Link events on a board's own NICs").
 *
 * Asking the kernel for a link's state (RTM_GETLINK) makes it report that link's pending
 * change at once. So for WINDOW_MS after any link event the heartbeat worker saw, the main
 * process asks for the watched ports' state every POLL_MS; the worker hears what that brings
 * forward on its own link monitor. Not on the heartbeat worker: the request may wait for the
 * kernel's RTNL lock, which no SCHED_FIFO thread should wait on.
 */
import type { L2Device } from '../../hal/nic/index.js';
import type { Cancel, Timers } from '../time/timers.js';

/** linkwatch's rate limit, with a margin: a pending change is reported within a second of its run before. */
export const WINDOW_MS = 1100;
/** How late a change in the window may still come: one heartbeat interval at the fastest. */
export const POLL_MS = 10;
const POLLS = Math.ceil(WINDOW_MS / POLL_MS);

export class LinkEventFlush {
  #ifnames: readonly string[] = [];
  /** Polls left in the window. */
  #left = 0;
  #timer: Cancel | null = null;

  constructor(
    private readonly nic: Pick<L2Device, 'linkState'>,
    private readonly timers: Timers,
  ) {}

  /** The ports whose changes must not wait: heartbeat and monitored ports. */
  watch(ifnames: readonly string[]): void {
    this.#ifnames = [...ifnames];
  }

  /** A link event was seen: poll the watched ports for the next WINDOW_MS. */
  nudge(): void {
    this.#left = POLLS;
    if (this.#timer === null && this.#ifnames.length > 0) this.#schedule();
  }

  close(): void {
    this.#timer?.();
    this.#timer = null;
  }

  #schedule(): void {
    this.#timer = this.timers.after(POLL_MS, () => {
      this.#left--;
      for (const ifname of this.#ifnames) {
        try {
          this.nic.linkState(ifname);
        } catch {
          // A port that is gone has nothing pending; the worker logs its absence.
        }
      }
      if (this.#left > 0) this.#schedule();
      else this.#timer = null;
    });
  }
}
