/**
 * What goes in a syslog datagram. `format default` is FortiOS's: `<PRI>` then the event log's
 * key=value line. `format rfc5424`: `<PRI>1 <time> <host> tandem <pid> <subtype>
 * [tandem@32473 subtype=… level=… <fields>] <message>`, PRI = facility × 8 + severity.
 */
import { isoOfWallMs } from '../../hal/clock/index.js';
import { eventId } from './event-ids.js';
import { EVENT_LEVEL, eventFields, formatEventLine, SEVERITIES } from './event-line.js';
/** FortiOS's facility names, with their syslog numbers (RFC 5424 §6.2.1; 12-15 as FortiOS names them). */
export const SYSLOG_FACILITY = {
    kernel: 0,
    user: 1,
    mail: 2,
    daemon: 3,
    auth: 4,
    syslog: 5,
    lpr: 6,
    news: 7,
    uucp: 8,
    cron: 9,
    authpriv: 10,
    ftp: 11,
    ntp: 12,
    audit: 13,
    alert: 14,
    clock: 15,
    local0: 16,
    local1: 17,
    local2: 18,
    local3: 19,
    local4: 20,
    local5: 21,
    local6: 22,
    local7: 23,
};
export const SYSLOG_FORMATS = ['default', 'rfc5424'];
/**
 * The SD-ID's enterprise number: 32473 is the one RFC 5612 reserves for documentation, kept
 * until Tandem has a private enterprise number of its own.
 */
export const SD_ID = 'tandem@32473';
export function syslogPri(facility, r) {
    return (SYSLOG_FACILITY[facility] ?? SYSLOG_FACILITY.local7) * 8 + SEVERITIES.indexOf(EVENT_LEVEL[r.level]);
}
/** RFC 5424 §6.3.3: `"`, `\` and `]` are escaped in a PARAM-VALUE. */
const paramValue = (v) => `"${String(v).replace(/["\\\]]/g, '\\$&')}"`;
/** RFC 5424 §6: printable US-ASCII only, or the NILVALUE. */
const header = (v, max) => v.replace(/[^\x21-\x7e]/g, '').slice(0, max) || '-';
/** `wallMs` to RFC 3339 with microseconds, as the event log's `eventtime` has them. */
function timestamp(wallMs) {
    const us = Math.round(wallMs * 1000);
    const iso = isoOfWallMs(Math.floor(us / 1000));
    return `${iso.slice(0, 19)}.${String(us % 1_000_000).padStart(6, '0')}Z`;
}
export function formatSyslog(format, r, wallMs, from) {
    const pri = `<${syslogPri(from.facility, r)}>`;
    if (format === 'default')
        return pri + formatEventLine(r, wallMs);
    const subtype = r.subtype ?? r.namespace;
    const params = [['subtype', subtype], ['level', EVENT_LEVEL[r.level]], ...eventFields(r)];
    const sd = `[${SD_ID} ${params.map(([k, v]) => `${k}=${paramValue(v)}`).join(' ')}]`;
    // RFC 5424's MSGID names the kind of message: the log id where the event has one.
    const msgid = eventId(r)?.logid ?? subtype;
    const head = [`${pri}1`, timestamp(wallMs), header(from.hostname, 255), 'tandem', String(from.pid), header(msgid, 32)];
    return `${head.join(' ')} ${sd} ${r.message.replace(/[\r\n]+/g, ' ')}`;
}
//# sourceMappingURL=syslog-format.js.map