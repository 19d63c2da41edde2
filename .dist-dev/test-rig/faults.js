import { RigError } from './errors.js';
import { setLinksAdmin } from './link-admin.js';
import { checkLossPercent, LinkLoss } from './link-loss.js';
import { BOARD_LETTERS, switchNamespace } from './paths.js';
import { cutPower } from './power-loss.js';
import { monotonicMs, runState } from './processes.js';
import { resetSimLeds, rigBoardLeds } from './sim-leds.js';
import { boardCables, cablesUp, parseLinkTarget, parsePortTarget, switchPortName } from './topology.js';
const SIGNAL_SETTLE_MS = 2000;
const HB_PORTS = ['ha1', 'ha2'];
async function until(condition, timeoutMs) {
    const end = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > end)
            return false;
        await new Promise((r) => setTimeout(r, 2));
    }
    return true;
}
async function settleExit(p) {
    await Promise.race([p.waitExit(), new Promise((r) => setTimeout(r, SIGNAL_SETTLE_MS))]);
}
export class FaultInjector {
    rig;
    boards;
    board;
    loss;
    /** Cables a power loss pulled, by board: power-on plugs exactly these back. */
    pulled = new Map();
    constructor(rig, boards, 
    /** The board named by a user ("a", "B"); throws naming the boards that exist. */
    board) {
        this.rig = rig;
        this.boards = boards;
        this.board = board;
        this.loss = new LinkLoss(rig);
    }
    async fault(kind, target, value) {
        if (value !== undefined && kind !== 'loss')
            throw new RigError(`fault ${kind} takes no value (got ${value})`);
        switch (kind) {
            case 'cut':
            case 'restore': {
                const cables = parseLinkTarget(target, this.boards);
                return { kind, target, atMs: this.plug(cables, kind === 'restore'), cables };
            }
            case 'port-down':
            case 'port-up': {
                const cable = parsePortTarget(target, this.boards);
                return { kind, target: `${cable.board}:${cable.port}`, atMs: this.plug([cable], kind === 'port-up'), cables: [cable] };
            }
            case 'loss': {
                const cables = parseLinkTarget(target, this.boards);
                const percent = checkLossPercent(value, target);
                const atMs = await this.loss.set(cables, percent);
                return { kind, target, atMs, cables, percent };
            }
            default:
                return this.boardFault(kind, this.board(target));
        }
    }
    async boardFault(kind, p) {
        const target = p.letter;
        switch (kind) {
            case 'kill': {
                const atMs = this.signal(p, 'SIGKILL');
                await settleExit(p);
                return { kind, target, atMs };
            }
            case 'freeze': {
                const pid = p.pid;
                const atMs = this.signal(p, 'SIGSTOP');
                if (pid !== null)
                    await until(() => runState(pid) !== 'running', SIGNAL_SETTLE_MS);
                return { kind, target, atMs };
            }
            case 'thaw':
                return { kind, target, atMs: this.signal(p, 'SIGCONT') };
            case 'term':
                return { kind, target, atMs: this.signal(p, 'SIGTERM') };
            case 'restart': {
                if (this.pulled.has(target))
                    return { ...(await this.powerOn(p)), kind };
                await p.kill();
                const atMs = p.start();
                return { kind, target, atMs, pid: p.pid ?? undefined };
            }
            case 'power-loss':
                return this.powerLoss(p);
            case 'power-on':
                return this.powerOn(p);
            default:
                throw new RigError(`fault ${kind} is not a board fault`);
        }
    }
    /** Plugs or pulls cables at the switch; returns when the last change was made. */
    plug(cables, up) {
        setLinksAdmin(switchNamespace(this.rig), cables.map(switchPortName), up);
        return monotonicMs();
    }
    signal(p, sig) {
        if (this.pulled.has(p.letter) && !p.running) {
            throw new RigError(`board ${p.letter} has lost power: bring it back with power-on (or restart)`);
        }
        return p.signal(sig);
    }
    async powerLoss(p) {
        const letter = p.letter;
        if (this.pulled.has(letter))
            throw new RigError(`board ${letter} has already lost power: power-on first`);
        // Heartbeat cables first, both ends of each together (point-to-point in a 2-board rig),
        // then the data ports.
        const peer = this.boards === 2 ? BOARD_LETTERS.find((l, i) => i < 2 && l !== letter) : null;
        const wanted = HB_PORTS.flatMap((port) => [{ board: letter, port }, ...(peer ? [{ board: peer, port }] : [])]);
        wanted.push(...boardCables(letter).filter((c) => !HB_PORTS.includes(c.port)));
        const cables = await cablesUp(this.rig, wanted);
        const cut = await cutPower(this.rig, p, cables);
        this.pulled.set(letter, cables);
        await settleExit(p);
        // No power, no light: the board's LEDs go dark until its firmware drives them again.
        resetSimLeds(rigBoardLeds(this.rig, letter));
        return {
            kind: 'power-loss',
            target: letter,
            atMs: cut.startMs,
            cables,
            spreadMs: cut.doneMs - cut.startMs,
        };
    }
    /** What a board's watchdog does when it starves: the board resets (power off, boot again). */
    async watchdogReset(p) {
        if (this.pulled.has(p.letter) || !p.running)
            return;
        await this.powerLoss(p);
        await this.powerOn(p, true);
    }
    async powerOn(p, byWatchdog = false) {
        const letter = p.letter;
        const cables = this.pulled.get(letter);
        if (cables === undefined && p.running)
            throw new RigError(`board ${letter} is running: it has not lost power`);
        if (cables)
            this.plug(cables, true);
        this.pulled.delete(letter);
        const atMs = p.running ? monotonicMs() : p.start({ byWatchdog });
        return { kind: 'power-on', target: letter, atMs, pid: p.pid ?? undefined, cables: cables ?? [] };
    }
}
//# sourceMappingURL=faults.js.map