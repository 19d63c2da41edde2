/** A storage device for tests: flash in memory. */
import { basename, dirname } from 'node:path';
import type { StorageDevice } from './index.js';

/** Flash in memory; `failWrites` makes the next writes throw like a full disk. */
export class MemoryStorage implements StorageDevice {
  readonly files = new Map<string, string>();
  writes = 0;
  failWrites = false;

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  writeAtomic(path: string, text: string): void {
    if (this.failWrites) throw new Error(`ENOSPC writing ${path}`);
    this.writes++;
    this.files.set(path, text);
  }

  list(folder: string): string[] {
    return [...this.files.keys()]
      .filter((p) => dirname(p) === folder)
      .map((p) => basename(p))
      .sort();
  }

  remove(path: string): void {
    this.files.delete(path);
  }
}
