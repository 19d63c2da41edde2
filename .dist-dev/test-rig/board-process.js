/**
 * One board's firmware process: `ip netns exec <ns> <flash>/tandem-boot --board sim` (the boot
 * selector, laid out as on a board by boot-slots.ts) with the sim board's environment, stdout and stderr appended to the board's firmware.log. The boot
 * selector picks the A/B slot (boot-slots.ts) and execs its Node, as `ip netns exec` execs the
 * selector, so the pid we hold is the firmware's own. It leads a
 * process group of its own with its heartbeat worker process: SIGKILL, SIGSTOP and SIGCONT
 * stand for the whole board (power, a hang) and go to the group; SIGTERM asks the firmware
 * alone to stop, which ends its worker after a graceful leave.
 *
 * Each start is a boot of the sim board: it gets a new kernel boot id, and its watchdog's boot
 * status says whether the watchdog caused it. A firmware that exits asking to boot again
 * (RESTART_EXIT_CODE: an image installed, or one on trial not healthy) is started again as the
 * board's service manager would, with the same kernel: a service restart, not a reboot.
 *
 * An emulated board (emulated-board.ts) runs the arm64 bundle's Node and firmware under qemu-user
 * instead: the selector then execs the emulator, which is the board's process.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { simBoard } from '../board/sim/index.js';
import { WDIOF_CARDRESET } from '../hal/watchdog/index.js';
import { bootSelectorOf } from './boot-slots.js';
import { emulatedEnv } from './emulated-board.js';
import { RigError } from './errors.js';
import { boardDir, boardIndex, boardLogFile, boardNamespace, boardSerial } from './paths.js';
import { monotonicMs, processRecord, runState, signalQuietly } from './processes.js';
import { resetSimLeds } from './sim-leds.js';
const TAIL_READ_BYTES = 16 * 1024;
export function describeExit(exit) {
    if (!exit)
        return 'never started';
    if (exit.signal)
        return `killed by ${exit.signal}`;
    return `code ${exit.code}`;
}
export class BoardProcess {
    o;
    child = null;
    exitWaiters = [];
    logOffset = 0;
    rec = null;
    lastExit = null;
    starts = 0;
    constructor(o) {
        this.o = o;
    }
    get letter() {
        return this.o.letter;
    }
    get namespace() {
        return boardNamespace(this.o.rig, this.o.letter);
    }
    get pid() {
        return this.child?.pid ?? null;
    }
    /** The running process with its start time, for state.json. */
    get record() {
        return this.child ? this.rec : null;
    }
    get running() {
        return this.child !== null;
    }
    liveness() {
        const pid = this.pid;
        if (pid === null)
            return 'dead';
        const s = runState(pid);
        if (s === 'stopped')
            return 'frozen';
        if (s === 'running')
            return 'alive';
        // Exited but its exit event (code, signal) not delivered yet: dead only once that is known,
        // so whoever reports the death can say how it died.
        return this.child ? 'alive' : 'dead';
    }
    /**
     * Starts the firmware; returns the CLOCK_MONOTONIC ms of the spawn. `serviceRestart`: the
     * firmware asked to boot again, the kernel keeps running (same kernel boot id, LEDs as they are).
     */
    start(boot = {}) {
        if (this.child)
            throw new RigError(`board ${this.letter} is already running (pid ${this.child.pid})`);
        const logFile = boardLogFile(this.o.rig, this.letter);
        const fd = openSync(logFile, 'a');
        this.starts += 1;
        writeSync(fd, `--- tandem-rig: board ${this.letter} start #${this.starts} at ${new Date().toISOString()}\n`);
        this.logOffset = statSync(logFile).size;
        const sim = { dir: boardDir(this.o.rig, this.letter), serial: boardSerial(boardIndex(this.letter)), tty: this.o.tty };
        const board = simBoard(sim);
        if (!boot.serviceRestart) {
            writeFileSync(board.kernelBootId, `${randomUUID()}\n`);
            resetSimLeds(board);
            writeFileSync(board.watchdog.bootStatus, `${boot.byWatchdog ? WDIOF_CARDRESET : 0}\n`);
        }
        const simEnv = { TANDEM_SIM_DIR: sim.dir, TANDEM_SIM_SERIAL: sim.serial, TANDEM_SIM_TTY: sim.tty };
        // No NODE_OPTIONS: every Node process the firmware starts would inherit them (source maps in
        // the heartbeat worker too); the boards run as a bundle does, without source maps.
        const runEnv = this.o.emulation ? emulatedEnv(this.o.emulation) : {};
        const env = { ...process.env, ...simEnv, ...runEnv };
        const args = ['netns', 'exec', this.namespace, bootSelectorOf(board), '--board', 'sim'];
        let child;
        try {
            child = spawn('ip', args, { cwd: this.o.cwd, env, stdio: ['ignore', fd, fd], detached: true });
        }
        finally {
            closeSync(fd);
        }
        const atMs = monotonicMs();
        this.child = child;
        this.lastExit = null;
        this.rec = child.pid === undefined ? null : processRecord(child.pid);
        child.on('error', (e) => this.exited(child, { code: null, signal: null, atMs: monotonicMs() }, e.message));
        child.on('exit', (code, signal) => this.exited(child, { code, signal, atMs: monotonicMs() }));
        this.o.onChange?.();
        return atMs;
    }
    exited(child, exit, error) {
        if (this.child !== child)
            return;
        this.child = null;
        this.rec = null;
        this.lastExit = exit;
        if (error)
            this.appendLog(`--- tandem-rig: board ${this.letter} could not start: ${error}\n`);
        for (const wake of this.exitWaiters.splice(0))
            wake();
        this.o.onChange?.();
    }
    appendLog(text) {
        try {
            const fd = openSync(boardLogFile(this.o.rig, this.letter), 'a');
            writeSync(fd, text);
            closeSync(fd);
        }
        catch {
            // The log is a courtesy; a board dying must still be recorded without it.
        }
    }
    /** Sends a signal to the running firmware; returns the CLOCK_MONOTONIC ms it was sent. */
    signal(sig) {
        const pid = this.pid;
        if (pid === null)
            throw new RigError(`board ${this.letter} is not running (${describeExit(this.lastExit)})`);
        process.kill(sig === 'SIGTERM' ? pid : -pid, sig);
        return monotonicMs();
    }
    /** Resolves when the current process (if any) has exited. */
    waitExit() {
        if (!this.child)
            return Promise.resolve();
        return new Promise((resolve) => this.exitWaiters.push(resolve));
    }
    /** SIGKILL and wait for the exit. */
    async kill() {
        if (!this.child?.pid)
            return;
        signalQuietly(-this.child.pid, 'SIGKILL');
        await this.waitExit();
    }
    /** SIGTERM (and SIGCONT, so a frozen board can act on it); SIGKILL after `graceMs`. */
    async stop(graceMs) {
        const pid = this.child?.pid;
        if (pid === undefined)
            return;
        signalQuietly(pid, 'SIGTERM');
        signalQuietly(-pid, 'SIGCONT');
        const timer = setTimeout(() => signalQuietly(-pid, 'SIGKILL'), graceMs);
        await this.waitExit();
        clearTimeout(timer);
    }
    /** The last lines the firmware printed since its latest start. */
    logTail(lines = 12) {
        let fd;
        try {
            fd = openSync(boardLogFile(this.o.rig, this.letter), 'r');
            const size = statSync(boardLogFile(this.o.rig, this.letter)).size;
            const from = Math.max(this.logOffset, size - TAIL_READ_BYTES);
            const buf = Buffer.alloc(size - from);
            readSync(fd, buf, 0, buf.length, from);
            return buf.toString().trimEnd().split('\n').slice(-lines).join('\n');
        }
        catch {
            return '';
        }
        finally {
            if (fd !== undefined)
                closeSync(fd);
        }
    }
}
//# sourceMappingURL=board-process.js.map