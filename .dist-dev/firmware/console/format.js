/** Number and time formats shared by the console's status commands. */
/** FortiOS uptime style: "0 days 0:23:13". */
export function formatUptime(ms) {
    const total = Math.max(0, Math.floor(finite(ms) / 1000));
    const days = Math.floor(total / 86400);
    const h = Math.floor((total % 86400) / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return `${days} days ${h}:${two(m)}:${two(s)}`;
}
/** A short age for "last heard" columns: "95 ms", "2.4 s", "0 days 0:05:00". */
export function formatAgo(ms) {
    if (ms === null || !Number.isFinite(ms))
        return 'never';
    const v = Math.max(0, ms);
    if (v < 1000)
        return `${Math.round(v)} ms`;
    if (v < 60_000)
        return `${(v / 1000).toFixed(1)} s`;
    return formatUptime(v);
}
/** Seconds with one decimal, for HA ages: "83.4s". */
export function formatSeconds(ms) {
    return `${(Math.max(0, finite(ms)) / 1000).toFixed(1)}s`;
}
/**
 * FortiOS date-time style, "2026-11-21 15:04:05", from the runtime's wall times (ISO 8601 in
 * UTC, "2026-11-21T15:04:05.123Z"); anything else is shown as it came.
 */
export function wallClock(wall) {
    const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(wall);
    return m ? `${m[1]} ${m[2]}` : wall;
}
/** The election-history style: "2026/11/21 15:04:05". */
export function slashDate(wall) {
    const clock = wallClock(wall);
    return /^\d{4}-\d{2}-\d{2} /.test(clock) ? `${clock.slice(0, 10).replaceAll('-', '/')}${clock.slice(10)}` : clock;
}
export function enableDisable(on) {
    return on ? 'enable' : 'disable';
}
export function padRight(text, width) {
    return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
/** Left-aligned columns separated by two spaces; every row ends with "\n", no trailing blanks. */
export function table(header, rows, indent = '') {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => `${indent}${cells.map((c, i) => padRight(c, widths[i] ?? 0)).join('  ')}`.trimEnd() + '\n';
    return line(header) + rows.map(line).join('');
}
function two(n) {
    return n < 10 ? `0${n}` : String(n);
}
function finite(n) {
    return Number.isFinite(n) ? n : 0;
}
/** Non-empty console output always ends with a newline. */
export function endLine(text) {
    return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
//# sourceMappingURL=format.js.map