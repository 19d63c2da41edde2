import { CONTROL_FRAME_TYPE, HA_MAGIC, HEADER_LEN, Off, readU16 } from './wire/header.js';
export const RELAY_PER_TURN = 64;
export class ControlRelay {
    counters = { relayed: 0, dropped: 0 };
    #in = [];
    #sent = 0;
    /** Whether buf[offset, end) is a control frame: if so it is the relay's (kept if the turn has room). */
    take(buf, offset, end) {
        if (end - offset < HEADER_LEN || buf[offset + Off.type] !== CONTROL_FRAME_TYPE || readU16(buf, offset) !== HA_MAGIC) {
            return false;
        }
        if (this.#in.length < RELAY_PER_TURN)
            this.#in.push(buf.slice(offset, end));
        else
            this.counters.dropped++;
        return true;
    }
    /** The main process's frames (HA payloads), on the unicast link's transport. */
    send(frames, transport) {
        for (const f of frames) {
            if (transport && this.#sent < RELAY_PER_TURN && transport.send(f, f.length)) {
                this.#sent++;
                this.counters.relayed++;
            }
            else {
                this.counters.dropped++;
            }
        }
    }
    /** At the end of a turn: what was taken goes to the main process (`post` false: it did not fit). */
    endTurn(post) {
        this.#sent = 0;
        if (this.#in.length === 0)
            return;
        const frames = this.#in;
        this.#in = [];
        if (post(frames))
            this.counters.relayed += frames.length;
        else
            this.counters.dropped += frames.length;
    }
}
//# sourceMappingURL=control-relay.js.map