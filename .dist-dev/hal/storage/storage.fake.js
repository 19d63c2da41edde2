/** A storage device for tests: flash in memory. */
import { basename, dirname } from 'node:path';
/** Flash in memory; `failWrites` makes the next writes throw like a full disk. */
export class MemoryStorage {
    files = new Map();
    writes = 0;
    failWrites = false;
    read(path) {
        return this.files.get(path);
    }
    writeAtomic(path, text) {
        if (this.failWrites)
            throw new Error(`ENOSPC writing ${path}`);
        this.writes++;
        this.files.set(path, text);
    }
    list(folder) {
        return [...this.files.keys()]
            .filter((p) => dirname(p) === folder)
            .map((p) => basename(p))
            .sort();
    }
    remove(path) {
        this.files.delete(path);
    }
}
//# sourceMappingURL=storage.fake.js.map