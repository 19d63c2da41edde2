import { latestEvents } from './event-tail.js';
import { LOGIN_HELP, renderLiveView } from './live-view.js';
import { BOARD_LETTERS } from './paths.js';
import { up } from './rig.js';
import { litAt, readSimLeds, rigBoardLeds } from './sim-leds.js';
const REFRESH_MS = 250;
/** Often enough to draw a 4 Hz blink (125 ms on, 125 ms off) without skipping a phase. */
const LED_FRAME_MS = 40;
const EVENT_LINES = 4;
const CTRL_C = 0x03;
const CTRL_RBRACKET = 0x1d;
const out = process.stdout;
// After a hang-up the terminal is gone; writing to it must not stop the teardown.
out.on('error', () => { });
process.stdin.on('error', () => { });
const esc = (s) => out.write(`\x1b${s}`);
class LiveSession {
    rig;
    board = 'A';
    line = null;
    status = null;
    traffic = null;
    headerRows = 0;
    commandKey = false;
    timer = null;
    ledTimer = null;
    /** The LED dots last drawn: the header is redrawn between refreshes only when they change. */
    ledFrame = '';
    closing = false;
    constructor(rig) {
        this.rig = rig;
    }
    async run() {
        out.write('\x1b[2J\x1b[H');
        await this.attach('A');
        // The prober and two TCP streams run from the start: a failover shows as a measured gap.
        this.traffic = await this.rig.traffic.start({ streams: 2 }).catch(() => null);
        if (process.stdin.isTTY)
            process.stdin.setRawMode(true);
        process.stdin.on('data', (d) => void this.onKeys(d));
        process.stdout.on('resize', () => this.layout(true));
        this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
        this.ledTimer = setInterval(() => {
            if (JSON.stringify(this.ledDots()) !== this.ledFrame)
                this.layout(false);
        }, LED_FRAME_MS);
        await this.refresh();
    }
    async stop(reason) {
        if (this.closing)
            return;
        this.closing = true;
        if (this.timer)
            clearInterval(this.timer);
        if (this.ledTimer)
            clearInterval(this.ledTimer);
        this.line?.destroy();
        const down = this.rig.down();
        if (out.writable) {
            try {
                if (process.stdin.isTTY)
                    process.stdin.setRawMode(false);
            }
            catch {
                // the terminal is already gone
            }
            esc('[r');
            out.write(`\x1b[${out.rows ?? 24};1H\r\n${reason}: taking the rig down...\r\n`);
        }
        await down.catch((e) => process.stderr.write(`rig down failed: ${e.message}\n`));
        if (out.writable)
            out.write('done.\r\n');
        process.exit(0);
    }
    async attach(board) {
        this.line?.destroy();
        this.board = board;
        const line = await this.rig.console(board, { replay: true });
        line.on('data', (d) => out.write(d));
        line.on('error', () => { });
        this.line = line;
        line.write('\r');
    }
    async onKeys(d) {
        for (const byte of d) {
            if (this.commandKey) {
                this.commandKey = false;
                await this.command(String.fromCharCode(byte).toLowerCase());
            }
            else if (byte === CTRL_C) {
                await this.stop('Ctrl-C');
            }
            else if (byte === CTRL_RBRACKET) {
                this.commandKey = true;
            }
            else {
                this.line?.write(Buffer.of(byte));
            }
        }
    }
    primary() {
        return (this.status?.boards.find((b) => b.state === 'work' && !b.ha?.alone)?.board ??
            this.status?.boards.find((b) => b.state === 'work')?.board ??
            null);
    }
    async command(key) {
        const boards = this.status?.boards ?? [];
        const primary = this.primary();
        try {
            if ((key === 'k' || key === 't') && primary)
                await this.rig.fault(key === 'k' ? 'kill' : 'term', primary);
            else if (key === 'p' && primary)
                await this.rig.fault('power-loss', primary);
            else if (key === 'f')
                await this.toggleFailover();
            else if (key === 'r') {
                for (const b of boards)
                    if (b.process === 'dead')
                        await this.rig.fault('restart', b.board);
            }
            else if (key === 'c' && !boards.some((b) => b.board === 'C')) {
                await this.rig.fault('cut', 'ha1');
                await this.rig.fault('cut', 'ha2');
            }
            else if (key === 'u') {
                await this.rig.fault('restore', 'ha1');
                await this.rig.fault('restore', 'ha2');
            }
            else if (key === 'q')
                await this.stop('quit');
            else if (BOARD_LETTERS.includes(key.toUpperCase()) && boards.some((b) => b.board === key.toUpperCase())) {
                await this.attach(key.toUpperCase());
            }
        }
        catch (e) {
            out.write(`\r\n[rig] ${e.message}\r\n`);
        }
        await this.refresh();
    }
    /** `execute ha failover set` on the primary, or `unset` where it is set. */
    async toggleFailover() {
        const set = this.status?.boards.find((b) => b.ha?.members.find((m) => m.self)?.failover);
        if (set)
            await this.rig.exec(set.board, 'execute ha failover unset');
        else {
            const primary = this.primary();
            if (primary)
                await this.rig.exec(primary, 'execute ha failover set');
        }
    }
    async refresh() {
        try {
            this.status = await this.rig.status();
            this.traffic = await this.rig.traffic.report().catch(() => this.traffic);
        }
        catch {
            return;
        }
        this.layout(false);
        await this.followLiveBoard();
    }
    /** A console on a dead board shows nothing: move it to a live one and say so. */
    async followLiveBoard() {
        const boards = this.status?.boards ?? [];
        if (boards.find((b) => b.board === this.board)?.process !== 'dead')
            return;
        const live = boards.find((b) => b.process === 'alive');
        if (!live)
            return;
        out.write(`\r\n[board ${this.board} is dead; console switched to board ${live.board}]\r\n`);
        await this.attach(live.board);
    }
    /** Each board's LEDs now, read from its sysfs-shaped folder (test-rig/sim-leds.ts). */
    ledDots() {
        const now = Date.now();
        const dots = {};
        for (const b of this.status?.boards ?? []) {
            const leds = readSimLeds(rigBoardLeds(this.rig.name, b.board));
            dots[b.board] = leds.map((l) => ({ role: l.role, colour: l.colour, lit: litAt(l, now) }));
        }
        return dots;
    }
    /** Draws the header and keeps the console scrolling in the rows below it. */
    layout(force) {
        if (!this.status || this.closing)
            return;
        const width = out.columns ?? 100;
        const events = latestEvents(this.rig.name, this.status.boards.map((b) => b.board), EVENT_LINES);
        const leds = this.ledDots();
        this.ledFrame = JSON.stringify(leds);
        const lines = renderLiveView(this.status, this.board, events, width, this.traffic, leds);
        if (!out.isTTY)
            return;
        const rows = out.rows ?? 24;
        const reshape = force || lines.length !== this.headerRows;
        esc('7');
        if (reshape) {
            this.headerRows = lines.length;
            esc(`[${this.headerRows + 1};${rows}r`);
        }
        for (const [i, l] of lines.entries())
            out.write(`\x1b[${i + 1};1H\x1b[2K${l}`);
        // Setting the scroll region homes the cursor; the console then continues from the bottom.
        if (reshape)
            out.write(`\x1b[${rows};1H`);
        else
            esc('8');
    }
}
async function main() {
    out.write('Tandem: building the rig (namespaces, bridges) and booting two sim boards...\n');
    out.write(`The console below asks for a login: ${LOGIN_HELP}.\n`);
    const rig = await up({ wait: 'none' });
    const session = new LiveSession(rig);
    process.on('SIGINT', () => void session.stop('SIGINT'));
    process.on('SIGTERM', () => void session.stop('SIGTERM'));
    process.on('SIGHUP', () => void session.stop('SIGHUP'));
    await session.run();
}
main().catch((e) => {
    process.stderr.write(`tandem: ${e.message}\n`);
    process.exit(1);
});
//# sourceMappingURL=start.js.map