/**
 * A member's side of a rolling upgrade: the primary offers an image (`img-offer`) and streams
 * it (`img-chunk`); the member writes it beside its slots, checks it arrived whole (SHA-256)
 * and installs it as `execute restore image` would (its own release key, its own inactive
 * slot), says `installed` and restarts into it on trial. Anything wrong is `refused` with the
 * reason and changes nothing. Once a trial image is confirmed this unit tells the primary
 * (`confirmed`), which is what the primary waits for before it goes on.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { BundleError } from '../release/errors.js';
import { SIGNATURE_SUFFIX } from '../release/signature.js';
/** Acknowledge progress at least this often: the primary's send window. */
const ACK_EVERY_BYTES = 1 << 20;
const RESTART_DELAY_MS = 300;
export class ImageReceiver {
    o;
    #job = null;
    #installing = false;
    constructor(o) {
        this.o = o;
        o.link.on('img-offer', (from, m) => this.#offer(from, m));
        o.link.on('img-chunk', (from, m) => this.#chunk(from, m.id, m.at, m.data));
        o.link.onPeerReset((serial, why) => {
            if (this.#job?.from === serial)
                this.#abort(`the link to ${serial} reset (${why})`);
        });
    }
    get #archive() {
        return join(this.o.slots.dir, '.incoming.tar.zst');
    }
    /** This unit's trial image was confirmed: the primary may go on with its rollout. */
    confirmed(version) {
        const primary = this.o.primary();
        if (primary !== null)
            this.#send(primary, { k: 'img-state', id: 0, state: 'confirmed', got: 0, version });
    }
    #send(to, m) {
        this.o.link.send(to, m);
    }
    #refuse(to, offer, reason) {
        this.o.log.event(`image tandem ${offer.version} from ${to} refused: ${reason}`, 'warn', { subtype: 'system' });
        this.#send(to, { k: 'img-state', id: offer.id, state: 'refused', got: 0, version: offer.version, reason });
    }
    #offerProblem(from) {
        if (from !== this.o.primary())
            return `${from} is not the primary`;
        if (this.#installing)
            return 'an image is being installed already';
        if (this.o.slots.onTrial())
            return `this unit runs ${this.o.slots.describe(this.o.slots.running)} on trial`;
        return null;
    }
    #offer(from, m) {
        const problem = this.#offerProblem(from);
        if (problem !== null) {
            this.#refuse(from, m, problem);
            return;
        }
        if (this.#job)
            this.#abort(`a new offer (${m.id}) replaces it`);
        rmSync(this.#archive, { force: true });
        writeFileSync(`${this.#archive}${SIGNATURE_SUFFIX}`, m.sig);
        const fd = openSync(this.#archive, 'w');
        this.#job = { id: m.id, from, offer: m, fd, got: 0, ackedAt: 0, hash: createHash('sha256') };
        this.o.log.info(`receiving tandem ${m.version} from ${from}: ${(m.size / 1e6).toFixed(1)} MB`);
        this.#send(from, { k: 'img-state', id: m.id, state: 'receiving', got: 0, version: m.version });
    }
    #chunk(from, id, at, data) {
        const job = this.#job;
        if (!job || job.id !== id || job.from !== from)
            return;
        if (at !== job.got || job.got + data.length > job.offer.size) {
            this.#abort(`chunk at ${at} does not follow ${job.got} of ${job.offer.size} bytes`);
            this.#refuse(from, job.offer, 'the image arrived out of order');
            return;
        }
        writeSync(job.fd, data);
        job.hash.update(data);
        job.got += data.length;
        if (job.got === job.offer.size) {
            void this.#complete(job);
        }
        else if (job.got - job.ackedAt >= ACK_EVERY_BYTES) {
            job.ackedAt = job.got;
            this.#send(from, { k: 'img-state', id, state: 'receiving', got: job.got, version: job.offer.version });
        }
    }
    async #complete(job) {
        this.#close(job);
        const { offer, from } = job;
        const sha256 = job.hash.digest('hex');
        if (sha256 !== offer.sha256) {
            this.#cleanup();
            this.#refuse(from, offer, `the image arrived damaged (sha256 ${sha256}, sent ${offer.sha256})`);
            return;
        }
        this.#installing = true;
        try {
            const done = await this.o.install(this.#archive);
            const why = `firmware tandem ${done.version} from ${from} installed into slot ${done.slot} (rolling upgrade): restarting into it`;
            this.o.log.event(why, 'info', { subtype: 'system', fields: { action: 'image-installed' } });
            this.#send(from, { k: 'img-state', id: offer.id, state: 'installed', got: job.got, version: done.version });
            this.o.timers.after(RESTART_DELAY_MS, () => this.o.restart(why));
        }
        catch (err) {
            if (!(err instanceof BundleError))
                throw err;
            this.#installing = false;
            this.#refuse(from, offer, err.message);
        }
        finally {
            this.#cleanup();
        }
    }
    #abort(why) {
        const job = this.#job;
        if (!job)
            return;
        this.o.log.warn(`image tandem ${job.offer.version} from ${job.from} abandoned at ${job.got} bytes: ${why}`);
        this.#close(job);
        this.#cleanup();
    }
    #close(job) {
        closeSync(job.fd);
        this.#job = null;
    }
    #cleanup() {
        rmSync(this.#archive, { force: true });
        rmSync(`${this.#archive}${SIGNATURE_SUFFIX}`, { force: true });
    }
}
//# sourceMappingURL=image-receiver.js.map