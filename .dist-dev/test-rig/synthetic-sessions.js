/**
 * Synthetic sessions for the session loader (session-loader.ts): session i of a run is a
 * client in 198.19.0.0/16 talking to a server in 198.18.200.0/24, TCP established with window
 * tracking (or UDP, for a share of them), all inside the rig's 198.18.0.0/15 and clear of every
 * address a board or host of the rig holds (so the pickup policy never calls them local).
 *
 * The index is written into the tuple, so a session seen anywhere (a dump, an event on the
 * other board) tells which one it is: the client host is i mod 65536, the client port
 * SPORT_BASE + ⌊i / 65536⌋. That gives every index below MAX_SESSIONS a tuple of its own.
 */
import { IPS, PROTO, TCP_FLAG, TCP_STATE } from '../hal/conntrack/index.js';
export const CLIENT_NET = '198.19';
export const SERVER_TCP = '198.18.200.10';
export const SERVER_UDP = '198.18.200.53';
export const TCP_PORT = 443;
export const UDP_PORT = 53;
export const SPORT_BASE = 20_000;
/** Indices 0 … MAX_SESSIONS - 1 have a tuple each. */
export const MAX_SESSIONS = (65_536 - SPORT_BASE) * 65_536;
/** Window scale 7 both ways and SACK, as two Linux hosts negotiate it. */
const ESTABLISHED = {
    state: TCP_STATE.ESTABLISHED,
    wscaleOrig: 7,
    wscaleReply: 7,
    flagsOrig: TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM,
    flagsReply: TCP_FLAG.WINDOW_SCALE | TCP_FLAG.SACK_PERM,
};
export const DEFAULT_SYNTHETIC = { udpPercent: 0, timeoutS: 3600 };
export function checkIndex(i) {
    if (!Number.isInteger(i) || i < 0 || i >= MAX_SESSIONS) {
        throw new RangeError(`session index ${i} is not allowed: use an integer from 0 to ${MAX_SESSIONS - 1}`);
    }
}
export function isUdp(i, udpPercent) {
    return i % 100 < udpPercent;
}
function tuple(src, dst, proto, sport, dport) {
    return { src, dst, proto, sport, dport, icmpId: 0, icmpType: 0, icmpCode: 0 };
}
/** The original tuple of session `i`. */
export function syntheticTuple(i, udpPercent = 0) {
    checkIndex(i);
    const host = i % 65_536;
    const src = `${CLIENT_NET}.${host >>> 8}.${host & 0xff}`;
    const sport = SPORT_BASE + Math.floor(i / 65_536);
    return isUdp(i, udpPercent)
        ? tuple(src, SERVER_UDP, PROTO.UDP, sport, UDP_PORT)
        : tuple(src, SERVER_TCP, PROTO.TCP, sport, TCP_PORT);
}
/** Session `i`: confirmed, replied and assured, TCP with window tracking. */
export function syntheticSession(i, o = DEFAULT_SYNTHETIC) {
    const orig = syntheticTuple(i, o.udpPercent);
    const reply = tuple(orig.dst, orig.src, orig.proto, orig.dport, orig.sport);
    return {
        family: 4,
        orig,
        reply,
        status: IPS.SEEN_REPLY | IPS.ASSURED | IPS.CONFIRMED,
        timeout: o.timeoutS,
        mark: 0,
        zone: 0,
        id: 0,
        tcp: orig.proto === PROTO.TCP ? ESTABLISHED : null,
        helper: '',
        master: null,
        startWallMs: 0,
    };
}
/** The index a tuple stands for, or -1 when it is not a synthetic session's original tuple. */
export function syntheticIndex(t) {
    if (t.proto === PROTO.TCP) {
        if (t.dst !== SERVER_TCP || t.dport !== TCP_PORT)
            return -1;
    }
    else if (t.proto === PROTO.UDP) {
        if (t.dst !== SERVER_UDP || t.dport !== UDP_PORT)
            return -1;
    }
    else {
        return -1;
    }
    if (!t.src.startsWith(`${CLIENT_NET}.`) || t.sport < SPORT_BASE)
        return -1;
    const parts = t.src.split('.');
    if (parts.length !== 4)
        return -1;
    const hi = Number(parts[2]);
    const lo = Number(parts[3]);
    if (!(Number.isInteger(hi) && Number.isInteger(lo) && hi >= 0 && hi < 256 && lo >= 0 && lo < 256))
        return -1;
    return (t.sport - SPORT_BASE) * 65_536 + hi * 256 + lo;
}
//# sourceMappingURL=synthetic-sessions.js.map