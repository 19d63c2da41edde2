/**
 * Reading firmware.log lines by their CLOCK_MONOTONIC stamp ("2026-...Z [1014923.497] info ha: ..."),
 * which compares directly with fault times and snapshot times. The stamp is taken when the
 * main thread writes the line: heartbeat-worker events reach it by message, so under main-thread
 * load they are stamped late (tens of ms seen); windows around an event must allow for that.
 */
const STAMP = /^\S+ \[(\d+(?:\.\d+)?)\] /;
/** The monotonic ms a log line is stamped with, or null for lines without one. */
export function stampOf(line) {
    const m = STAMP.exec(line);
    return m ? Number(m[1]) : null;
}
/** Log lines stamped within [fromMs, toMs]. */
export function linesBetween(log, fromMs, toMs) {
    return log.split('\n').filter((line) => {
        const t = stampOf(line);
        return t !== null && t >= fromMs && t <= toMs;
    });
}
/** Log lines matching `pattern`. */
export function linesMatching(log, pattern) {
    return log.split('\n').filter((line) => pattern.test(line));
}
/**
 * The lines of several boards' logs stamped within `beforeMs`/`afterMs` of any of `times`,
 * as "<board>: <line>" in time order, one group per stretch of overlapping windows.
 */
export function incidents(logs, times, beforeMs, afterMs) {
    const windows = [];
    for (const t of [...times].sort((a, b) => a - b)) {
        const last = windows[windows.length - 1];
        if (last && t - beforeMs <= last[1])
            last[1] = t + afterMs;
        else
            windows.push([t - beforeMs, t + afterMs]);
    }
    const stamped = logs.flatMap(({ board, text }) => text.split('\n').flatMap((line) => {
        const t = stampOf(line);
        return t === null ? [] : [{ t, line: `${board}: ${line.replace(/^\S+ /, '')}` }];
    }));
    stamped.sort((a, b) => a.t - b.t);
    return windows.map(([from, to]) => stamped.filter((s) => s.t >= from && s.t <= to).map((s) => s.line));
}
//# sourceMappingURL=log-lines.js.map