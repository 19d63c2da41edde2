import { IPS, PROTO, TCP_STATE } from '../../hal/conntrack/index.js';
import { echo, session, tuple } from '../../hal/conntrack/records.fixture.js';
import { prng } from './stream/channel.fake.js';
const KINDS = ['tcp', 'tcp', 'tcp', 'tcp6', 'udp', 'icmp', 'nat', 'local'];
const CONFIRMED = IPS.CONFIRMED | IPS.SEEN_REPLY | IPS.ASSURED;
const SNAT = IPS.SRC_NAT | IPS.SRC_NAT_DONE | IPS.DST_NAT_DONE;
const TCP_STATES = [TCP_STATE.ESTABLISHED, TCP_STATE.FIN_WAIT, TCP_STATE.CLOSE_WAIT, TCP_STATE.TIME_WAIT];
/** The address every `local` session starts from: give it to the primary as one of its own. */
export const UNIT_ADDRESS = '198.18.1.1';
/** Session number `n` of `kind`: a tuple of its own for each n. */
export function sessionOf(kind, n) {
    const host = `${(n >> 8) & 0xff}.${n & 0xff}`;
    const port = 1024 + (n % 60000);
    switch (kind) {
        case 'tcp':
            return session(tuple('198.18.1.10', `198.19.${host}`, PROTO.TCP, port, 443), { status: CONFIRMED, mark: n & 0xff });
        case 'tcp6':
            return session(tuple('2001:db8:1::10', `2001:db8:2::${(n & 0xffff).toString(16)}`, PROTO.TCP, port, 22), {
                status: CONFIRMED,
            });
        case 'udp':
            return session(tuple('198.18.1.10', `198.20.${host}`, PROTO.UDP, port, 53), { status: CONFIRMED, timeout: 30 });
        case 'icmp':
            return session(echo('198.18.1.10', `198.21.${host}`, n & 0xffff), { status: CONFIRMED, timeout: 30 });
        case 'nat':
            return session(tuple('198.18.1.10', `198.22.${host}`, PROTO.TCP, port, 80), {
                reply: tuple(`198.22.${host}`, '198.18.2.50', PROTO.TCP, 80, 61000 - (n % 60000)),
                status: CONFIRMED | SNAT,
            });
        case 'local':
            return session(tuple(UNIT_ADDRESS, `198.23.${host}`, PROTO.TCP, port, 179), { status: CONFIRMED });
    }
}
export class Churn {
    kinds;
    #rnd;
    #ct;
    #table;
    #next = 0;
    /** Sessions this churn opened and has not closed, by the fake's key. */
    open = [];
    opened = 0;
    changed = 0;
    closed = 0;
    constructor(ct, seed, kinds = KINDS, 
    /** The number of the first session it opens (another churn's sessions have others). */
    first = 0) {
        this.kinds = kinds;
        this.#next = first;
        this.#rnd = prng(seed);
        this.#ct = ct;
        this.#table = ct.open();
    }
    /** A new session of a kind drawn from the mix (or of `kind`). */
    openOne(kind = this.kinds[Math.floor(this.#rnd() * this.kinds.length)]) {
        const s = sessionOf(kind, this.#next++);
        this.#ct.kernelCreate(s);
        this.open.push(s);
        this.opened++;
        return s;
    }
    /** `n` new sessions. */
    fill(n) {
        for (let i = 0; i < n; i++)
            this.openOne();
    }
    /** A change to an open session: TCP moves on a state, others get a new mark and timeout. */
    changeOne() {
        const s = this.#pick();
        if (!s)
            return;
        const tcp = s.tcp ? { ...s.tcp, state: TCP_STATES[Math.floor(this.#rnd() * TCP_STATES.length)] } : null;
        const changed = { ...s, tcp, mark: Math.floor(this.#rnd() * 0x10000), timeout: 1 + Math.floor(this.#rnd() * 600) };
        const r = this.#table.update([changed]);
        if (r.failures.length > 0)
            throw new Error(`update refused: errno ${r.failures[0]?.errno}`);
        this.changed++;
    }
    closeOne() {
        const s = this.#pick();
        if (!s)
            return;
        this.open.splice(this.open.indexOf(s), 1);
        this.#ct.kernelDestroy(s);
        this.closed++;
    }
    /** `n` operations: opens, changes and closes in about equal shares (opens first while few are open). */
    step(n) {
        for (let i = 0; i < n; i++) {
            const r = this.#rnd();
            if (this.open.length < 10 || r < 0.4)
                this.openOne();
            else if (r < 0.7)
                this.changeOne();
            else
                this.closeOne();
        }
    }
    #pick() {
        return this.open[Math.floor(this.#rnd() * this.open.length)];
    }
}
//# sourceMappingURL=session-churn.testkit.js.map