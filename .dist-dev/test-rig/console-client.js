/**
 * Client of a board's console socket (firmware/console/socket-protocol.ts). One connection is
 * one console session; requests are answered in order and matched by id. A board that is
 * frozen or gone makes requests time out or fail; nothing here throws past a rejected promise.
 */
import { connect } from 'node:net';
import { RigError } from './errors.js';
import { encodeLine, readLines } from './jsonl.js';
export class ConsoleClient {
    socketPath;
    label;
    socket = null;
    connecting = null;
    nextId = 1;
    pending = new Map();
    /** `label` names the board in error messages. */
    constructor(socketPath, label) {
        this.socketPath = socketPath;
        this.label = label;
    }
    open() {
        if (this.socket)
            return Promise.resolve(this.socket);
        if (this.connecting)
            return this.connecting;
        this.connecting = new Promise((resolve, reject) => {
            const s = connect(this.socketPath);
            s.once('connect', () => {
                this.socket = s;
                this.connecting = null;
                resolve(s);
            });
            s.on('error', (e) => {
                if (this.connecting) {
                    this.connecting = null;
                    const why = e.code === 'ENOENT' || e.code === 'ECONNREFUSED' ? 'console socket not ready' : e.message;
                    reject(new RigError(`${this.label}: ${why} (${this.socketPath})`));
                }
            });
            s.on('close', () => this.dropped(s));
            readLines(s, (line) => this.received(line));
        });
        return this.connecting;
    }
    dropped(s) {
        if (this.socket !== s)
            return;
        this.socket = null;
        for (const [id, p] of this.pending) {
            clearTimeout(p.timer);
            p.reject(new RigError(`${this.label}: console connection closed`));
            this.pending.delete(id);
        }
    }
    received(line) {
        let msg;
        try {
            msg = JSON.parse(line);
        }
        catch {
            return;
        }
        if (msg.id === null)
            return;
        const p = this.pending.get(msg.id);
        if (!p)
            return;
        this.pending.delete(msg.id);
        clearTimeout(p.timer);
        p.resolve(msg);
    }
    async request(body, timeoutMs) {
        const s = await this.open();
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new RigError(`${this.label}: no answer from the console in ${timeoutMs} ms`));
            }, timeoutMs);
            this.pending.set(id, { resolve, reject, timer });
            s.write(encodeLine({ id, ...body }));
        });
    }
    async status(timeoutMs) {
        const r = await this.request({ query: 'status' }, timeoutMs);
        if ('status' in r)
            return r.status;
        throw new RigError(`${this.label}: status query failed: ${'error' in r ? r.error : 'unexpected answer'}`);
    }
    async command(line, timeoutMs) {
        const r = await this.request({ line }, timeoutMs);
        if ('output' in r)
            return { output: r.output, prompt: r.prompt };
        throw new RigError(`${this.label}: "${line}" failed: ${'error' in r ? r.error : 'unexpected answer'}`);
    }
    close() {
        this.socket?.destroy();
        this.connecting = null;
    }
}
/**
 * Runs console text (one command per line) in a fresh session, so a `config ...` block typed
 * across lines keeps its edit context, and returns the outputs joined.
 */
export async function consoleExec(socketPath, label, text, timeoutMs) {
    const client = new ConsoleClient(socketPath, label);
    try {
        const outputs = [];
        for (const line of text.split('\n')) {
            if (line.trim() === '')
                continue;
            outputs.push((await client.command(line, timeoutMs)).output);
        }
        if (outputs.length === 1)
            return outputs[0] ?? '';
        return outputs.map((o) => (o === '' || o.endsWith('\n') ? o : `${o}\n`)).join('');
    }
    finally {
        client.close();
    }
}
//# sourceMappingURL=console-client.js.map