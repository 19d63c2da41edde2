/**
 * Watchdog device: a hardware timer that resets the board unless it is kicked in time.
 *
 * Opening the device arms it. A kick restarts its countdown. A clean exit closes it with the
 * magic character ('V' written just before close) so the board is not reset; any other close
 * (a crash, SIGKILL) leaves it running, and the board resets when the timeout passes.
 */
/** WDIOF_CARDRESET: the last reboot was caused by the watchdog (linux/watchdog.h). */
export const WDIOF_CARDRESET = 0x20;
//# sourceMappingURL=index.js.map