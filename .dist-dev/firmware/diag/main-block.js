export const MAIN_BLOCK_MAX_S = 600;
export function mainBlock(timers, seconds) {
    timers.after(50, () => {
        // Atomics.wait sleeps in the kernel: the thread is blocked, not spinning a core.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
    });
    return `main thread blocked for ${seconds} s in 50 ms: the watchdog resets this unit if that outlasts its limits\n`;
}
//# sourceMappingURL=main-block.js.map