/**
 * `diagnose sys ha control`: the control link's state (firmware/control/): the ports in use,
 * the frames, each peer's stream, what the ladder dropped and what the heartbeat worker relayed
 * on UDP 703 (the HA snapshot's count); and `… control ping <serial>
 * <bytes>`, which sends that many random bytes to a peer and waits for their SHA-256 back, to
 * exercise the link with a message of any size.
 */
import { commandFail, parseFail, RETURN_CODE } from '../../config/command-fail.js';
import { MAX_MESSAGE_BYTES } from '../../control/messages.js';
import { parseError } from '../command-tree.js';
/** A ping's data at most: what one message may carry, less room for its own fields. */
export const MAX_PING_BYTES = MAX_MESSAGE_BYTES - 1024;
const UNAVAILABLE = commandFail(RETURN_CODE.failed, 'the control link is unavailable on this unit');
const text = (output) => ({ output });
export function renderControlStatus(s, relay) {
    if (!s)
        return 'Control link: not running (HA mode standalone)\n';
    const rejected = Object.entries(s.rejected).filter(([, n]) => n > 0);
    const rows = s.peers.map((p) => `${p.serial.padEnd(18)}${String(p.sent).padStart(6)}${String(p.received).padStart(10)}${String(p.pending).padStart(9)}` +
        `${String(p.retransmits).padStart(13)}${String(p.resets).padStart(8)}\n`);
    return ('Control link: running\n' +
        `Ports in use: ${s.ports.join(', ') || 'none'}\n` +
        `Frames: sent ${s.frames.sent}, not sent ${s.frames.unsent}, received ${s.frames.received}\n` +
        (rows.length > 0 ? `Peer                Sent  Received  Pending  Retransmits  Resets\n${rows.join('')}` : 'Peers: none\n') +
        `Rejected frames: ${rejected.map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}\n` +
        `UDP 703 relay (unicast-hb): relayed ${relay.relayed}, dropped ${relay.dropped}\n`);
}
export async function controlPing(control, words) {
    if (words.length > 2)
        return parseError(words[2]);
    const [serial, size] = words;
    if (serial === undefined || size === undefined)
        return commandFail(RETURN_CODE.incomplete);
    const bytes = Number(size);
    if (!/^[0-9]{1,9}$/.test(size) || bytes < 1 || bytes > MAX_PING_BYTES) {
        return parseFail(size, `ping needs bytes, an integer 1-${MAX_PING_BYTES}`, 'value');
    }
    if (!control.status())
        return UNAVAILABLE;
    const r = await control.ping(serial, bytes);
    if (!r.ok)
        return commandFail(RETURN_CODE.failed, `ping ${serial}: ${r.reason}`);
    return `${serial} answered ${bytes} bytes in ${r.ms.toFixed(1)} ms\n`;
}
/** The `control` node under `diagnose sys ha`. */
export function controlBranch(control, ha) {
    return {
        word: 'control',
        help: 'Control link between the units: ports, streams to each peer, rejected frames.',
        run: () => text(control ? renderControlStatus(control.status(), ha.snapshot().controlRelay) : UNAVAILABLE),
        children: [
            {
                word: 'ping',
                help: 'Send bytes to a peer over the control link and time the answer.',
                args: 'words',
                argsHelp: '<serial> <bytes>',
                run: async (words) => text(control ? await controlPing(control, words) : UNAVAILABLE),
            },
        ],
    };
}
//# sourceMappingURL=ha-control-diag.js.map