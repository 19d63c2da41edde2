/**
 * The event log's line, in FortiOS's key=value shape: `date=… time=… eventtime=<µs>
 * logid="0101000001" type="event" subtype="ha" level="notice" logdesc="HA state changed" msg="…"
 * from="standby" to="work"` (logid and logdesc where event-ids.ts has the event). Written by event-log.ts, read
 * back by log-query.ts and sent as is by syslog `format default`.
 */
import { isoOfWallMs } from '../../hal/clock/index.js';
import { eventId } from './event-ids.js';
/** Syslog's severities by their number (RFC 5424 §6.2.1), under FortiOS's names. */
export const SEVERITIES = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'information', 'debug'];
/** FortiOS's (and syslog's) level names; an info event is one an operator should notice. */
export const EVENT_LEVEL = {
    debug: 'debug',
    info: 'notice',
    warn: 'warning',
    error: 'error',
};
/** Keys the line itself uses: an event field of the same name would make it ambiguous. */
const RESERVED = new Set(['date', 'time', 'eventtime', 'logid', 'type', 'subtype', 'level', 'logdesc', 'msg']);
const quote = (v) => `"${v.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
const value = (v) => (typeof v === 'number' ? String(v) : quote(v));
/** The record's own fields that may go on the line, in the order they were given. */
export function eventFields(r) {
    return Object.entries(r.fields ?? {}).filter(([k]) => !RESERVED.has(k) && /^[A-Za-z0-9_-]+$/.test(k));
}
/** One line, without its newline; `wallMs` is when it happened (ms since the epoch). */
export function formatEventLine(r, wallMs) {
    const iso = isoOfWallMs(wallMs);
    const id = eventId(r);
    const head = [
        `date=${iso.slice(0, 10)}`,
        `time=${iso.slice(11, 19)}`,
        `eventtime=${Math.round(wallMs * 1000)}`,
        ...(id ? [`logid=${quote(id.logid)}`] : []),
        'type="event"',
        `subtype=${quote(r.subtype ?? r.namespace)}`,
        `level=${quote(EVENT_LEVEL[r.level])}`,
        ...(id ? [`logdesc=${quote(id.logdesc)}`] : []),
        `msg=${quote(r.message)}`,
    ];
    return [...head, ...eventFields(r).map(([k, v]) => `${k}=${value(v)}`)].join(' ');
}
const PAIR = /([A-Za-z0-9_-]+)=(?:"((?:[^"\\]|\\.)*)"|(\S*))/g;
/** The line's key=value pairs, unquoted; empty for a line that has none (one written before them). */
export function parseEventLine(line) {
    const out = new Map();
    for (const m of line.matchAll(PAIR)) {
        const key = m[1];
        if (!out.has(key))
            out.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? ''));
    }
    return out;
}
//# sourceMappingURL=event-line.js.map