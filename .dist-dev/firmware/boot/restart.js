/**
 * The firmware's exit code for "boot again": after installing an image, or when an image on
 * trial is not healthy in time. The board's service manager restarts the firmware on any exit
 * (scripts/tandem.service, Restart=always) through the boot selector, which picks the slot; the
 * rig's supervisor restarts a sim board on this code alone, so a crash there stays a crash.
 */
export const RESTART_EXIT_CODE = 75;
//# sourceMappingURL=restart.js.map