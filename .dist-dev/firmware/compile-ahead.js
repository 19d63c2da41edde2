/**
 * Loading a module graph with its functions compiled ahead (V8's --no-lazy while it loads).
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
 * `lazyFirst` names the packages and builtins the graph uses: they are loaded before the flag
 * flips, so they stay lazy and Node's builtins keep their code cache, which V8 rejects when
 * the flags differ from those it was made with.
 */
import { setFlagsFromString } from 'node:v8';
export async function importCompiledAhead(url, lazyFirst) {
    for (const specifier of lazyFirst)
        await import(specifier);
    // A process started with --no-lazy (to profile it, say) keeps it.
    if (process.execArgv.includes('--no-lazy'))
        return (await import(url.href));
    setFlagsFromString('--no-lazy');
    try {
        return (await import(url.href));
    }
    finally {
        setFlagsFromString('--lazy');
    }
}
//# sourceMappingURL=compile-ahead.js.map