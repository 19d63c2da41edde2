/**
 * Session sync on the main thread's side: starts the sync worker thread (worker.ts) while HA
 * runs with `session-pickup` enabled, tells it its role from the HA snapshots (primary: feed
 * these secondaries; secondary: follow that primary), and keeps its latest status for the
 * console. The worker owns the conntrack sockets and the sync ports; nothing of the session
 * table passes through here.
 *
 * It also says whether this unit is ready for the election (firmware/ha/election.ts,
 * `sessions`): yes when sync is off or the unit's resync is complete; no from the start of
 * sync until then, at most READY_WAIT_MS, after which the unit stands regardless and says why.
 */
import { Worker } from 'node:worker_threads';
import { portIfname } from '../../board/ports.js';
import { formatIpv6, parseIpv6 } from '../../lib/ip-text.js';
import { primaryOf } from '../ha/snapshot.js';
import { keySpecOf, oneKeyRing } from '../ha/wire/key-ring.js';
import { createLogger } from '../log/logger.js';
import { WORKER_RESOURCE_LIMITS } from '../node-flags.js';
const log = createLogger('sessions');
/** Longer than a resync of a full table takes (1M sessions in seconds), short enough that a stuck one never holds a take-back for long. */
export const READY_WAIT_MS = 60_000;
/** A stopping secondary gives its synced entries their timeouts back first: a million take seconds. */
const STOP_TIMEOUT_MS = 30_000;
/** The unit's interface addresses: sessions from or to them end on the unit and are not synced. */
export function ownAddresses(dp) {
    const out = [];
    for (const i of dp.interfaces) {
        if (i.address)
            out.push(i.address.address);
        // In the kernel's text (RFC 5952), which is how conntrack records spell them.
        const v6 = i.ipv6 ? parseIpv6(i.ipv6.split('/')[0] ?? '') : undefined;
        if (v6)
            out.push(formatIpv6(v6));
    }
    return out;
}
/** The role the HA snapshot gives this unit. */
export function syncRole(snap) {
    if (!snap.enabled)
        return { role: 'idle' };
    // A unit still in hello is fed too: its sessions are in before the election can make it primary.
    if (snap.state === 'work') {
        return { role: 'primary', secondaries: snap.members.filter((m) => !m.self && m.state !== 'work').map((m) => m.serial) };
    }
    const primary = primaryOf(snap);
    return primary ? { role: 'secondary', primary } : { role: 'idle' };
}
export class SessionSyncRuntime {
    o;
    worker = null;
    role = { role: 'idle' };
    /** The sync frames' key ring (setKeys); null until the first. */
    keys = null;
    latest = null;
    electionReady = true;
    cancelWait = () => { };
    readyListeners = [];
    constructor(o) {
        this.o = o;
    }
    /** Starts, reconfigures or stops the worker for these settings. */
    async apply(settings, localAddresses) {
        const wanted = settings.mode !== 'standalone' && settings.sessionPickup.tcp;
        if (!wanted)
            return this.stop();
        const setup = this.setup(settings, localAddresses);
        if (this.worker)
            this.send({ type: 'setup', setup });
        else
            this.start(setup);
    }
    /**
     * The key ring sync frames are sealed and opened with (docs/config-sync-plan.md §6); settings
     * never change the keys of a running worker. A worker started before the first ring takes
     * the settings' own key alone.
     */
    setKeys(ring) {
        this.keys = ring;
        this.send({ type: 'keys', ring });
    }
    /** Follows the HA state: the role is sent to the worker when it changes. */
    onHaSnapshot(snap) {
        const role = syncRole(snap);
        if (JSON.stringify(role) === JSON.stringify(this.role))
            return;
        this.role = role;
        this.send({ type: 'role', role });
    }
    /** The worker's latest status, or null when session sync is off. */
    status() {
        return this.worker ? this.latest : null;
    }
    /** Whether the election may count this unit as holding the sessions. */
    get readyForElection() {
        return this.electionReady;
    }
    /** Called whenever readyForElection changes. */
    onElectionReady(listener) {
        this.readyListeners.push(listener);
    }
    stop() {
        const worker = this.worker;
        this.setElectionReady(true);
        if (!worker)
            return Promise.resolve();
        return new Promise((resolve) => {
            const cancel = this.o.timers.after(STOP_TIMEOUT_MS, () => void worker.terminate());
            worker.once('exit', () => {
                cancel();
                resolve();
            });
            worker.postMessage({ type: 'stop' });
        });
    }
    setup(settings, localAddresses) {
        const { board } = this.o;
        const port = (name) => ({ name, ifname: portIfname(board.ports, name) });
        return {
            settings,
            dedicated: settings.sessionSyncDev.map(port),
            fallback: [...settings.hbdev].sort((a, b) => b.priority - a.priority).map((h) => port(h.port)),
            localAddresses,
        };
    }
    start(setup) {
        const init = {
            ...setup,
            serial: this.o.serial,
            bootId: this.o.nextBootId(),
            bootIdPath: this.o.board.storage.bootId,
            keys: this.keys ?? oneKeyRing(keySpecOf(setup.settings)),
        };
        const worker = new Worker(new URL('./worker.js', import.meta.url), {
            workerData: init,
            resourceLimits: WORKER_RESOURCE_LIMITS,
        });
        worker.on('message', (m) => this.onMessage(m));
        worker.on('error', (err) => log.event(`session sync worker failed: ${err.stack ?? err.message}`, 'error'));
        worker.once('exit', () => {
            if (this.worker === worker)
                this.worker = null;
            this.setElectionReady(true);
        });
        this.worker = worker;
        this.setElectionReady(false);
        this.send({ type: 'role', role: this.role });
        log.info('session sync started');
    }
    onMessage(m) {
        switch (m.type) {
            case 'status':
                this.latest = m.status;
                break;
            case 'ready':
                this.setElectionReady(m.ready);
                break;
            case 'log':
                this.o.onLog(m.record);
                break;
            case 'stopped':
                break;
        }
    }
    setElectionReady(ready) {
        this.cancelWait();
        if (!ready) {
            this.cancelWait = this.o.timers.after(READY_WAIT_MS, () => {
                log.event(`sessions not in sync after ${READY_WAIT_MS / 1000} s: this unit stands for election regardless`, 'warn');
                this.setElectionReady(true);
            });
        }
        if (ready === this.electionReady)
            return;
        this.electionReady = ready;
        for (const l of this.readyListeners)
            l(ready);
    }
    send(m) {
        this.worker?.postMessage(m);
    }
}
//# sourceMappingURL=runtime.js.map