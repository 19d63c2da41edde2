/**
 * Loading a module graph with its functions compiled ahead (V8's --no-lazy and
 * --always-sparkplug while it loads).
 *
 * V8 compiles a function at its first call. A heartbeat worker that has never failed over has
 * never run the failover's code (peers lost, the election won, the takeover and its events),
 * and the survivor of a failure is usually a fresh process: the unit that restarted after the
 * last one. Compiling that code on the way cost the carrier fast path 1.0–3.0 ms between the
 * carrier event and the takeover's first step (README, "Where the time before the takeover
 * went"). Started with --no-lazy the whole process pays for every package and Node builtin too
 * (1.6 MB more PSS per board in the rig, 1.8 MB in a script loading the worker's modules);
 * flipping the flag only around the firmware's own modules cost 0.8 MB in that script.
 *
 * The same graph is also compiled to Sparkplug's baseline machine code (--always-sparkplug
 * while it loads). Compiled ahead to bytecode only, the failover still ran in V8's interpreter:
 * code that runs once a failover is never hot enough to be compiled further. With baseline code
 * the monitored port's failover in the rig went from a gap p50 of 2.49–3.02 ms to 2.24–2.25 ms
 * (3 sets of 12 each, 0.25 ms prober), from the kernel's report of the pulled cable to traffic
 * back p50 1.89–2.54 → 1.58–1.72 ms, the survivor's turn up to the takeover done 1.28–1.50 →
 * 1.04–1.07 ms. It costs the worker 0.73 MB of machine code, 1.0–1.2 MB of RSS, and 8–11 ms
 * more to load its modules (45–50 → 56–59 ms, 3 loads each).
 *
 * `lazyFirst` names the packages and builtins the graph uses: they are loaded before the flag
 * flips, so they stay lazy and Node's builtins keep their code cache, which V8 rejects when
 * the flags differ from those it was made with.
 */
import { setFlagsFromString } from 'node:v8';

/** Flags set while the graph loads, and what they are put back to. */
const AHEAD = [
  { on: '--no-lazy', off: '--lazy' },
  { on: '--always-sparkplug', off: '--no-always-sparkplug' },
] as const;

export async function importCompiledAhead<T>(url: URL, lazyFirst: readonly string[]): Promise<T> {
  for (const specifier of lazyFirst) await import(specifier);
  // A process started with one of the flags (to profile it, say) keeps it.
  const flips = AHEAD.filter((f) => !process.execArgv.includes(f.on));
  for (const f of flips) setFlagsFromString(f.on);
  try {
    return (await import(url.href)) as T;
  } finally {
    for (const f of flips) setFlagsFromString(f.off);
  }
}
