/**
 * Self-fencing lease in the kernel: frames addressed to or sourced from a port's virtual MAC
 * pass only while a lease holds. The heartbeat worker renews it every interval while this unit
 * is primary; when the firmware hangs, the lease runs out and the kernel stops forwarding,
 * answering ARP/ND and sending with the virtual MAC on its own, before any peer takes over.
 *
 * The lease is a deadline in CLOCK_MONOTONIC milliseconds (the clock device's time) that the
 * kernel compares with its own monotonic clock on every frame of a fenced port.
 */
export {};
//# sourceMappingURL=index.js.map