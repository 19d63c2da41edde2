/**
 * Timers for main-thread code, as a service so logic can be driven by a fake clock in tests.
 * This is the one place in firmware/ that touches setTimeout.
 */
export type Cancel = () => void;

export interface Timers {
  after(ms: number, fn: () => void): Cancel;
}

export const systemTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};
