/**
 * The control link on the main thread's side (docs/config-sync-plan.md §1, §2): it runs whenever
 * HA mode is not standalone. Frames leave on the ports ControlPorts picks from the HA snapshot,
 * or through the heartbeat worker's UDP relay with `unicast-hb`; they come in from the drain
 * thread on every hbdev port (L2Device.receive) and from the relay; the peers are the
 * snapshot's members. The link itself (`link`) lives as long as the firmware, so what speaks
 * through it registers its handlers once; stopping ends every stream (onPeerReset).
 *
 * Keys: the key coordinator (key-change.ts) installs every ring on `link.setKeys`, the first one
 * before the link starts.
 */
import { portIfname } from '../../board/ports.js';
import { ETH_HEADER_LEN } from '../../lib/ethernet.js';
import { createLogger } from '../log/logger.js';
import { ControlLinkImpl } from './control-link.js';
import { ControlPorts } from './control-ports.js';
import { CONTROL_CHANNEL } from './frames.js';
const log = createLogger('control');
/** How long `diagnose sys ha control ping` waits for the answer. */
export const PING_TIMEOUT_MS = 10_000;
export class ControlRuntime {
    link;
    #o;
    #ports;
    #running = false;
    #receiver = null;
    #receiving = '';
    #snapshot = null;
    /** Frames for the relay, posted together once the current task is done. */
    #relayed = [];
    constructor(o) {
        this.#o = o;
        this.#ports = new ControlPorts(o.nic, log);
        this.link = new ControlLinkImpl({
            serial: o.serial,
            clock: o.clock,
            timers: o.timers,
            ports: this.#ports,
            nextBootId: o.nextBootId,
        });
    }
    get running() {
        return this.#running;
    }
    /** Starts, reconfigures or stops the link for these settings. */
    async apply(settings) {
        if (settings.mode === 'standalone')
            return this.stop();
        const hbdev = settings.hbdev.map((d) => ({
            name: d.port,
            ifname: portIfname(this.#o.board.ports, d.port),
            priority: d.priority,
        }));
        this.#ports.configure(hbdev, settings.unicastHb ? (f) => this.#relay(f) : null);
        await this.#receive(hbdev.map((d) => d.ifname));
        if (!this.#running)
            log.info('control link started');
        this.#running = true;
        if (this.#snapshot)
            this.onHaSnapshot(this.#snapshot);
    }
    /** Follows the HA state: the ports' link state and the members. */
    onHaSnapshot(snap) {
        this.#snapshot = snap;
        if (!this.#running)
            return;
        this.#ports.update(snap.links);
        this.link.setPeers(snap.members.filter((m) => !m.self).map((m) => m.serial));
    }
    /** Control frames the heartbeat worker relayed from UDP 703 (HA payloads). */
    onRelayFrames(frames) {
        if (!this.#running)
            return;
        for (const f of frames)
            this.link.receive(f, 0, f.length);
    }
    status() {
        return this.#running ? this.link.status() : null;
    }
    ping(serial, bytes) {
        return this.link.ping(serial, bytes, PING_TIMEOUT_MS);
    }
    /** Ends every stream and closes the ports; the link keeps its handlers for the next start. */
    async stop() {
        if (!this.#running)
            return;
        this.#running = false;
        this.link.setPeers([], 'the control link stopped');
        this.#ports.close();
        await this.#receive([]);
        log.info('control link stopped');
    }
    /** Receives on exactly these interfaces (none: no receiver). */
    async #receive(ifnames) {
        const key = ifnames.join(',');
        if (key === this.#receiving)
            return;
        const old = this.#receiver;
        this.#receiver = null;
        this.#receiving = '';
        await old?.close().catch((err) => log.warn(`control receiver: ${err.message}`));
        if (ifnames.length === 0)
            return;
        try {
            this.#receiver = this.#o.nic.receive(ifnames, CONTROL_CHANNEL.ethertype, (_, frames) => {
                if (this.#running)
                    for (const f of frames)
                        this.link.receive(f, ETH_HEADER_LEN, f.length);
            });
            this.#receiving = key;
        }
        catch (err) {
            log.event(`control frames cannot be received on ${ifnames.join(', ')}: ${err.message}`, 'warn');
        }
    }
    #relay(frame) {
        if (this.#relayed.length === 0) {
            queueMicrotask(() => {
                const frames = this.#relayed;
                this.#relayed = [];
                this.#o.relay.sendControl(frames);
            });
        }
        this.#relayed.push(frame);
        return true;
    }
}
//# sourceMappingURL=runtime.js.map