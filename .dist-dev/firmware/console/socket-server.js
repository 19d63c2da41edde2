/**
 * The local console socket (protocol in socket-protocol.ts): scripts and the test rig drive
 * the same command processor as the serial console, one session per connection. A bad
 * request is answered with an error and never closes the connection or the server.
 */
import { chmod, lstat, unlink } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { createLogger } from '../log/logger.js';
const log = createLogger('console.socket');
/** Longest request line in bytes; longer ones are answered with an error and skipped. */
export const MAX_REQUEST_BYTES = 64 * 1024;
export class ConsoleSocketError extends Error {
    path;
    constructor(path, detail) {
        super(`console socket ${path}: ${detail}`);
        this.path = path;
        this.name = 'ConsoleSocketError';
    }
}
export async function startConsoleSocket(options) {
    await removeStaleSocket(options.path);
    const connections = new Set();
    const server = createServer((socket) => {
        connections.add(socket);
        socket.on('close', () => connections.delete(socket));
        serveConnection(socket, options.processor.openSession(), options.ha);
    });
    server.on('error', (err) => log.warn(`${options.path}: ${err.message}`));
    await listen(server, options.path);
    // The socket grants configuration access without a login: it is the unit's own back door
    // for scripts and the test rig (`tandem-rig exec`), so only the firmware's own user (root on
    // the host) may connect. Operators log in on the serial console.
    await chmod(options.path, 0o600);
    log.info(`console socket on ${options.path}`);
    let closing = null;
    return {
        close: () => {
            closing ??= (async () => {
                const closed = new Promise((resolve) => server.close(() => resolve()));
                for (const socket of connections)
                    socket.destroy();
                await closed;
                await unlink(options.path).catch(() => undefined);
            })();
            return closing;
        },
    };
}
/** A socket file left by a crashed run is removed; one a live server still answers is not. */
async function removeStaleSocket(path) {
    const stat = await lstat(path).catch(() => null);
    if (!stat)
        return;
    if (!stat.isSocket())
        throw new ConsoleSocketError(path, 'exists and is not a socket; refusing to remove it');
    if (await answers(path))
        throw new ConsoleSocketError(path, 'another console server is listening there');
    await unlink(path);
}
function answers(path) {
    return new Promise((resolve) => {
        const probe = connect(path);
        probe.once('connect', () => {
            probe.destroy();
            resolve(true);
        });
        probe.once('error', () => resolve(false));
    });
}
function listen(server, path) {
    return new Promise((resolve, reject) => {
        const onError = (err) => reject(new ConsoleSocketError(path, err.message));
        server.once('error', onError);
        server.listen(path, () => {
            server.off('error', onError);
            resolve();
        });
    });
}
function serveConnection(socket, session, ha) {
    /** Requests are answered in the order they came, a slow command's reply before the next. */
    let answered = Promise.resolve();
    let pending = [];
    let pendingBytes = 0;
    /** Inside an over-long request: drop bytes up to its newline. */
    let skipping = false;
    let draining = false;
    const send = (response) => {
        if (socket.destroyed)
            return;
        // A client that sends without reading must not make us buffer without bound.
        if (!socket.write(`${JSON.stringify(response)}\n`) && !draining) {
            draining = true;
            socket.pause();
            socket.once('drain', () => {
                draining = false;
                socket.resume();
            });
        }
    };
    socket.on('error', (err) => log.debug(`connection: ${err.message}`));
    socket.on('data', (chunk) => {
        let start = 0;
        while (start < chunk.length) {
            const nl = chunk.indexOf(0x0a, start);
            const end = nl === -1 ? chunk.length : nl;
            const piece = chunk.subarray(start, end);
            if (!skipping) {
                if (pendingBytes + piece.length > MAX_REQUEST_BYTES) {
                    send({ id: null, error: `request longer than ${MAX_REQUEST_BYTES} bytes` });
                    pending = [];
                    pendingBytes = 0;
                    skipping = true;
                }
                else {
                    pending.push(piece);
                    pendingBytes += piece.length;
                }
            }
            if (nl === -1)
                break;
            if (!skipping) {
                const text = Buffer.concat(pending).toString('utf8');
                pending = [];
                pendingBytes = 0;
                answered = answered.then(async () => {
                    const response = await answer(text, session, ha);
                    if (response)
                        send(response);
                });
            }
            skipping = false;
            start = nl + 1;
        }
    });
}
/** The reply to one request line, or null for a blank line. Never rejects. */
async function answer(text, session, ha) {
    if (text.trim() === '')
        return null;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (err) {
        return { id: null, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
    const request = validate(parsed);
    if ('error' in request)
        return request;
    if ('line' in request) {
        // `exit` means nothing here: a script's session ends with its connection.
        const { output, prompt } = await session.execute(request.line);
        return { id: request.id, output, prompt };
    }
    try {
        return { id: request.id, status: ha.snapshot() };
    }
    catch (err) {
        return { id: request.id, error: `status unavailable: ${err instanceof Error ? err.message : String(err)}` };
    }
}
function validate(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { id: null, error: 'request must be a JSON object' };
    }
    const r = value;
    if (typeof r.id !== 'number' || !Number.isSafeInteger(r.id)) {
        return { id: null, error: 'request needs an integer "id"' };
    }
    const id = r.id;
    const hasLine = 'line' in r;
    const hasQuery = 'query' in r;
    if (hasLine === hasQuery)
        return { id, error: 'request needs exactly one of "line" or "query"' };
    if (hasLine) {
        if (typeof r.line !== 'string')
            return { id, error: '"line" must be a string' };
        return { id, line: r.line };
    }
    if (r.query !== 'status') {
        return { id, error: `unknown query ${String(JSON.stringify(r.query)).slice(0, 80)}; allowed: "status"` };
    }
    return { id, query: 'status' };
}
//# sourceMappingURL=socket-server.js.map