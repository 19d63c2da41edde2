import { LoginGate } from '../console/login.js';
import { createLogger } from '../log/logger.js';
/** A line's answer may take as long as the slowest command (a walk of a large session table). */
export const REMOTE_LINE_WAIT_MS = 30_000;
/** Sessions idle this long on the target are closed: a manager that vanished leaves none behind. */
export const REMOTE_IDLE_MS = 10 * 60_000;
const log = createLogger('remote-console');
export class RemoteConsoles {
    #o;
    #hosted = new Map();
    /** One login gate per managing unit: failures and lockouts count across its sessions. */
    #gates = new Map();
    #managed = new Map();
    #sid = 0;
    constructor(o) {
        this.#o = o;
        o.link.on('con-open', (from, m) => this.#hostOpen(from, m.sid, m.admin));
        o.link.on('con-in', (from, m) => this.#hostLine(from, m.sid, m.line));
        o.link.on('con-close', (from, m) => this.#hostClose(from, m.sid));
        o.link.on('con-out', (from, m) => {
            const s = this.#managed.get(m.sid);
            if (s?.target === from)
                s.waiting.shift()?.(m);
        });
        o.link.onPeerReset((serial) => this.#peerGone(serial));
    }
    /** Opens a session on `target` for `admin`: its password prompt, or why not. */
    async open(target, admin) {
        const sid = ++this.#sid;
        const s = { target, waiting: [] };
        this.#managed.set(sid, s);
        const first = this.#await(s, () => this.#o.link.send(target, { k: 'con-open', sid, admin }));
        const m = await first;
        if (m === null) {
            this.#managed.delete(sid);
            return `Command fail. No answer from ${target} over the HA link.\n`;
        }
        const close = () => {
            if (!this.#managed.delete(sid))
                return;
            this.#o.link.send(target, { k: 'con-close', sid });
        };
        return {
            target,
            opening: reply(m),
            send: async (line) => {
                const out = await this.#await(s, () => this.#o.link.send(target, { k: 'con-in', sid, line }));
                if (out === null) {
                    this.#managed.delete(sid);
                    return { output: `Connection to ${target} lost.\n`, prompt: '', secret: false, exit: true };
                }
                if (out.exit)
                    this.#managed.delete(sid);
                return reply(out);
            },
            close,
        };
    }
    /** Sends with `send` and waits for the target's next con-out; null when it could not be sent, timed out or the peer went. */
    #await(s, send) {
        return new Promise((resolve) => {
            let done = false;
            const finish = (m) => {
                if (done)
                    return;
                done = true;
                cancel();
                s.waiting = s.waiting.filter((w) => w !== finish);
                resolve(m);
            };
            const cancel = this.#o.timers.after(REMOTE_LINE_WAIT_MS, () => finish(null));
            s.waiting.push(finish);
            if (!send())
                finish(null);
        });
    }
    #peerGone(serial) {
        for (const [sid, s] of this.#managed) {
            if (s.target !== serial)
                continue;
            this.#managed.delete(sid);
            for (const w of [...s.waiting])
                w(null);
        }
        for (const key of [...this.#hosted.keys()])
            if (key.startsWith(`${serial}/`))
                this.#hostClose(serial, Number(key.split('/')[1]));
    }
    #hostOpen(from, sid, admin) {
        const key = `${from}/${sid}`;
        this.#hostClose(from, sid);
        let gate = this.#gates.get(from);
        if (!gate) {
            gate = new LoginGate({ config: this.#o.config, clock: this.#o.clock, where: `execute ha manage from ${from}` });
            this.#gates.set(from, gate);
        }
        const hosted = { gate, session: null, idle: () => { }, last: Promise.resolve() };
        this.#hosted.set(key, hosted);
        this.#touch(from, sid, hosted);
        gate.begin();
        hosted.last = gate.enter(admin).then((step) => this.#loginStep(from, sid, step));
    }
    #hostLine(from, sid, line) {
        const hosted = this.#hosted.get(`${from}/${sid}`);
        if (!hosted) {
            this.#out(from, sid, 'This remote session has ended.\n', '', false, true);
            return;
        }
        this.#touch(from, sid, hosted);
        hosted.last = hosted.last.then(async () => {
            if (hosted.session) {
                const r = await hosted.session.execute(line);
                if (r.exit)
                    this.#hostClose(from, sid);
                this.#out(from, sid, r.output, r.prompt, false, r.exit === true);
                return;
            }
            const step = await hosted.gate.enter(line);
            if (step.admin === undefined)
                return this.#loginStep(from, sid, step);
            log.event(`${step.admin} logged in from ${from} (execute ha manage)`, 'info', { subtype: 'admin', fields: { peer: from } });
            hosted.session = this.#o.openSession();
            this.#out(from, sid, step.output, hosted.session.prompt(), false);
        });
    }
    /**
     * A login step on its way to the manager. The administrator is named by the command, so a
     * step back to the name prompt (a wrong password, a lockout) ends the session.
     */
    #loginStep(from, sid, step) {
        if (step.input !== 'text') {
            this.#out(from, sid, step.output, step.prompt, step.input === 'secret');
            return;
        }
        this.#hostClose(from, sid);
        this.#out(from, sid, step.output, '', false, true);
    }
    #hostClose(from, sid) {
        const key = `${from}/${sid}`;
        const hosted = this.#hosted.get(key);
        if (!hosted)
            return;
        hosted.idle();
        this.#hosted.delete(key);
    }
    #touch(from, sid, hosted) {
        hosted.idle();
        hosted.idle = this.#o.timers.after(REMOTE_IDLE_MS, () => this.#hostClose(from, sid));
    }
    #out(to, sid, output, prompt, secret, exit = false) {
        const m = { k: 'con-out', sid, output, prompt, input: secret ? 'secret' : 'line' };
        this.#o.link.send(to, exit ? { ...m, exit: true } : m);
    }
}
function reply(m) {
    return { output: m.output, prompt: m.prompt, secret: m.input === 'secret', exit: m.exit === true };
}
//# sourceMappingURL=remote-console.js.map