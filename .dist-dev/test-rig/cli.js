/**
 * `tandem-rig`: bring rigs up and down, run console commands, inject faults, run traffic,
 * watch status, attach to a board's serial console. Human-readable output by default, `--json` for code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatStatus } from './cli-format.js';
import { FAULT_KINDS, isFaultKind, LINK_FAULTS, PORT_FAULTS } from './control.js';
import { RigError } from './errors.js';
import { checkBoardCount, parseBoard } from './paths.js';
import { cleanStale, downAll, rig, up } from './rig.js';
import { formatReport } from './traffic/format.js';
import { checkTrafficOptions } from './traffic/options.js';
export const USAGE = `Usage: tandem-rig <command> [options]

Commands:
  up [--boards 2..4] [--config FILE]... [--arm64 BOARD]... [--wait formed|booted|none] [--timeout S]
                           start a rig; the i-th --config is board i's configuration
                           (default: the rig's own); waits until the cluster has formed
                           (default), every board answers (booted) or not at all (none);
                           on failure the rig is taken down and the reason printed;
                           --arm64 B: board B runs the arm64 release bundle (built into the
                           rig) under qemu-aarch64-static; boots take seconds, --timeout
                           defaults to 180 s then
  status                   per board: namespace, pid, process state, HA state, primary, members
  exec <board> "<command>" run console commands on a board (one per line), print the output
  fault <kind> <target>    inject a fault; prints {"atMs": ...}, the CLOCK_MONOTONIC time in
                           ms it took effect
                           kill|freeze|thaw|restart|term <board>
                           cut|restore <link>: ha1, ha2, port1, port2, port3 (every board's
                           cable of that link) or A:ha1 (one cable)
                           port-down|port-up <board> <port>: one board's cable goes dark or
                           comes back (the board sees NO-CARRIER), e.g. port-down A port2
                           loss <link> <percent>: drop that share of the frames on the link
                           (0 to 100, steps of 0.01; 0 removes the loss), e.g. loss A:ha1 30
                           power-loss <board>: kill -9 with every cable of the board dark at
                           once (in a 2-board rig the peer's heartbeat ports too); also
                           prints spreadMs, how long the whole cut took
                           power-on <board> (or restart): plugs the cables back, boots it
  traffic start [--streams N] [--interval-ms MS] [--stream-period-ms MS]
                           UDP probes every MS ms (default 1) echoed by the server, and N
                           TCP streams (default 4) client -> server through the boards;
                           restarts from zero when traffic runs already
  traffic report           outages (gap in ms, round trip and forward path), probe counts,
                           streams alive/broken with their longest stall; while running
                           or after stop; --json gives the whole report
  traffic stop             stop the traffic and print the final report
  console <board> [--replay]
                           attach this terminal to a board's serial console (Ctrl-] detaches);
                           --replay first prints the last output kept (up to 64 KB)
  down [--all]             take the rig down; --all: every rig, and what killed rigs left
  clean                    remove what killed rigs left: namespaces, processes, state folders

Options:
  --name N          rig name, 1-6 of a-z 0-9 (default: $TANDEM_RIG, else "default")
  --firmware FILE   board firmware entry (default: $TANDEM_RIG_FIRMWARE, else dist/firmware/main.js)
  --json            print one JSON object ({"ok": true, ...} or {"ok": false, "error": ...})
  -h, --help        print this text
`;
class UsageError extends RigError {
}
function parse(argv) {
    try {
        return parseArgs({
            args: argv,
            allowPositionals: true,
            options: {
                name: { type: 'string' },
                boards: { type: 'string' },
                config: { type: 'string', multiple: true },
                arm64: { type: 'string', multiple: true },
                wait: { type: 'string' },
                timeout: { type: 'string' },
                firmware: { type: 'string' },
                json: { type: 'boolean' },
                all: { type: 'boolean' },
                replay: { type: 'boolean' },
                streams: { type: 'string' },
                'interval-ms': { type: 'string' },
                'stream-period-ms': { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (e) {
        throw new UsageError(e.message);
    }
}
function positional(args, index, what) {
    const v = args[index];
    if (v === undefined)
        throw new UsageError(`missing ${what}`);
    return v;
}
function expectArgs(args, count, command) {
    if (args.length > count)
        throw new UsageError(`${command}: unexpected argument "${args[count]}"`);
}
async function commandUp(v, args) {
    expectArgs(args, 0, 'up');
    const wait = (v.wait ?? 'formed');
    if (!['formed', 'booted', 'none'].includes(wait))
        throw new UsageError(`--wait ${v.wait}: use formed, booted or none`);
    const timeoutS = v.timeout === undefined ? undefined : Number(v.timeout);
    if (timeoutS !== undefined && !(timeoutS > 0))
        throw new UsageError(`--timeout ${v.timeout}: use a number of seconds above 0`);
    const configs = (v.config ?? []).map((file) => {
        try {
            return readFileSync(file, 'utf8');
        }
        catch (e) {
            throw new RigError(`--config ${file}: ${e.message}`);
        }
    });
    const boards = v.boards === undefined ? undefined : checkBoardCount(Number(v.boards));
    // Interrupting `up` is a failure like any other: the half-made rig goes.
    const interrupted = () => {
        void rig(v.name)
            .down()
            .finally(() => process.exit(130));
    };
    process.once('SIGINT', interrupted);
    const say = v.json ? undefined : (line) => process.stderr.write(`${line}\n`);
    say?.(`rig ${rig(v.name).name}: building namespaces and bridges, booting ${boards ?? Math.max(2, configs.length)} boards...`);
    const r = await up({
        name: v.name,
        boards,
        configs,
        arm64Boards: v.arm64,
        wait,
        timeoutMs: timeoutS === undefined ? undefined : timeoutS * 1000,
        firmware: v.firmware,
        onProgress: say && ((summary) => say(`  ${summary}`)),
    }).finally(() => process.off('SIGINT', interrupted));
    const status = await r.status();
    const primary = status.boards.find((b) => b.state === 'work');
    const what = wait === 'formed' ? `formed, primary ${primary?.board}` : wait === 'booted' ? 'booted' : 'started';
    return {
        json: { name: r.name, boards: status.boards.length, status },
        text: `rig ${r.name} up: ${status.boards.length} boards ${what}\n${formatStatus(status)}`,
    };
}
/** The target a fault is aimed at, and loss's percent, from the words after the kind. */
function faultTarget(kind, args) {
    if (PORT_FAULTS.includes(kind)) {
        expectArgs(args, 3, 'fault');
        const board = positional(args, 1, `board: fault ${kind} <board> <port>, like A port2`);
        if (args[2] === undefined)
            return { target: board };
        return { target: `${board}:${args[2]}` };
    }
    if (kind === 'loss') {
        expectArgs(args, 3, 'fault');
        const target = positional(args, 1, 'link: fault loss <link> <percent>, like ha1 30');
        const text = positional(args, 2, 'percent: fault loss <link> <percent> (0 to 100)');
        const value = Number(text);
        if (text.trim() === '' || Number.isNaN(value))
            throw new UsageError(`loss percent "${text}" is not a number: use 0 to 100`);
        return { target, value };
    }
    expectArgs(args, 2, 'fault');
    return { target: positional(args, 1, LINK_FAULTS.includes(kind) ? 'link (ha1, A:ha1, ...)' : 'board') };
}
async function commandFault(v, args) {
    const kind = positional(args, 0, `fault kind (${FAULT_KINDS.join(', ')})`);
    if (!isFaultKind(kind))
        throw new UsageError(`fault "${kind}" does not exist: use ${FAULT_KINDS.join(', ')}`);
    const { target, value } = faultTarget(kind, args);
    const result = await rig(v.name).fault(kind, target, value);
    const { atMs, spreadMs, percent } = result;
    return { json: { ...result }, text: `${JSON.stringify({ atMs, spreadMs, percent })}\n` };
}
function numberOption(text, option) {
    if (text === undefined)
        return undefined;
    const n = Number(text);
    if (text.trim() === '' || Number.isNaN(n))
        throw new UsageError(`${option} ${text}: not a number`);
    return n;
}
async function commandTraffic(v, args) {
    expectArgs(args, 1, 'traffic');
    const action = positional(args, 0, 'traffic action (start, stop, report)');
    const traffic = rig(v.name).traffic;
    switch (action) {
        case 'start': {
            const o = checkTrafficOptions({
                streams: numberOption(v.streams, '--streams'),
                intervalMs: numberOption(v['interval-ms'], '--interval-ms'),
                streamPeriodMs: numberOption(v['stream-period-ms'], '--stream-period-ms'),
            });
            const report = await traffic.start(o);
            return {
                json: { report },
                text: `traffic started: a probe every ${o.intervalMs} ms, ${o.streams} streams (at ${report.startedAtMs.toFixed(1)} ms)\n`,
            };
        }
        case 'stop':
        case 'report': {
            const report = action === 'stop' ? await traffic.stop() : await traffic.report();
            return { json: { report }, text: formatReport(report) };
        }
        default:
            throw new UsageError(`traffic ${action} does not exist: use start, stop or report`);
    }
}
async function commandConsole(v, args) {
    expectArgs(args, 1, 'console');
    const board = parseBoard(positional(args, 0, 'board'));
    const socket = await rig(v.name).console(board, { replay: v.replay ?? false });
    const stdin = process.stdin;
    const tty = stdin.isTTY === true;
    if (tty) {
        process.stderr.write(`attached to board ${board}'s console; Ctrl-] detaches\r\n`);
        stdin.setRawMode(true);
    }
    return new Promise((resolve) => {
        const finish = () => {
            if (tty)
                stdin.setRawMode(false);
            stdin.pause();
            socket.destroy();
            resolve(0);
        };
        socket.on('data', (chunk) => process.stdout.write(chunk));
        socket.on('close', finish);
        socket.on('error', finish);
        stdin.on('data', (chunk) => {
            const detach = tty ? chunk.indexOf(0x1d) : -1;
            if (detach >= 0) {
                if (detach > 0)
                    socket.write(chunk.subarray(0, detach));
                finish();
                return;
            }
            socket.write(chunk);
        });
        stdin.on('end', () => socket.end());
        stdin.resume();
    });
}
async function dispatch(command, v, args) {
    switch (command) {
        case 'up':
            return commandUp(v, args);
        case 'status': {
            expectArgs(args, 0, 'status');
            const status = await rig(v.name).status();
            return { json: { status }, text: formatStatus(status) };
        }
        case 'exec': {
            expectArgs(args, 2, 'exec');
            const board = positional(args, 0, 'board');
            const output = await rig(v.name).exec(board, positional(args, 1, 'console command'));
            return { json: { output }, text: output === '' || output.endsWith('\n') ? output : `${output}\n` };
        }
        case 'fault':
            return commandFault(v, args);
        case 'traffic':
            return commandTraffic(v, args);
        case 'down': {
            expectArgs(args, 0, 'down');
            if (v.all) {
                const report = await downAll();
                return {
                    json: { ...report },
                    text: `down: ${report.downed.join(', ') || 'no live rig'}; cleaned: ${report.cleaned.rigs.join(', ') || 'nothing'}\n`,
                };
            }
            const r = rig(v.name);
            const wasUp = await r.down();
            return { json: { name: r.name, wasUp }, text: `rig ${r.name} ${wasUp ? 'down' : 'was not up'}\n` };
        }
        case 'clean': {
            expectArgs(args, 0, 'clean');
            const report = await cleanStale();
            const text = report.rigs.length + report.namespaces.length === 0
                ? 'nothing to clean\n'
                : `removed rigs: ${report.rigs.join(', ') || '-'}; namespaces: ${report.namespaces.join(', ') || '-'}; killed: ${report.killed.join(', ') || '-'}\n`;
            return { json: { ...report }, text };
        }
        default:
            throw new UsageError(`unknown command "${command}"`);
    }
}
export async function main(argv) {
    let json = argv.includes('--json');
    try {
        const { values, positionals } = parse(argv);
        json = values.json ?? false;
        const [command, ...args] = positionals;
        if (values.help || command === undefined || command === 'help') {
            process.stdout.write(USAGE);
            return command === undefined && !values.help ? 2 : 0;
        }
        if (command === 'console')
            return await commandConsole(values, args);
        const out = await dispatch(command, values, args);
        process.stdout.write(json ? `${JSON.stringify({ ok: true, ...out.json })}\n` : out.text);
        return 0;
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        if (json)
            process.stdout.write(`${JSON.stringify({ ok: false, error: message })}\n`);
        else
            process.stderr.write(`tandem-rig: ${message}\n${e instanceof UsageError ? 'Try tandem-rig --help.\n' : ''}`);
        return e instanceof UsageError ? 2 : 1;
    }
}
process.exitCode = await main(process.argv.slice(2));
//# sourceMappingURL=cli.js.map