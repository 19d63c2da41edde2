/**
 * Session sync frames in and out: bodies (sync-frames.ts) sealed with the sync channel's keys
 * onto the port the session's hash picks (sync-ports.ts), and frames from the ports opened by
 * the same ladder as heartbeats (firmware/ha/wire/opener.ts), each rejection counted.
 */
import { DRAIN_LIMIT } from '../ha/hb-transport.js';
import { HA_MAX_PAYLOAD } from '../ha/wire/header.js';
import { decodeSyncBody, SYNC_FRAME_TYPE } from './sync-frames.js';
const FRAME_BYTES = 14 + HA_MAX_PAYLOAD;
export class SyncLink {
    ports;
    sealer;
    opener;
    tx = new Uint8Array(FRAME_BYTES);
    rx = new Uint8Array(FRAME_BYTES);
    counters = { txFrames: 0, txFailed: 0, rxFrames: 0 };
    constructor(ports, sealer, opener) {
        this.ports = ports;
        this.sealer = sealer;
        this.opener = opener;
    }
    /** Seals `body` and sends it on the port for `hash`. */
    send(body, hash) {
        const t = this.ports.pick(hash);
        const ok = t ? t.send(this.tx, this.sealer.seal(SYNC_FRAME_TYPE, body, this.tx, t.payloadOffset)) : false;
        if (ok)
            this.counters.txFrames++;
        else
            this.counters.txFailed++;
        return ok;
    }
    /** Reads what `port` holds; `onBody` gets each frame that opens and decodes, with its sender. */
    drain(port, onBody) {
        const t = port.transport;
        if (!t)
            return;
        for (let n = 0; n < DRAIN_LIMIT; n++) {
            const end = t.recv(this.rx);
            if (end < 0)
                return;
            this.counters.rxFrames++;
            const f = this.opener.open(this.rx, t.payloadOffset, end);
            if (!f.ok)
                continue;
            const body = decodeSyncBody(f.src, f.bodyLen);
            if (!body) {
                this.opener.refuseBody(f);
                continue;
            }
            onBody(this.opener.accept(f), body);
        }
    }
}
//# sourceMappingURL=sync-link.js.map