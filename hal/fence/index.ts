/**
 * Self-fencing lease in the kernel: frames addressed to or sourced from a port's virtual MAC
 * pass only while a lease holds. The heartbeat worker renews it every interval while this unit
 * is primary; when the firmware hangs, the lease runs out and the kernel stops forwarding,
 * answering ARP/ND and sending with the virtual MAC on its own, before any peer takes over.
 *
 * The lease is a deadline in CLOCK_MONOTONIC milliseconds (the clock device's time) that the
 * kernel compares with its own monotonic clock on every frame of a fenced port.
 */

export interface FencedPort {
  /** Front-panel name, for messages. */
  name: string;
  ifname: string;
  /** The virtual MAC the port presents while primary: the only MAC fenced. */
  mac: Uint8Array;
}

export interface LeaseFence {
  /**
   * Why the fence's links are not pinned (they then go with this process, so a killed
   * firmware's kernel is no longer fenced), or null when they are.
   */
  readonly unpinned: string | null;
  /**
   * Frames to and from the fenced MACs pass until `untilMs`. On the heartbeat path: no system
   * call, no allocation (one store into memory the kernel reads).
   */
  renew(untilMs: number): void;
  /** The lease ends now. */
  revoke(): void;
  /**
   * Fences exactly these ports (earlier ones are let go). Throws HalError naming the port and
   * errno when one cannot be fenced; the ports fenced before it stay fenced.
   */
  setPorts(ports: readonly FencedPort[]): void;
  close(): void;
}

export interface FenceDevice {
  /**
   * Opens the lease, revoked. Links are pinned in the board's bpffs folder when it has one. Throws HalError when the kernel cannot fence (no BPF, no tcx
   * attachment, which needs Linux 6.6, or no CAP_BPF/CAP_NET_ADMIN).
   */
  open(): LeaseFence;
}
