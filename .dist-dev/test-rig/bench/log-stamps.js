import { logSince } from './bench-rig.js';
import { linesMatching, stampOf } from './log-lines.js';
import { BenchError } from './options.js';
const LINE_TIMEOUT_MS = 30_000;
const POLL_MS = 20;
/** The stamp of the first line matching `re` the board's log gains after `offset`, waiting for it. */
export async function stampAfter(rig, board, offset, re, timeoutMs = LINE_TIMEOUT_MS) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
        const line = linesMatching(logSince(rig, board, offset), re)[0];
        const t = line === undefined ? null : stampOf(line);
        if (t !== null)
            return t;
        await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seen = linesMatching(logSince(rig, board, offset), /config|control|key-change|boot|upgrade|ha:/).slice(-10);
    throw new BenchError(`${rig.name} board ${board}: no line matching ${re} within ${timeoutMs} ms; since then:\n${seen.join('\n')}`);
}
//# sourceMappingURL=log-stamps.js.map