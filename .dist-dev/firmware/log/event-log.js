/**
 * The persistent event log (`execute log display`): operator events appended to the board's
 * flash, one line each, rotated to `<file>.1` past a size limit so flash never fills up.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { wallMsAt, wallTimeIso } from '../../hal/clock/index.js';
import { formatEventLine } from './event-line.js';
const MAX_BYTES = 1 << 20;
export class EventLog {
    path;
    clock;
    size;
    constructor(path, clock) {
        this.path = path;
        this.clock = clock;
        mkdirSync(dirname(path), { recursive: true });
        try {
            this.size = statSync(path).size;
        }
        catch {
            this.size = 0;
        }
    }
    append(r) {
        const line = `${formatEventLine(r, wallMsAt(this.clock, r.atMs))}\n`;
        if (this.size + line.length > MAX_BYTES) {
            renameSync(this.path, `${this.path}.1`);
            this.size = 0;
        }
        appendFileSync(this.path, line);
        this.size += line.length;
    }
    /** Every kept line, oldest first: the rotated file, then the current one. */
    async lines() {
        const read = (path) => readFile(path, 'utf8').catch(() => '');
        const text = (await read(`${this.path}.1`)) + (await read(this.path));
        return text.split('\n').filter((l) => l !== '');
    }
}
/**
 * The console and daemon log line: wall time, monotonic ms (comparable across the rig), text.
 * A record stamped by the heartbeat worker keeps its own time: the main thread may write it late.
 */
export function formatLogLine(r, clock) {
    const at = r.atMs ?? clock.nowMs();
    const wall = wallTimeIso(clock, at);
    return `${wall} [${at.toFixed(3)}] ${r.level} ${r.namespace}: ${r.message}\n`;
}
//# sourceMappingURL=event-log.js.map