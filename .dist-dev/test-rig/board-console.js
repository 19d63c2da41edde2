export const CONSOLE_TAIL_BYTES = 64 * 1024;
export class BoardConsole {
    pty;
    capacity;
    chunks = [];
    size = 0;
    listeners = new Set();
    constructor(pty, capacity = CONSOLE_TAIL_BYTES) {
        this.pty = pty;
        this.capacity = capacity;
        pty.onData((chunk) => this.received(chunk));
    }
    /** The slave path the firmware opens (TANDEM_SIM_TTY). */
    get path() {
        return this.pty.path;
    }
    received(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.capacity) {
            const first = this.chunks[0];
            const excess = this.size - this.capacity;
            if (first.length <= excess) {
                this.chunks.shift();
                this.size -= first.length;
            }
            else {
                this.chunks[0] = first.subarray(excess);
                this.size -= excess;
            }
        }
        for (const listener of this.listeners)
            listener(chunk);
    }
    /** The last output, at most `capacity` bytes. */
    tail() {
        return Buffer.concat(this.chunks);
    }
    /** Receives output from now on; returns the detach function. */
    attach(listener) {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }
    /** Bytes typed on the console. */
    write(data) {
        this.pty.write(data);
    }
    close() {
        this.listeners.clear();
        this.pty.close();
    }
}
//# sourceMappingURL=board-console.js.map