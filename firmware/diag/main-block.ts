/**
 * `diagnose test main-block <seconds>`: blocks the main thread outright, as a hung firmware
 * would (a runaway loop, a synchronous call that never returns). The watchdog keeper sees the
 * event loop stop and stops kicking; past the board's thresholds the watchdog resets the board.
 * The block starts after the console's reply is written, so the operator sees what is coming.
 */
import type { Timers } from '../time/timers.js';

export const MAIN_BLOCK_MAX_S = 600;

export function mainBlock(timers: Timers, seconds: number): string {
  timers.after(50, () => {
    // Atomics.wait sleeps in the kernel: the thread is blocked, not spinning a core.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
  });
  return `main thread blocked for ${seconds} s in 50 ms: the watchdog resets this unit if that outlasts its limits\n`;
}
