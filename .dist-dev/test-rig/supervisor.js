/**
 * The long-lived process behind one rig. It builds the topology, holds each board's console
 * pty, runs the boards and the traffic agents, injects faults (faults.ts), answers rig.sock
 * (control.ts) and tears everything down on `down`, SIGINT, SIGTERM or its own failure:
 * traffic agents are killed, boards get SIGTERM, SIGKILL after 2 s, then the namespaces and
 * the state folder go.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { simBoard } from '../board/sim/index.js';
import { RESTART_EXIT_CODE } from '../firmware/boot/restart.js';
import { openPty } from '../hal/serial/pty.js';
import { BoardConsole } from './board-console.js';
import { BoardProcess } from './board-process.js';
import { prepareFactorySlot } from './boot-slots.js';
import { mountBpf, unmountBpfUnder } from './bpf-mounts.js';
import { ConsoleClient, consoleExec } from './console-client.js';
import { FAULT_KINDS, isFaultKind, TRAFFIC_ACTIONS, } from './control.js';
import { prepareArm64 } from './emulated-board.js';
import { RigError } from './errors.js';
import { FaultInjector } from './faults.js';
import { encodeLine } from './jsonl.js';
import { BOARD_LETTERS, boardConfigFile, boardConsoleSocket, boardDir, boardHostname, boardIndex, boardNamespace, boardSerial, checkBoardCount, controlSocket, letterOfSerial, parseBoard, rigDir, upSpecFile, } from './paths.js';
import { monotonicMs } from './processes.js';
import { SimWatchdog } from './sim-watchdog.js';
import { claimRig, writeState } from './state.js';
import { primaryOf } from './status.js';
import { buildTopology, teardownTopology } from './topology.js';
import { TrafficManager } from './traffic/manager.js';
const STOP_GRACE_MS = 2000;
/** systemd's RestartSec in scripts/tandem.service. */
const SERVICE_RESTART_MS = 1000;
const STATUS_TIMEOUT_MS = 1000;
const EXEC_TIMEOUT_MS = 10_000;
export function log(message) {
    process.stdout.write(`${new Date().toISOString()} ${message}\n`);
}
export class Supervisor {
    rig;
    spec;
    boards = [];
    server = null;
    state;
    tearing = null;
    /** Set once the state folder is being removed: nothing may write into it again. */
    removed = false;
    faults;
    trafficRuns;
    constructor(rig, spec) {
        this.rig = rig;
        this.spec = spec;
        checkBoardCount(spec.boards);
        this.state = claimRig(rig, spec.boards);
        this.faults = new FaultInjector(rig, spec.boards, (text) => this.board(text).process);
        this.trafficRuns = new TrafficManager(rig, log);
    }
    letters() {
        return BOARD_LETTERS.slice(0, this.spec.boards);
    }
    board(text) {
        const letter = parseBoard(text, this.spec.boards);
        return this.boards[boardIndex(letter)];
    }
    async start() {
        log(`rig ${this.rig}: ${this.spec.boards} boards, firmware ${this.spec.firmware}`);
        for (const letter of this.letters()) {
            for (const sub of ['flash', 'run', 'leds'])
                mkdirSync(join(boardDir(this.rig, letter), sub), { recursive: true });
            const config = this.spec.configs[boardIndex(letter)];
            if (config === undefined)
                throw new RigError(`no configuration for board ${letter}`);
            writeFileSync(boardConfigFile(this.rig, letter), config);
        }
        await buildTopology(this.rig, this.spec.boards);
        log('topology built');
        const arm64 = new Set(this.spec.arm64Boards ?? []);
        const emulation = arm64.size > 0 ? await prepareArm64(join(rigDir(this.rig), 'arm64')) : undefined;
        if (emulation)
            log(`arm64 bundle in ${emulation.bundle} for boards ${[...arm64].join(', ')}, under ${emulation.qemu}`);
        for (const letter of this.letters()) {
            const pty = new BoardConsole(openPty());
            const proc = new BoardProcess({
                rig: this.rig,
                letter,
                tty: pty.path,
                cwd: this.spec.cwd,
                emulation: arm64.has(letter) ? emulation : undefined,
                onChange: () => this.boardChanged(letter),
            });
            const sim = simBoard({ dir: boardDir(this.rig, letter), serial: boardSerial(boardIndex(letter)), tty: pty.path });
            prepareFactorySlot(sim, this.spec.firmware, arm64.has(letter) ? emulation?.bundle : undefined);
            await mountBpf(sim.fencePins).catch((e) => log(`board ${letter}: no bpffs for the fence's pins (${e.message})`));
            const wd = sim.watchdog;
            const watchdog = new SimWatchdog(wd.device, wd.timeoutS * 1000, () => proc.running, (silentMs) => void this.watchdogFired(letter, silentMs));
            watchdog.open();
            this.boards.push({
                letter,
                console: pty,
                process: proc,
                query: new ConsoleClient(boardConsoleSocket(this.rig, letter), `board ${letter}`),
                watchdog,
            });
        }
        for (const b of this.boards)
            b.process.start();
        await this.listen();
        this.state = { ...this.state, phase: 'up' };
        this.saveState();
        log(`up: control socket ${controlSocket(this.rig)}`);
    }
    boardChanged(letter) {
        const b = this.boards[boardIndex(letter)];
        if (!b)
            return;
        const p = b.process;
        b.watchdog.rebooted();
        if (p.running)
            log(`board ${letter} started, pid ${p.pid}`);
        else
            log(`board ${letter} exited (${p.lastExit?.signal ?? `code ${p.lastExit?.code}`})`);
        this.saveState();
        if (!p.running && p.lastExit?.code === RESTART_EXIT_CODE)
            this.restartService(p);
    }
    /** The board's service manager (scripts/tandem.service: Restart=always, RestartSec=1) for a firmware asking to boot again. */
    restartService(p) {
        setTimeout(() => {
            if (this.tearing || p.running)
                return;
            log(`board ${p.letter}: firmware asked to boot again: restarting it`);
            p.start({ serviceRestart: true });
        }, SERVICE_RESTART_MS);
    }
    async watchdogFired(letter, silentMs) {
        if (this.tearing)
            return;
        log(`board ${letter}: watchdog not kicked for ${(silentMs / 1000).toFixed(1)} s: resetting the board`);
        try {
            await this.faults.watchdogReset(this.board(letter).process);
        }
        catch (e) {
            log(`board ${letter}: watchdog reset failed: ${e.message}`);
        }
    }
    saveState() {
        if (this.removed)
            return;
        const boardPids = {};
        for (const b of this.boards) {
            const rec = b.process.record;
            if (rec)
                boardPids[b.letter] = rec;
        }
        this.state = { ...this.state, boardPids };
        try {
            writeState(this.state);
        }
        catch (e) {
            log(`cannot write state.json: ${e.message}`);
        }
    }
    listen() {
        const path = controlSocket(this.rig);
        rmSync(path, { force: true });
        this.server = createServer((socket) => this.serve(socket));
        const server = this.server;
        return new Promise((resolve, reject) => {
            server.once('error', reject);
            server.listen(path, () => {
                server.off('error', reject);
                resolve();
            });
        });
    }
    serve(socket) {
        socket.on('error', () => { });
        let pending = Buffer.alloc(0);
        const onData = (chunk) => {
            pending = Buffer.concat([pending, chunk]);
            let nl = pending.indexOf(0x0a);
            while (nl >= 0) {
                const line = pending.subarray(0, nl).toString().trim();
                pending = pending.subarray(nl + 1);
                if (line) {
                    let req = null;
                    try {
                        req = JSON.parse(line);
                    }
                    catch {
                        socket.write(encodeLine({ id: null, ok: false, error: 'request is not JSON' }));
                    }
                    if (req?.op === 'console') {
                        socket.off('data', onData);
                        this.attach(socket, req, pending);
                        return;
                    }
                    if (req)
                        void this.answer(socket, req);
                }
                nl = pending.indexOf(0x0a);
            }
        };
        socket.on('data', onData);
    }
    async answer(socket, req) {
        const reply = (r) => {
            if (!socket.destroyed)
                socket.write(encodeLine(r));
        };
        try {
            if (this.tearing && req.op !== 'down')
                throw new RigError(`rig ${this.rig} is going down`);
            switch (req.op) {
                case 'status':
                    return reply({ id: req.id, ok: true, result: await this.status() });
                case 'exec': {
                    const b = this.board(req.board);
                    if (!b.process.running)
                        throw new RigError(`board ${b.letter} is not running`);
                    const output = await consoleExec(boardConsoleSocket(this.rig, b.letter), `board ${b.letter}`, req.line, req.timeoutMs ?? EXEC_TIMEOUT_MS);
                    return reply({ id: req.id, ok: true, result: { output } });
                }
                case 'fault':
                    if (!isFaultKind(req.kind)) {
                        throw new RigError(`fault "${req.kind}" does not exist: use ${FAULT_KINDS.join(', ')}`);
                    }
                    return reply({ id: req.id, ok: true, result: await this.fault(req.kind, req.target, req.value) });
                case 'traffic':
                    return reply({ id: req.id, ok: true, result: await this.traffic(req) });
                case 'down':
                    await this.teardown('down requested');
                    socket.end(encodeLine({ id: req.id, ok: true, result: {} }), () => process.exit(0));
                    // A client that vanished must not keep the supervisor alive.
                    setTimeout(() => process.exit(0), 2000);
                    return;
                default:
                    throw new RigError(`operation "${req.op}" does not exist`);
            }
        }
        catch (e) {
            reply({ id: req.id, ok: false, error: e.message });
        }
    }
    attach(socket, req, rest) {
        let b;
        try {
            b = this.board(req.board);
        }
        catch (e) {
            socket.end(encodeLine({ id: req.id, ok: false, error: e.message }));
            return;
        }
        const result = { board: b.letter, tty: b.console.path };
        socket.write(encodeLine({ id: req.id, ok: true, result }));
        if (req.replay)
            socket.write(b.console.tail());
        const detach = b.console.attach((chunk) => {
            if (!socket.destroyed)
                socket.write(chunk);
        });
        if (rest.length > 0)
            b.console.write(rest);
        socket.on('data', (chunk) => b.console.write(chunk));
        socket.on('end', () => socket.end());
        socket.on('close', detach);
    }
    async status() {
        const boards = await Promise.all(this.boards.map((b) => this.boardStatus(b)));
        return { name: this.rig, supervisorPid: process.pid, nowMs: monotonicMs(), boards };
    }
    async boardStatus(b) {
        const index = boardIndex(b.letter);
        const p = b.process;
        const liveness = p.liveness();
        const status = {
            board: b.letter,
            namespace: boardNamespace(this.rig, b.letter),
            serial: boardSerial(index),
            hostname: boardHostname(index),
            pid: p.pid,
            process: liveness,
            exit: liveness === 'dead' ? p.lastExit : null,
            logTail: liveness === 'dead' ? p.logTail() : null,
            starts: p.starts,
            watchdogResets: b.watchdog.resets,
            ha: null,
            haError: null,
            state: null,
            primary: null,
            members: null,
        };
        if (liveness === 'frozen')
            status.haError = 'frozen';
        if (liveness !== 'alive')
            return status;
        try {
            const ha = await b.query.status(STATUS_TIMEOUT_MS);
            const primary = primaryOf(ha);
            Object.assign(status, {
                ha,
                state: ha.state,
                members: ha.members.length,
                primary: primary === null ? null : (letterOfSerial(primary) ?? primary),
            });
        }
        catch (e) {
            status.haError = e.message.replace(/^board [A-D]: /, '');
        }
        return status;
    }
    fault(kind, target, value) {
        log(`fault ${kind} ${target}${value === undefined ? '' : ` ${value}`}`);
        return this.faults.fault(kind, target, value);
    }
    traffic(req) {
        switch (req.action) {
            case 'start':
                return this.trafficRuns.start({ streams: req.streams, intervalMs: req.intervalMs, streamPeriodMs: req.streamPeriodMs });
            case 'stop':
                return this.trafficRuns.stop();
            case 'report':
                return this.trafficRuns.report();
            default:
                throw new RigError(`traffic ${String(req.action)} does not exist: use ${TRAFFIC_ACTIONS.join(', ')}`);
        }
    }
    /** Stops everything; safe to call more than once (later calls wait for the first). */
    teardown(reason) {
        this.tearing ??= this.doTeardown(reason);
        return this.tearing;
    }
    async doTeardown(reason) {
        log(`tearing down: ${reason}`);
        this.state = { ...this.state, phase: 'stopping' };
        this.saveState();
        this.server?.close();
        await Promise.all([this.trafficRuns.shutdown(), ...this.boards.map((b) => b.process.stop(STOP_GRACE_MS))]);
        for (const b of this.boards) {
            b.query.close();
            b.console.close();
            b.watchdog.close();
        }
        try {
            await teardownTopology(this.rig);
        }
        catch (e) {
            log(e.message);
        }
        this.removed = true;
        await unmountBpfUnder(rigDir(this.rig)).catch((e) => log(e.message));
        rmSync(rigDir(this.rig), { recursive: true, force: true });
        log('down');
    }
}
/** The supervisor process: reads up.json, runs the rig until told to stop. */
export async function runSupervisor(rig) {
    const spec = JSON.parse(readFileSync(upSpecFile(rig), 'utf8'));
    const sup = new Supervisor(rig, spec);
    const stop = (reason, code) => {
        void sup.teardown(reason).finally(() => process.exit(code));
    };
    process.on('SIGINT', () => stop('SIGINT', 0));
    process.on('SIGTERM', () => stop('SIGTERM', 0));
    process.on('SIGHUP', () => { });
    process.on('uncaughtException', (e) => {
        log(`uncaught error: ${e.stack ?? e.message}`);
        stop('uncaught error', 1);
    });
    process.on('unhandledRejection', (e) => {
        log(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        stop('unhandled rejection', 1);
    });
    try {
        await sup.start();
    }
    catch (e) {
        log(`cannot bring the rig up: ${e.message}`);
        stop('start failed', 1);
    }
}
//# sourceMappingURL=supervisor.js.map