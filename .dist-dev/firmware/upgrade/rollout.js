/**
 * A rolling upgrade driven by the primary (`execute restore image` on it, `upgrade-mode`):
 * each secondary in turn receives the image over the control link (image-receiver.ts),
 * installs it, restarts into it and rejoins; only once it has passed its trial (joined and in
 * sync: it says `confirmed`) does the next one start. Then the primary installs the image
 * itself and restarts: its graceful leave hands the role to an upgraded unit at once, and it
 * rejoins on trial as a secondary. A secondary that refuses the image, does not come back, or
 * comes back on the old version (its trial failed and it rolled back) stops the rollout there:
 * the units not reached yet, the primary among them, stay as they are.
 *
 * upgrade-mode: uninterruptible (the above); secondary-only (the same without the primary);
 * simultaneous (every secondary receives and installs, then all restart at once: an outage);
 * local-only is not a rollout (images.ts installs on this unit alone).
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { boardBundleArch, verifiedArchive } from '../boot/install.js';
import { BundleError } from '../release/errors.js';
import { SIGNATURE_SUFFIX } from '../release/signature.js';
import { archiveManifest } from './archive-manifest.js';
/** A chunk's data; a control message may carry up to 8 MB, a chunk this size keeps the stream fair to others. */
const CHUNK_BYTES = 128 << 10;
/** Bytes sent beyond what the member acknowledged (well below the link's 16 MB queue). */
const WINDOW_BYTES = 4 << 20;
/** No acknowledgement of progress for this long: the transfer has failed. */
const STALL_MS = 30_000;
/** From the last chunk to `installed`: unpacking and checking every file. */
const INSTALL_MS = 120_000;
const POLL_MS = 500;
/** A control stream that resets while the image streams (the member stalled, a frame storm) starts the transfer again, this often at most. */
const TRANSFER_ATTEMPTS = 3;
const LINK_RESET = 'the control stream reset';
class RolloutFailure extends Error {
}
/** A rollout starts from the primary of a cluster with at least one peer. */
export function primaryWithPeers(snap) {
    return snap.enabled && snap.state === 'work' && snap.members.length > 1;
}
const mb = (bytes) => (bytes / 1e6).toFixed(1);
export class Rollout {
    o;
    #view = null;
    #id = 0;
    /** The latest `img-state` of the current offer, per member. */
    #states = new Map();
    /** Members that confirmed a version since it was offered, with the version. */
    #confirmed = new Map();
    #waiters = new Set();
    /** Control stream resets per member (ControlLink.onPeerReset): a transfer under way starts again. */
    #resets = new Map();
    constructor(o) {
        this.o = o;
        o.link.on('img-state', (from, m) => {
            if (m.state === 'confirmed') {
                this.#confirmed.set(from, m.version);
                if (this.#view?.state !== 'running')
                    o.log.info(`${from} confirmed tandem ${m.version} after its trial`);
            }
            else if (m.id === this.#id)
                this.#states.set(from, m);
            this.#wake();
        });
        o.link.onPeerReset((serial) => {
            this.#resets.set(serial, (this.#resets.get(serial) ?? 0) + 1);
            this.#wake();
        });
    }
    get running() {
        return this.#view?.state === 'running';
    }
    status() {
        return this.#view;
    }
    /** Any input a wait may depend on changed (an HA snapshot). */
    wake() {
        this.#wake();
    }
    #wake() {
        for (const w of [...this.#waiters])
            w();
    }
    get #archive() {
        return join(this.o.dir, '.rollout.tar.zst');
    }
    /** Checks the image and the cluster, then starts; the lines say it started, or why not (nothing changed). */
    async start(source, mode) {
        if (this.running)
            return `Command fail. A rolling upgrade is running already (${this.#view?.detail}).\n`;
        let image;
        try {
            const manifest = await archiveManifest(source);
            const arch = boardBundleArch();
            if (manifest.arch !== arch)
                throw new BundleError(`${source} is for ${manifest.arch}; this cluster runs ${arch}`);
            const bytes = verifiedArchive(source, this.o.releaseKey);
            const sig = readFileSync(`${source}${SIGNATURE_SUFFIX}`, 'utf8');
            image = { version: manifest.version, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), sig };
        }
        catch (err) {
            if (!(err instanceof BundleError))
                throw err;
            return `Command fail. ${err.message}\n`;
        }
        const { version } = image;
        const unhealthy = this.#clusterProblem();
        if (unhealthy !== null)
            return `Command fail. ${unhealthy}: a rolling upgrade starts from a healthy cluster.\n`;
        copyFileSync(source, this.#archive);
        copyFileSync(`${source}${SIGNATURE_SUFFIX}`, `${this.#archive}${SIGNATURE_SUFFIX}`);
        const peers = this.o
            .snapshot()
            .members.filter((m) => !m.self)
            .map((m) => m.serial)
            .sort();
        const units = mode === 'secondary-only' ? peers : [...peers, this.o.serial];
        this.#view = { mode, version, units, step: 0, state: 'running', detail: 'starting', startedAtMs: this.o.now() };
        const order = units.join(', then ');
        this.o.log.event(`rolling upgrade (${mode}) to tandem ${version} started: ${order}`, 'info', {
            subtype: 'system',
            fields: { action: 'upgrade-started' },
        });
        void this.#run(mode, image);
        return `Rolling upgrade (${mode}) to tandem ${version} started: ${order}.\nProgress: get system ha status.\n`;
    }
    #clusterProblem() {
        const snap = this.o.snapshot();
        if (!primaryWithPeers(snap))
            return 'this unit is not the primary of a cluster with a peer';
        const out = this.o.configSync().filter((m) => m.state !== 'in-sync');
        if (out.length > 0)
            return `configuration ${out.map((m) => `${m.serial} ${m.state}`).join(', ')}`;
        return null;
    }
    async #run(mode, image) {
        const { version } = image;
        const view = this.#view;
        try {
            for (const serial of view.units) {
                if (serial === this.o.serial)
                    break;
                await this.#send(serial, image);
                if (mode !== 'simultaneous')
                    await this.#rejoined(serial, version);
                view.step++;
            }
            if (mode === 'secondary-only')
                return this.#end('done', `every secondary runs tandem ${version}`);
            this.#progress(`installing tandem ${version} on this unit`);
            const done = await this.o.installSelf(this.#archive);
            const why = `rolling upgrade to tandem ${version}: installed into slot ${done.slot} here last, restarting into it (an upgraded unit takes over)`;
            this.#end('done', why);
            this.o.restart(why);
        }
        catch (err) {
            if (!(err instanceof RolloutFailure || err instanceof BundleError))
                throw err;
            const unit = view.units[view.step];
            this.#end('failed', `stopped at ${unit}: ${err.message}; units not reached stay on their version`);
        }
        finally {
            rmSync(this.#archive, { force: true });
            rmSync(`${this.#archive}${SIGNATURE_SUFFIX}`, { force: true });
        }
    }
    #progress(detail) {
        this.#view.detail = detail;
    }
    #end(state, detail) {
        const view = this.#view;
        view.state = state;
        view.detail = detail;
        view.endedAtMs = this.o.now();
        const took = ((view.endedAtMs - view.startedAtMs) / 1000).toFixed(1);
        const action = state === 'done' ? 'upgrade-done' : 'upgrade-failed';
        this.o.log.event(`rolling upgrade to tandem ${view.version} ${state} after ${took} s: ${detail}`, state === 'done' ? 'info' : 'error', {
            subtype: 'system',
            fields: { action },
        });
    }
    /** Streams the image to `serial` (again, if its control stream resets meanwhile) and waits until it installed it. */
    async #send(serial, image) {
        const { version } = image;
        for (let attempt = 1;; attempt++) {
            try {
                await this.#transfer(serial, image);
                break;
            }
            catch (err) {
                if (!(err instanceof RolloutFailure) || err.message !== LINK_RESET || attempt >= TRANSFER_ATTEMPTS)
                    throw err;
                this.o.log.warn(`rolling upgrade: the control stream to ${serial} reset while the image streamed; sending it again`);
            }
        }
        this.#progress(`${serial} installing tandem ${version}`);
        const state = () => this.#states.get(serial);
        // The member unpacks and checks the image now; a stream reset meanwhile does not stop it.
        await this.#waitFor(`${serial} installing the image`, INSTALL_MS, () => state()?.state === 'refused' ? `${serial} refused the image: ${state()?.reason}` : state()?.state === 'installed');
        this.o.log.info(`${serial} installed tandem ${version}; it restarts into it`);
    }
    /** One attempt at streaming the image; fails with LINK_RESET when the member's stream resets. */
    async #transfer(serial, image) {
        const { version, size } = image;
        const id = ++this.#id;
        const resets = this.#resets.get(serial) ?? 0;
        this.#states.delete(serial);
        this.#confirmed.delete(serial);
        if (!this.o.link.send(serial, { k: 'img-offer', id, ...image })) {
            throw new RolloutFailure(`no control stream to ${serial}`);
        }
        const state = () => this.#states.get(serial);
        const refused = () => {
            if (state()?.state === 'refused')
                return `${serial} refused the image: ${state()?.reason}`;
            return (this.#resets.get(serial) ?? 0) !== resets ? LINK_RESET : false;
        };
        const fd = openSync(this.#archive, 'r');
        try {
            let sent = 0;
            while (sent < size) {
                const acked = () => state()?.got ?? 0;
                this.#progress(`sending tandem ${version} to ${serial}: ${mb(acked())} of ${mb(size)} MB`);
                await this.#waitFor(`${serial} acknowledging the image`, STALL_MS, () => refused() || sent - acked() < WINDOW_BYTES);
                const data = Buffer.alloc(Math.min(CHUNK_BYTES, size - sent));
                readSync(fd, data, 0, data.length, sent);
                if (this.o.link.send(serial, { k: 'img-chunk', id, at: sent, data }))
                    sent += data.length;
                else
                    await this.#waitFor(`the control stream to ${serial}`, STALL_MS, () => refused() || this.o.link.peers().includes(serial), POLL_MS / 10);
            }
        }
        finally {
            closeSync(fd);
        }
    }
    /** Waits for `serial` to leave, come back on `version` and pass its trial. */
    async #rejoined(serial, version) {
        this.#progress(`${serial} restarting into tandem ${version}; waiting for it to rejoin and pass its trial`);
        let left = false;
        await this.#waitFor(`${serial} rejoining on tandem ${version}`, this.o.rejoinMs, () => {
            const m = this.o.snapshot().members.find((x) => x.serial === serial);
            if (m === undefined)
                left = true;
            else if (left && m.firmware !== version)
                return `${serial} came back on tandem ${m.firmware}: its trial of ${version} failed and it rolled back`;
            return m?.firmware === version && this.#confirmed.get(serial) === version;
        });
        this.o.log.event(`rolling upgrade: ${serial} runs tandem ${version}, confirmed`, 'info', {
            subtype: 'system',
            fields: { action: 'upgrade-step' },
        });
    }
    /** Resolves once `check` is true, fails with its text, or after `timeoutMs` (checked on every wake and poll). */
    #waitFor(what, timeoutMs, check, pollMs = POLL_MS) {
        return new Promise((resolve, reject) => {
            let poll = null;
            const finish = (err) => {
                this.#waiters.delete(attempt);
                cancelTimeout();
                poll?.();
                if (err)
                    reject(err);
                else
                    resolve();
            };
            const attempt = () => {
                const r = check();
                if (r === true)
                    finish();
                else if (typeof r === 'string')
                    finish(new RolloutFailure(r));
            };
            const cancelTimeout = this.o.timers.after(timeoutMs, () => finish(new RolloutFailure(`${what}: nothing in ${timeoutMs / 1000} s`)));
            const tick = () => {
                attempt();
                if (this.#waiters.has(attempt))
                    poll = this.o.timers.after(pollMs, tick);
            };
            this.#waiters.add(attempt);
            tick();
        });
    }
}
//# sourceMappingURL=rollout.js.map