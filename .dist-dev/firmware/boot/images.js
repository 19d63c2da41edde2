/**
 * The console's view of the firmware images: `diagnose sys flash list` and
 * `execute restore image <file|url>` (install into the inactive slot, then restart into it).
 */
import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BundleError } from '../release/errors.js';
import { downloadImage, isUrl } from './download.js';
import { installImage } from './install.js';
/** Long enough for the console's reply to leave before the firmware stops. */
const RESTART_DELAY_MS = 300;
export class FirmwareImages {
    o;
    #busy = false;
    constructor(o) {
        this.o = o;
    }
    get slots() {
        return this.o.slots;
    }
    get probation() {
        return this.o.probation;
    }
    rolloutStatus() {
        return this.o.rollout.status();
    }
    async restore(source) {
        if (this.#busy)
            return 'Command fail. An image is being installed already.\n';
        if (!isUrl(source) && !isAbsolute(source)) {
            return `Command fail. ${JSON.stringify(source)}: give an absolute path on this unit, or an http:// or https:// URL.\n`;
        }
        this.#busy = true;
        const lines = [];
        const progress = (line) => {
            lines.push(line);
            this.o.log.info(line);
        };
        const download = join(this.o.slots.dir, '.download.tar.zst');
        try {
            const archive = isUrl(source) ? download : source;
            if (archive === download)
                await downloadImage(source, download, progress);
            const ctx = this.o.context();
            if (ctx.primaryWithPeers && ctx.upgradeMode !== 'local-only') {
                return `${lines.map((l) => `${l}\n`).join('')}${await this.o.rollout.start(archive, ctx.upgradeMode)}`;
            }
            const opts = { slots: this.o.slots, releaseKey: this.o.releaseKey, progress, now: this.o.now };
            const { slot, manifest } = await installImage(archive, opts);
            const why = `firmware tandem ${manifest.version} installed into slot ${slot} from ${source}: restarting into it`;
            this.o.log.event(why, 'info', { subtype: 'system', fields: { action: 'image-installed' } });
            this.o.timers.after(RESTART_DELAY_MS, () => this.o.restart(why));
            return `${lines.join('\n')}\nRestarting into tandem ${manifest.version} (slot ${slot}) now.\n`;
        }
        catch (err) {
            if (!(err instanceof BundleError))
                throw err;
            this.o.log.event(`firmware image ${source} refused: ${err.message}`, 'warn', { subtype: 'system' });
            return `${lines.map((l) => `${l}\n`).join('')}Command fail. ${err.message}\n`;
        }
        finally {
            rmSync(download, { force: true });
            rmSync(`${download}.sig`, { force: true });
            this.#busy = false;
        }
    }
}
//# sourceMappingURL=images.js.map