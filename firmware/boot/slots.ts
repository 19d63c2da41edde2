/**
 * The board's A/B firmware slots as the firmware sees them: which one runs, what each holds,
 * and the boot state it shares with the boot selector (scripts/tandem-boot, boot-state.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageDevice } from '../../hal/storage/index.js';
import { MANIFEST_FILE, parseManifest } from '../release/manifest.js';
import { BOOT_STATE_FILE, type BootState, otherSlot, parseBootState, renderBootState, type Slot, slotDir } from './boot-state.js';

export interface SlotImage {
  slot: Slot;
  /** "tandem 1.2.0 (arm64)"-like facts from the slot's manifest; null when the slot holds none. */
  image: { name: string; version: string; arch: string; node: string; files: number; bytes: number } | null;
  /** Why the slot holds no readable image (empty, a bad manifest). */
  problem?: string;
  /** When the manifest was written into the slot (its install), ms since the epoch. */
  installedAtMs?: number;
}

export class FirmwareSlots {
  /** The slot this firmware runs from: the selector says so (TANDEM_SLOT); else the active one. */
  readonly running: Slot;

  constructor(
    readonly dir: string,
    private readonly storage: StorageDevice,
    runningFromEnv: string | undefined,
  ) {
    this.running = runningFromEnv === 'a' || runningFromEnv === 'b' ? runningFromEnv : this.state().active;
  }

  get statePath(): string {
    return join(this.dir, BOOT_STATE_FILE);
  }

  state(): BootState {
    return parseBootState(this.storage.read(this.statePath));
  }

  /** The slot an install writes: never the running one. */
  get inactive(): Slot {
    return otherSlot(this.running);
  }

  path(slot: Slot): string {
    return slotDir(this.dir, slot);
  }

  /** This boot runs an image that is on trial (installed, not yet confirmed healthy). */
  onTrial(): boolean {
    return this.state().trial === this.running;
  }

  /** The running image is good: it boots from now on; the other slot keeps the previous one. */
  confirm(): void {
    const s = this.state();
    this.write({ ...s, active: this.running, trial: null, tries: 0 });
  }

  /** The image just installed in `slot` boots next, once (the selector counts it). */
  stageTrial(slot: Slot): void {
    this.write({ ...this.state(), trial: slot, tries: 0 });
  }

  /** The slot the selector rolled back from before this boot, cleared once read. */
  takeRolledBack(): Slot | null {
    const s = this.state();
    if (s.rolledBack === null) return null;
    this.write({ ...s, rolledBack: null });
    return s.rolledBack;
  }

  image(slot: Slot): SlotImage {
    const manifestPath = join(this.path(slot), MANIFEST_FILE);
    let text: string;
    try {
      text = readFileSync(manifestPath, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return { slot, image: null, problem: code === 'ENOENT' ? 'empty' : `unreadable (${code ?? String(err)})` };
    }
    try {
      const m = parseManifest(text);
      const bytes = m.files.reduce((sum, f) => sum + f.size, 0);
      const image = { name: m.name, version: m.version, arch: m.arch, node: m.node, files: m.files.length, bytes };
      return { slot, image, installedAtMs: statSync(manifestPath).mtimeMs };
    } catch (err) {
      return { slot, image: null, problem: (err as Error).message };
    }
  }

  /** "tandem 1.2.0 in slot b", or what the slot holds instead. */
  describe(slot: Slot): string {
    const i = this.image(slot);
    return i.image ? `${i.image.name} ${i.image.version} in slot ${slot}` : `slot ${slot} (${i.problem})`;
  }

  private write(s: BootState): void {
    this.storage.writeAtomic(this.statePath, renderBootState(s));
  }
}
