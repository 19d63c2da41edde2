/** A newcomer's first question at the console's `login:` prompt (firmware/console/login.ts). */
export const LOGIN_HELP = 'login: admin, empty password the first time (then choose one)';
export const KEY_HELP = 'Ctrl-] then: k kill -9 primary · p power loss · t stop · f failover set/unset · r restart dead · c cut hb · u restore · a-d console · q quit';
/**
 * The client → server traffic through the pair, as the rig's 1 ms prober sees it: whether it
 * flows, the last outage (how long, how many probes) and the TCP streams.
 */
export function trafficLine(r) {
    if (!r)
        return 'traffic: not running';
    if (r.firstEchoAtMs === null)
        return `traffic cli -> srv: ${r.sent} probes sent, none through yet (waiting for a primary)`;
    const last = r.outages.at(-1);
    const open = last && last.endMs === null;
    const gap = !last
        ? 'no outage'
        : open
            ? `OUTAGE NOW, ${last.gapMs.toFixed(0)} ms so far`
            : `last outage ${last.gapMs.toFixed(1)} ms (${last.lost} probes), ${((r.nowMs - (last.endMs ?? r.nowMs)) / 1000).toFixed(0)} s ago`;
    const streams = r.streams.requested > 0 ? ` · TCP streams ${r.streams.alive} alive, ${r.streams.broken} broken` : '';
    return `traffic cli -> srv: ${r.received}/${r.sent} probes echoed · ${gap}${streams}`;
}
const ROLE = { work: 'primary', standby: 'secondary', hello: 'negotiating' };
function linkCell(rx, tx, carrier) {
    if (rx === undefined || tx === undefined)
        return '-';
    return `${rx}/${tx}${carrier === false ? ' NO-CARRIER' : ''}`;
}
function role(b) {
    if (b.process !== 'alive')
        return b.process === 'frozen' ? 'frozen' : 'dead';
    if (!b.ha)
        return 'booting';
    const r = ROLE[b.ha.state] ?? b.ha.state;
    return b.ha.alone && b.ha.state === 'work' ? `${r} (alone)` : r;
}
const ANSI_COLOUR = { green: '\x1b[32m', amber: '\x1b[33m', red: '\x1b[31m' };
const ANSI_DARK = '\x1b[90m';
const ANSI_RESET = '\x1b[0m';
const ROLE_LETTER = { status: 'S', ha: 'H', sync: 'Y' };
/** A board's LEDs as `S● H●○○ Y○`, each role's letter then its LEDs; `plain` without colours (for widths). */
export function ledCell(dots, plain = false) {
    const roles = [...new Set(dots.map((d) => d.role))];
    return roles
        .map((role) => {
        const marks = dots
            .filter((d) => d.role === role)
            .map((d) => {
            const mark = d.lit ? '●' : '○';
            return plain ? mark : `${d.lit ? ANSI_COLOUR[d.colour] : ANSI_DARK}${mark}${ANSI_RESET}`;
        });
        return `${ROLE_LETTER[role]}${marks.join('')}`;
    })
        .join(' ');
}
/** Text and colour codes (`ESC [ … m`) taking turns: text at even indexes, codes at odd ones. */
function ansiParts(line) {
    const parts = [];
    let at = 0;
    for (;;) {
        const start = line.indexOf('\x1b[', at);
        const end = start < 0 ? -1 : line.indexOf('m', start);
        if (end < 0)
            return [...parts, line.slice(at)];
        parts.push(line.slice(at, start), line.slice(start, end + 1));
        at = end + 1;
    }
}
/** What a terminal shows of the line: the text without its colour codes. */
export function visibleText(line) {
    return ansiParts(line)
        .filter((_, i) => i % 2 === 0)
        .join('');
}
/** A line longer than `width` visible columns is cut to `width - 1`; colour codes take no column and stay whole. */
function cutVisible(line, width) {
    const parts = ansiParts(line);
    if (visibleText(line).length <= width)
        return line;
    let room = Math.max(0, width - 1);
    let out = '';
    for (const [i, part] of parts.entries()) {
        if (i % 2 === 1)
            out += part;
        else {
            out += part.slice(0, room);
            room -= Math.min(room, part.length);
        }
    }
    return parts.length > 1 ? `${out}${ANSI_RESET}` : out;
}
/**
 * The header lines for a terminal `width` columns wide. `leds` (by board letter) adds a column
 * of LED dots; it is read on each redraw, so a blink shows as the dots change.
 */
export function renderLiveView(s, consoleBoard, events, width, traffic = null, leds = {}) {
    const withLeds = Object.keys(leds).length > 0;
    const rows = [
        ['board', 'role', 'state', 'primary', 'peers', 'ha1 rx/tx', 'ha2 rx/tx', 'refused', 'process'],
        ...s.boards.map((b) => {
            const link = (name) => b.ha?.links.find((l) => l.name === name);
            const ha1 = link('ha1');
            const ha2 = link('ha2');
            return [
                b.board,
                role(b),
                b.state ?? '-',
                b.primary ?? '-',
                b.members === null ? '-' : String(Math.max(0, b.members - 1)),
                linkCell(ha1?.rxAccepted, ha1?.txFrames, ha1?.carrier),
                linkCell(ha2?.rxAccepted, ha2?.txFrames, ha2?.carrier),
                String(b.ha?.refused.length ?? 0),
                b.pid === null ? b.process : `${b.process} (${b.pid})`,
            ];
        }),
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)) + 2);
    const table = rows.map((r, i) => {
        const line = r.map((cell, c) => cell.padEnd(widths[c])).join('');
        if (!withLeds)
            return line.trimEnd();
        const board = s.boards[i - 1]?.board;
        return `${line}${board === undefined ? 'leds' : ledCell(leds[board] ?? [])}`;
    });
    return [
        `Tandem rig "${s.name}": ${s.boards.length} sim boards · console: board ${consoleBoard}`,
        ...table,
        trafficLine(traffic),
        ...events.map((e) => `  ${e}`),
        `console ${LOGIN_HELP}`,
        KEY_HELP,
        '─'.repeat(width),
    ].map((line) => cutVisible(line, width));
}
//# sourceMappingURL=live-view.js.map