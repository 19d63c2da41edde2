/**
 * The dependency rules of DESIGN.md, checked on the sources: firmware never reaches hardware
 * bindings, only the composition roots (one per thread) pick drivers, hal/ never depends on firmware/,
 * lib/ (plain code every layer shares) depends on nothing of the project, the takeover does not
 * depend on the HA runtime that drives it, and firmware/ takes its time from the clock service.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { sources as allSources, COMPOSITION_ROOTS, importSpecifiers, imports, isScaffolding, REPO_ROOT as root, } from './sources.testkit.js';
const BINDINGS = ['koffi', 'serialport', 'onoff', 'raw-socket'];
const SELF = 'firmware/boundaries.test.ts';
const sources = (dir) => allSources(dir).filter((f) => f !== SELF);
test('firmware/ imports none of the hardware bindings', () => {
    const leaks = sources('firmware').flatMap((f) => imports(f)
        .filter((s) => BINDINGS.some((b) => s === b || s.startsWith(`${b}/`)))
        .map((s) => `${f} imports ${s}`));
    assert.deepEqual(leaks, []);
});
// Tests and their scaffolding are exempt: a real-thing test (a console on a real pty) composes
// real drivers itself, and a fake stands in for a driver.
test('only the composition roots import HAL drivers; the rest of firmware/ sees interfaces', () => {
    const leaks = sources('firmware')
        .filter((f) => !COMPOSITION_ROOTS.includes(f) && !isScaffolding(f))
        .flatMap((f) => imports(f)
        .filter((s) => /\/hal\//.test(s) && !/\/(index|errors)\.js$/.test(s))
        .map((s) => `${f} imports ${s}`));
    assert.deepEqual(leaks, []);
});
test('hal/ does not depend on firmware/, and only hal/ loads the bindings', () => {
    const halLeaks = sources('hal').flatMap((f) => imports(f)
        .filter((s) => s.includes('/firmware/'))
        .map((s) => `${f} imports ${s}`));
    assert.deepEqual(halLeaks, []);
    const elsewhere = [...sources('firmware'), ...sources('board')].flatMap((f) => imports(f)
        .filter((s) => BINDINGS.includes(s))
        .map((s) => `${f} imports ${s}`));
    assert.deepEqual(elsewhere, []);
});
test('lib/ imports only lib/ and no binding, so every layer may import it', () => {
    const leaks = sources('lib').flatMap((f) => imports(f)
        .filter((s) => (s.startsWith('.') && !join(dirname(f), s).startsWith('lib/')) || BINDINGS.includes(s))
        .map((s) => `${f} imports ${s}`));
    assert.deepEqual(leaks, []);
});
// The heartbeat worker drives the takeover (plan, executor, lease), never the other way round:
// what both need of Ethernet lives in lib/ethernet.ts.
test('firmware/takeover/ does not depend on firmware/ha/', () => {
    const leaks = sources('firmware/takeover').flatMap((f) => imports(f)
        .filter((s) => s.startsWith('.') && join(dirname(f), s).startsWith('firmware/ha/'))
        .map((s) => `${f} imports ${s}`));
    assert.deepEqual(leaks, []);
});
// STYLE.md rule 4: time is a service. The clock device reads both clocks (hal/clock), and
// systemTimers is the one timer the main thread arms; everything else is handed those.
const TIME_CALLS = ['Date.now(', 'new Date(', 'setTimeout(', 'setInterval('];
const TIME_EXCEPTIONS = { 'firmware/time/timers.ts': ['setTimeout('] };
test('firmware/ reads time only from the clock service and arms timers only through Timers', () => {
    const leaks = sources('firmware')
        .filter((f) => !isScaffolding(f))
        .flatMap((f) => {
        const text = readFileSync(join(root, f), 'utf8');
        const allowed = TIME_EXCEPTIONS[f] ?? [];
        return TIME_CALLS.filter((call) => text.includes(call) && !allowed.includes(call)).map((call) => `${f} calls ${call}`);
    });
    assert.deepEqual(leaks, []);
});
test('every import form is seen by the scanner', () => {
    // Assembled from parts so this file's own source never holds a binding import.
    const [k, sp, o, rs] = BINDINGS;
    const sample = `import koffi from '${k}';\nimport '${o}';\nconst x = await import('${sp}');\nrequire("${rs}");\nexport { a } from './a.js';`;
    assert.deepEqual(importSpecifiers(sample), ['koffi', 'onoff', 'serialport', 'raw-socket', './a.js']);
});
//# sourceMappingURL=boundaries.test.js.map