const LIVE_SLOTS = 200_000;
const SLICE_MS = 20;
export class MainLoad {
    clock;
    until = 0;
    live = [];
    cursor = 0;
    constructor(clock) {
        this.clock = clock;
    }
    get running() {
        return this.clock.nowMs() < this.until;
    }
    /** Starts (or extends, or with 0 stops) the load; returns what the console prints. */
    run(seconds) {
        const wasRunning = this.running;
        this.until = this.clock.nowMs() + seconds * 1000;
        if (seconds === 0)
            return 'main-thread load stopped\n';
        if (!wasRunning) {
            this.live = new Array(LIVE_SLOTS);
            setImmediate(() => this.slice());
        }
        return `main-thread load running for ${seconds} s\n`;
    }
    slice() {
        const end = Math.min(this.until, this.clock.nowMs() + SLICE_MS);
        while (this.clock.nowMs() < end) {
            for (let i = 0; i < 1000; i++) {
                this.live[this.cursor] = { a: [this.cursor, i], s: `garbage-${i}`, b: new Array(8) };
                this.cursor = (this.cursor + 1) % LIVE_SLOTS;
            }
        }
        if (this.running)
            setImmediate(() => this.slice());
        else
            this.live = [];
    }
}
//# sourceMappingURL=main-load.js.map