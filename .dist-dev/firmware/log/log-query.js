/**
 * `execute log display` over the event log's lines: which lines a filter passes, newest first,
 * and the page of them `start-line` and `view-lines` pick. Pure: the lines come in as text.
 */
import { EVENT_LEVEL, parseEventLine, SEVERITIES } from './event-line.js';
/** The level names the event log writes, for help and checks. */
export const LOG_LEVELS = SEVERITIES.filter((s) => Object.values(EVENT_LEVEL).includes(s));
/** Most severe first: `level warning` also passes errors. */
const severity = (level) => SEVERITIES.indexOf(level);
function fieldMatches(name, wanted, line, fields) {
    if (name === 'msg') {
        const msg = fields.get('msg') ?? line;
        return wanted.some((w) => msg.includes(w));
    }
    const have = fields.get(name);
    if (have === undefined)
        return false;
    if (name === 'level')
        return wanted.some((w) => severity(have) >= 0 && severity(have) <= severity(w));
    return wanted.includes(have);
}
export function matchesQuery(line, query) {
    const fields = parseEventLine(line);
    for (const [name, wanted] of query.fields)
        if (!fieldMatches(name, wanted, line, fields))
            return false;
    return true;
}
/** `linesOldestFirst` as the event log keeps them. */
export function queryLog(linesOldestFirst, query) {
    const matched = linesOldestFirst.filter((l) => matchesQuery(l, query)).reverse();
    const page = matched.slice(query.startLine - 1, query.startLine - 1 + query.viewLines);
    return { found: matched.length, lines: page.map((text, i) => ({ n: query.startLine + i, text })) };
}
/** FortiOS's answer to `execute log display`. */
export function renderLogPage(page) {
    const body = page.lines.map((l) => `${l.n}: ${l.text}\n`).join('');
    return `${page.found} logs found.\n${page.lines.length} logs returned.\n${body}`;
}
//# sourceMappingURL=log-query.js.map