/**
 * The console's view of the firmware images: `diagnose sys flash list` and
 * `execute restore image <file|url>` (install into the inactive slot, then restart into it).
 */
import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { UpgradeMode } from '../config/ha-settings.js';
import type { Logger } from '../log/logger.js';
import { BundleError } from '../release/errors.js';
import type { Timers } from '../time/timers.js';
import type { Rollout, RolloutView } from '../upgrade/rollout.js';
import { downloadImage, isUrl } from './download.js';
import { type InstallOptions, installImage } from './install.js';
import type { Probation } from './probation.js';
import type { FirmwareSlots } from './slots.js';

export interface ImageControl {
  readonly slots: FirmwareSlots;
  readonly probation: Probation;
  /** The rolling upgrade this unit runs or ran last (null: none since it started). */
  rolloutStatus(): RolloutView | null;
  /**
   * On the primary of a cluster (upgrade-mode other than local-only): starts a rolling upgrade.
   * Otherwise installs the image here and restarts into it. The lines say what happened, or why nothing did.
   */
  restore(source: string): Promise<string>;
}

/** Long enough for the console's reply to leave before the firmware stops. */
const RESTART_DELAY_MS = 300;

/** Where the unit stands when an image is restored: a rollout needs a primary with peers and upgrade-mode. */
export interface RestoreContext {
  upgradeMode: UpgradeMode;
  /** This unit is the primary of a cluster with at least one peer. */
  primaryWithPeers: boolean;
}

export interface FirmwareImagesOptions {
  slots: FirmwareSlots;
  rollout: Rollout;
  context: () => RestoreContext;
  probation: Probation;
  releaseKey: string;
  timers: Timers;
  now: () => number;
  log: Logger;
  restart: (why: string) => void;
}

export class FirmwareImages implements ImageControl {
  #busy = false;

  constructor(private readonly o: FirmwareImagesOptions) {}

  get slots(): FirmwareSlots {
    return this.o.slots;
  }

  get probation(): Probation {
    return this.o.probation;
  }

  rolloutStatus(): RolloutView | null {
    return this.o.rollout.status();
  }

  async restore(source: string): Promise<string> {
    if (this.#busy) return 'Command fail. An image is being installed already.\n';
    if (!isUrl(source) && !isAbsolute(source)) {
      return `Command fail. ${JSON.stringify(source)}: give an absolute path on this unit, or an http:// or https:// URL.\n`;
    }
    this.#busy = true;
    const lines: string[] = [];
    const progress = (line: string) => {
      lines.push(line);
      this.o.log.info(line);
    };
    const download = join(this.o.slots.dir, '.download.tar.zst');
    try {
      const archive = isUrl(source) ? download : source;
      if (archive === download) await downloadImage(source, download, progress);
      const ctx = this.o.context();
      if (ctx.primaryWithPeers && ctx.upgradeMode !== 'local-only') {
        return `${lines.map((l) => `${l}\n`).join('')}${await this.o.rollout.start(archive, ctx.upgradeMode)}`;
      }
      const opts: InstallOptions = { slots: this.o.slots, releaseKey: this.o.releaseKey, progress, now: this.o.now };
      const { slot, manifest } = await installImage(archive, opts);
      const why = `firmware tandem ${manifest.version} installed into slot ${slot} from ${source}: restarting into it`;
      this.o.log.event(why, 'info', { subtype: 'system', fields: { action: 'image-installed' } });
      this.o.timers.after(RESTART_DELAY_MS, () => this.o.restart(why));
      return `${lines.join('\n')}\nRestarting into tandem ${manifest.version} (slot ${slot}) now.\n`;
    } catch (err) {
      if (!(err instanceof BundleError)) throw err;
      this.o.log.event(`firmware image ${source} refused: ${err.message}`, 'warn', { subtype: 'system' });
      return `${lines.map((l) => `${l}\n`).join('')}Command fail. ${err.message}\n`;
    } finally {
      rmSync(download, { force: true });
      rmSync(`${download}.sig`, { force: true });
      this.#busy = false;
    }
  }
}
