/**
 * The latest HA events of every board, read from the end of each firmware.log, for the live
 * view: what just happened (elections, takeovers, lost peers, refusals).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { boardLogFile } from './paths.js';
const TAIL_BYTES = 16 * 1024;
const EVENT = /^\S+T(\d\d:\d\d:\d\d)\.\d+Z \[([\d.]+)\] (?:info|warn|error) ha: (.*)$/;
function tail(path) {
    let fd;
    try {
        fd = openSync(path, 'r');
    }
    catch {
        return '';
    }
    try {
        const size = fstatSync(fd).size;
        const len = Math.min(size, TAIL_BYTES);
        const buf = Buffer.alloc(len);
        readSync(fd, buf, 0, len, size - len);
        return buf.toString('utf8');
    }
    finally {
        closeSync(fd);
    }
}
/** The last `count` HA events across the boards, oldest first, as "hh:mm:ss A: text". */
export function latestEvents(rig, boards, count) {
    const events = [];
    for (const b of boards) {
        for (const line of tail(boardLogFile(rig, b)).split('\n')) {
            const m = EVENT.exec(line);
            if (m && !m[3]?.startsWith('election:'))
                events.push({ at: Number(m[2]), text: `${m[1]} ${b}: ${m[3]}` });
        }
    }
    // Monotonic stamps order events across boards (one host clock for the whole rig).
    events.sort((x, y) => x.at - y.at);
    return events.slice(-count).map((e) => e.text);
}
//# sourceMappingURL=event-tail.js.map