/**
 * The console socket from a shell on the board (deploy scripts, an operator over SSH):
 *
 *   node dist/firmware/console/socket-cli.js [--socket <path>] '<line>' ['<line>' ...]
 *
 * sends the lines in one console session (so `execute restore image …` then `y` answers its
 * question) and prints what each printed. Exit code 0 when every line ran, 1 when the socket
 * cannot be reached (the firmware is not running), 2 for a usage error.
 */
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import { systemTimers } from '../time/timers.js';
import { CONSOLE_SOCKET_NAME } from './socket-protocol.js';
const USAGE = `usage: socket-cli.js [--socket <path>] '<line>' ['<line>' ...] (default socket /run/tandem/${CONSOLE_SOCKET_NAME})`;
/** Long enough for `execute restore image` (it unpacks and checks a whole bundle). */
const TIMEOUT_MS = 300_000;
function usage(problem) {
    process.stderr.write(`tandem: ${problem}\n${USAGE}\n`);
    process.exit(2);
}
function parse() {
    try {
        return parseArgs({ options: { socket: { type: 'string' } }, allowPositionals: true });
    }
    catch (err) {
        return usage(err.message);
    }
}
const { values, positionals } = parse();
if (positionals.length === 0)
    usage('no line to send');
const path = values.socket ?? `/run/tandem/${CONSOLE_SOCKET_NAME}`;
const socket = connect(path);
const cancelTimeout = systemTimers.after(TIMEOUT_MS, () => {
    process.stderr.write(`tandem: no answer on ${path} in ${TIMEOUT_MS / 1000} s\n`);
    process.exit(1);
});
socket.on('error', (err) => {
    process.stderr.write(`tandem: console socket ${path}: ${err.message} (is the firmware running?)\n`);
    process.exit(1);
});
let buffered = '';
let answered = 0;
socket.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const response = JSON.parse(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if ('error' in response)
            process.stderr.write(`tandem: ${response.error}\n`);
        else if ('output' in response)
            process.stdout.write(response.output);
        answered++;
        if (answered === positionals.length) {
            cancelTimeout();
            socket.end();
        }
    }
});
socket.on('connect', () => {
    positionals.forEach((line, i) => {
        socket.write(`${JSON.stringify({ id: i + 1, line })}\n`);
    });
});
//# sourceMappingURL=socket-cli.js.map