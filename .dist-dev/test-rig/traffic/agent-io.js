/**
 * An agent's side of its stdin/stdout channel to the supervisor (see protocol.ts). Written
 * with synchronous calls, so the prober's blocking loop can use it as well as the event-loop
 * agents: a reply is on the pipe before the next line of code runs.
 */
import { readSync, writeSync } from 'node:fs';
const STDIN = 0;
const STDOUT = 1;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Writes one JSON line to stdout, waiting out a full pipe. */
export function writeLine(value) {
    const bytes = Buffer.from(`${JSON.stringify(value)}\n`);
    let off = 0;
    while (off < bytes.length) {
        try {
            off += writeSync(STDOUT, bytes, off);
        }
        catch (e) {
            if (e.code !== 'EAGAIN')
                throw e;
            Atomics.wait(pause, 0, 0, 1);
        }
    }
}
/** Splits stdin into commands; unknown lines are ignored. */
export class CommandReader {
    pending = '';
    buf = Buffer.alloc(4096);
    /** Reads what stdin holds now; returns null at end of input (the supervisor is gone). */
    readAvailable() {
        let n;
        try {
            n = readSync(STDIN, this.buf, 0, this.buf.length, null);
        }
        catch (e) {
            if (e.code === 'EAGAIN')
                return [];
            throw e;
        }
        if (n === 0)
            return null;
        return this.push(this.buf.toString('utf8', 0, n));
    }
    push(text) {
        this.pending += text;
        const lines = this.pending.split('\n');
        this.pending = lines.pop() ?? '';
        return lines.map((l) => l.trim()).filter((l) => l === 'report' || l === 'stop');
    }
}
/** For event-loop agents: calls `onCommand` per command, `onEnd` when stdin closes. */
export function listenCommands(onCommand, onEnd) {
    const reader = new CommandReader();
    process.stdin.on('data', (chunk) => {
        for (const c of reader.push(chunk.toString()))
            onCommand(c);
    });
    process.stdin.on('end', onEnd);
    process.stdin.on('error', onEnd);
}
//# sourceMappingURL=agent-io.js.map