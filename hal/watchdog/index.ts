/**
 * Watchdog device: a hardware timer that resets the board unless it is kicked in time.
 *
 * Opening the device arms it. A kick restarts its countdown. A clean exit closes it with the
 * magic character ('V' written just before close) so the board is not reset; any other close
 * (a crash, SIGKILL) leaves it running, and the board resets when the timeout passes.
 */

/** WDIOF_CARDRESET: the last reboot was caused by the watchdog (linux/watchdog.h). */
export const WDIOF_CARDRESET = 0x20;

export interface Watchdog {
  /**
   * The timeout the device runs with: what WDIOC_SETTIMEOUT granted (a driver may round it),
   * or null when the device takes no ioctls (the test rig's FIFO) and keeps its own.
   */
  readonly timeoutS: number | null;
  /** Restarts the countdown. Returns 0, or the errno of a failed kick; never throws. */
  kick(): number;
  /** Magic close: the board is not reset after this. Idempotent. */
  close(): void;
}

export interface WatchdogDevice {
  /** Opens (and so arms) the device. Throws HalError naming the device and the errno. */
  open(path: string, timeoutS: number): Watchdog;
  /**
   * The WDIOF_* flags of the last reset, from the device's sysfs `bootstatus` attribute;
   * undefined when it cannot be read.
   */
  bootStatus(path: string): number | undefined;
}
